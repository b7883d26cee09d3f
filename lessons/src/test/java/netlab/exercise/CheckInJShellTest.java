package netlab.exercise;

import netlab.course.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/**
 * The check cell as students get it, evaluated by JShell (its in-process engine): a top-level method is
 * handed to the check as a lambda, the released stub reads "not answered yet", and a class the student
 * names {@code Check} does not replace netlab's.
 */
class CheckInJShellTest {

    static final String CHECK_CELL =
            "netlab.exercise.Check.run(\"ip.class-of\", (netlab.course.IpExercises.ClassOf) ip -> classOf(ip));";

    @Test
    void aCheckCellChecksTheTopLevelMethodOfAnAnswerCell() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        // the local engine runs snippets in this JVM, so what they print goes to System.out
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            eval(shell, "String classOf(String ip) { throw new UnsupportedOperationException(\"TODO: write your answer here\"); }");
            eval(shell, CHECK_CELL);
            eval(shell, "class Check { static void run(String id, Object a) { System.out.println(\"all passed!\"); } }");
            eval(shell, """
                    String classOf(String ip) {
                        int first = Integer.parseInt(ip.split("\\\\.")[0]);
                        return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : "D";
                    }""");
            eval(shell, CHECK_CELL);
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("not answered yet · public checks 0/4 · 3 hidden checks run when graded"), text);
        assertTrue(text.contains("public checks 4/4 passed · 3 hidden checks run when graded"), text);
        assertTrue(!text.contains("all passed!"), text);
    }

    static void eval(JShell shell, String source) {
        List<SnippetEvent> events = shell.eval(source);
        // a redefinition also reports the snippet it replaced (as OVERWRITTEN); judge only the new one
        for (SnippetEvent e : events.stream().filter(e -> e.causeSnippet() == null).toList()) {
            assertTrue(e.status() == Snippet.Status.VALID, () -> "not valid: " + source + "\n"
                    + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
            assertEquals(null, e.exception(), source);
        }
    }
}
