package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import netlab.exercise.Exercise;
import netlab.exercise.Exercises;
import org.junit.jupiter.api.Test;

/** The check cells' entry points: one per exercise, typed by its answer, usable without a cast. */
class CourseCheckTest {

    @Test
    void everyExerciseHasOneEntryPointTypedByItsAnswerAndNoEntryPointIsWithoutAnExercise() {
        Map<String, Method> entryPoints = Arrays.stream(Check.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.getName().equals("run"))
                .collect(Collectors.toMap(Method::getName, m -> m));
        Map<String, String> missing = new TreeMap<>();
        for (Exercise<?> e : Exercises.all()) {
            Method m = entryPoints.remove(e.checkName());
            if (m == null || m.getParameterCount() != 1 || m.getParameterTypes()[0] != e.answerType()) {
                missing.put(e.id(), "public static void " + e.checkName() + "(" + e.answerType().getSimpleName()
                        + " answer)");
            }
        }
        assertEquals(Map.of(), missing, "exercises without an entry point in netlab.course.Check");
        assertEquals(Map.of(), entryPoints, "entry points without an exercise");
    }

    @Test
    void theNameIsTheIdInCamelCase() {
        assertEquals("ipClassOf", Exercise.checkNameOf("ip.class-of"));
        assertEquals("udpEchoServer", Exercise.checkNameOf("udp.echo-server"));
        assertEquals("tftpAckLoop", Exercise.checkNameOf("tftp.ack-loop"));
    }

    @Test
    void aCheckCellNeedsNoCast() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            eval(shell, "import netlab.course.Check;");
            eval(shell, "String classOf(String ip) { throw new UnsupportedOperationException(\"TODO: write your answer here\"); }");
            eval(shell, "Check.ipClassOf(ip -> classOf(ip));");
            eval(shell, """
                    String classOf(String ip) {
                        int first = Integer.parseInt(ip.split("\\\\.")[0]);
                        return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : "D";
                    }""");
            eval(shell, "Check.ipClassOf(ip -> classOf(ip));");
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("not answered yet · public checks 0/4"), text);
        assertTrue(text.contains("public checks 4/4 passed"), text);
    }

    static void eval(JShell shell, String source) {
        for (SnippetEvent e : shell.eval(source).stream().filter(e -> e.causeSnippet() == null).toList()) {
            assertTrue(e.status() == Snippet.Status.VALID, () -> "not valid: " + source + "\n"
                    + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
            assertEquals(null, e.exception(), source);
        }
    }
}
