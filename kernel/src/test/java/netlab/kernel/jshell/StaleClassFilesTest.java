package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

class StaleClassFilesTest {

    @Test
    void forgetsRunStatementsAndDroppedValuesOnlyOnce() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            StaleClassFiles stale = StaleClassFiles.of(shell).orElseThrow(); // surefire opens jdk.jshell
            shell.eval("int kept = 7;");
            shell.eval("int twice(int x) { return 2 * x; }");
            for (int i = 1; i <= 5; i++) {
                shell.eval(i + " * 2");                 // a value: $1 ... $5, each its own class
                shell.eval("if (kept > 0) kept++;");   // a statement, its own class
            }
            assertEquals(5, stale.forget(), "the five statements; every value is still active");
            assertEquals(3, TempVariables.dropAllButLatest(shell, 2));
            assertEquals(3, stale.forget(), "the three dropped values");
            assertEquals(0, stale.forget(), "nothing new");

            // what later cells name still compiles and runs: declarations, the values kept, new code
            assertEquals("24", value(shell, "twice(kept)"));
            assertEquals("18", value(shell, "$4 + $5"));
            assertEquals(Snippet.Status.REJECTED, shell.eval("$1").getFirst().status());
        }
    }

    @Test
    void keepsADroppedValueWithNestedClasses() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            StaleClassFiles stale = StaleClassFiles.of(shell).orElseThrow();
            shell.eval("new Object() { int f = 3; }");   // $1: its class and the anonymous class in it
            shell.eval("2 + 2");
            shell.eval("3 + 3");
            assertEquals(2, TempVariables.dropAllButLatest(shell, 1));
            assertEquals(1, stale.forget(), "only $2's class: $1's anonymous class may be a type still in use");
            assertEquals("7", value(shell, "$3 + 1"));
        }
    }

    @Test
    void forgetsTheClassOfAVariableOrMethodDeclaredAgainWithOtherSource() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            StaleClassFiles stale = StaleClassFiles.of(shell).orElseThrow();
            shell.eval("int x = 1;");
            shell.eval("int y() { return x + 10; }");
            shell.eval("record P(int a) { }");
            shell.eval("P p = new P(1);");
            assertEquals(0, stale.forget());
            shell.eval("int x = 1;");
            shell.eval("int y() { return x + 10; }");
            assertEquals(0, stale.forget(), "run again unchanged: the same classes, still in use");
            shell.eval("int x = 2;");
            shell.eval("int y() { return x + 20; }");
            shell.eval("record P(int a, int b) { }");
            assertEquals(2, stale.forget(), "the old x and y; a type stays, whatever becomes of it");
            assertEquals(0, stale.forget(), "nothing new");

            assertEquals("22", value(shell, "y()"));
            assertEquals("P[a=2, b=3]", value(shell, "new P(x, 3)"));
            shell.eval("int x = 5;");
            assertEquals(1, stale.forget());
            assertEquals("25", value(shell, "y()"));
        }
    }

    private static String value(JShell shell, String expression) {
        List<SnippetEvent> events = shell.eval(expression);
        SnippetEvent last = events.getLast();
        assertEquals(Snippet.Status.VALID, last.status(), expression + ": " + shell.diagnostics(last.snippet())
                .map(d -> d.getMessage(null)).toList());
        return last.value();
    }
}
