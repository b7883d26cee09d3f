package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;

class TempVariablesTest {

    @Test
    void dropsAllButTheLatestExpressionValuesAndNothingElse() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.eval("int kept = 7;");
            for (int i = 1; i <= 15; i++) {
                shell.eval(i + " * 2");
            }
            assertEquals(5, TempVariables.dropAllButLatest(shell, 10));
            List<String> active = shell.variables().filter(v -> shell.status(v).isActive()).map(VarSnippet::name).toList();
            assertEquals(11, active.size(), active.toString());
            assertEquals("kept", active.getFirst());

            // the latest value still answers by its name; a dropped one is gone
            String latest = active.getLast();
            assertEquals("30", value(shell, latest));
            SnippetEvent gone = shell.eval("$1").getFirst();
            assertEquals(Snippet.Status.REJECTED, gone.status());
            assertEquals(0, TempVariables.dropAllButLatest(shell, 10), "naming a value or failing made no new one");
        }
    }

    private static String value(JShell shell, String expression) {
        return shell.eval(expression).getFirst().value();
    }
}
