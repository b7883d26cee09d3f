package netlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import netlab.exercise.CaseOutcome;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.exercise.Exercise;
import netlab.exercise.Exercises;
import netlab.course.IpExercises;
import org.junit.jupiter.api.Test;

/** With this jar on the classpath, grading runs the hidden cases too. */
class HiddenCasesTest {

    static String classOf(String ip) {
        int first = Integer.parseInt(ip.split("\\.")[0]);
        return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : first < 240 ? "D" : "E";
    }

    static boolean sameSubnet(String a, String b, int prefix) {
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        return (toLong(a) & mask) == (toLong(b) & mask);
    }

    static long toLong(String ip) {
        long v = 0;
        for (String p : ip.split("\\.")) {
            v = v * 256 + Integer.parseInt(p);
        }
        return v;
    }

    @Test
    void everyExerciseDeclaresAsManyHiddenCasesAsThisJarHolds() {
        for (Exercise<?> e : Exercises.all()) {
            long hidden = Check.notRun(e.id(), "en").outcomes().stream().filter(CaseOutcome::hidden).count();
            assertEquals(e.hiddenCaseCount(), hidden, e.id());
        }
    }

    @Test
    void referenceAnswersPassEveryCase() {
        CheckReport c = Check.grade("ip.class-of", (IpExercises.ClassOf) HiddenCasesTest::classOf, Duration.ofSeconds(2));
        CheckReport s = Check.grade("ip.same-subnet", (IpExercises.SameSubnet) HiddenCasesTest::sameSubnet,
                Duration.ofSeconds(2));
        assertTrue(c.allPassed(), c.toString());
        assertTrue(s.allPassed(), s.toString());
        assertEquals(7, c.outcomes().size());
        assertEquals("graded: 6/6 checks passed (public 3/3, hidden 3/3) · 6/6 points", s.summary());
    }

    @Test
    void anAnswerFittedToThePublicCasesFailsHiddenOnes() {
        // the classic slip: in Java, -1 << 32 is -1, so /0 compares whole addresses
        IpExercises.SameSubnet shiftBug = (a, b, prefix) -> {
            int mask = -1 << (32 - prefix);
            return ((int) toLong(a) & mask) == ((int) toLong(b) & mask);
        };
        CheckReport publicOnly = Check.evaluate("ip.same-subnet", shiftBug);
        assertTrue(publicOnly.allPassed(), publicOnly.toString());
        CheckReport graded = Check.grade("ip.same-subnet", shiftBug, Duration.ofSeconds(2));
        assertFalse(graded.allPassed());
        CaseOutcome failed = graded.outcomes().stream().filter(o -> !o.passed()).findFirst().orElseThrow();
        assertTrue(failed.hidden());
        assertFalse(graded.toString().contains(failed.name()), "hidden inputs stay hidden: " + graded);
    }
}
