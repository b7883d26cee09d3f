package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckCallTest {

    @Test
    void findsTheIdAndTheAnswerExpression() {
        assertEquals(Optional.of(new CheckCall("ip.class-of", "(IpExercises.ClassOf) ip -> classOf(ip)")),
                CheckCall.find("Check.run(\"ip.class-of\", (IpExercises.ClassOf) ip -> classOf(ip));\n"));
    }

    @Test
    void skipsParenthesesInsideStringsCommentsAndLambdas() {
        String src = "// check it\nnetlab.exercise.Check.run( \"a.b\" , (X) (p, q) -> f(p, \")\", q) /* ) */ );";
        assertEquals(Optional.of(new CheckCall("a.b", "(X) (p, q) -> f(p, \")\", q) /* ) */")), CheckCall.find(src));
    }

    @Test
    void anEntryPointNamesTheExerciseAndTypesTheAnswerWithTheFullName() {
        Map<String, CheckCall.EntryPoint> entries = Map.of("ipClassOf",
                new CheckCall.EntryPoint("ip.class-of", "netlab.course.IpExercises.ClassOf"));
        assertEquals(Optional.of(new CheckCall("ip.class-of", "(netlab.course.IpExercises.ClassOf) (ip -> classOf(ip))")),
                CheckCall.find("// check\nCheck.ipClassOf(ip -> classOf(ip));\n", entries));
        assertTrue(CheckCall.find("Check.ipNope(ip -> classOf(ip));", entries).isEmpty(), "no such entry point");
        assertTrue(CheckCall.find("Check.ipClassOf(a, b);", entries).isEmpty(), "one argument only");
        assertEquals(Optional.of(new CheckCall("a.b", "x")), CheckCall.find("Check.run(\"a.b\", x);", entries),
                "a cell that names the id still works");
    }

    @Test
    void refusesShapesItDoesNotKnow() {
        assertTrue(CheckCall.find("Check.run(id, x);").isEmpty(), "the id must be a literal");
        assertTrue(CheckCall.find("Check.run(\"a.b\", x, y);").isEmpty(), "two arguments only");
        assertTrue(CheckCall.find("Check.run(\"a.b\", f(x);").isEmpty(), "unclosed");
        assertTrue(CheckCall.find("System.out.println(1);").isEmpty());
    }

    @Test
    void theGradeSnippetsNameEverythingFullyQualified() {
        CheckCall call = new CheckCall("ip.class-of", "(IpExercises.ClassOf) ip -> classOf(ip)");
        assertEquals("java.util.Base64.getEncoder().encodeToString(netlab.exercise.Check.collect(\"ip.class-of\", "
                + "(IpExercises.ClassOf) ip -> classOf(ip), java.time.Duration.ofMillis(1000), \"\")"
                + ".getBytes(java.nio.charset.StandardCharsets.UTF_8))", call.publicSnippet(1000));
        assertEquals("java.util.Base64.getEncoder().encodeToString(netlab.exercise.Check.collectHidden(\"ip.class-of\", "
                + "(IpExercises.ClassOf) ip -> classOf(ip), java.time.Duration.ofMillis(1000), \"rO0=\")"
                + ".getBytes(java.nio.charset.StandardCharsets.UTF_8))", call.hiddenSnippet(1000, "rO0="));
    }
}
