package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import netlab.exercise.Check;
import netlab.course.IpExercises;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.Test;

/** Reads the JSON line the lessons' real {@code CheckReport} writes, not a hand-written copy. */
class CheckResultTest {

    @Test
    void readsARealReport() {
        String line = Check.grade("ip.class-of", (IpExercises.ClassOf) ip -> "A", Duration.ofSeconds(1)).jsonLine();
        CheckResult r = CheckResult.parse(line);
        assertEquals("ip.class-of", r.exercise());
        assertTrue(r.graded());
        assertFalse(r.allPassed());
        assertEquals(r.cases().stream().filter(c -> c.status().equals("PASSED")).count(), r.passedCount());
        assertEquals(r.earned(), r.cases().stream().mapToDouble(CheckResult.CaseResult::earned).sum());
    }

    @Test
    void decodesTheSnippetValueAndRefusesAnythingElse() {
        String seen = Check.collect("ip.same-subnet", (IpExercises.SameSubnet) (a, b, p) -> true, Duration.ofSeconds(1), "");
        String quoted = "\"" + Base64.getEncoder().encodeToString(seen.getBytes(StandardCharsets.UTF_8)) + "\"";
        assertEquals(seen, SubmissionGrader.decode(MimeBundle.text(quoted)));
        assertThrows(IllegalArgumentException.class, () -> SubmissionGrader.decode(MimeBundle.text("null")));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.parse("NETLAB-CHECK {\"exercise\":1}"));
    }
}
