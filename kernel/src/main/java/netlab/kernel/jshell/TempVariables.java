package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The variables JShell makes for expression values ({@code $1}, {@code $2} ... for a cell ending in
 * {@code 1 + 1} or {@code socket.send(...)}), dropped all but the latest few before each cell. JShell brings
 * every active declaration into each new snippet with an import, so each one left active makes every later cell
 * compile more: measured with JShell alone, {@code 1 + 1} took 8 ms after 250 such cells and 47 ms after 2,000;
 * keeping the last 10 it stays at 5-7 ms. A notebook shows these values as Out[n] and never names them, so only
 * someone who types {@code $17} by hand can tell, and the latest ones still answer.
 *
 * <p>Why 3 and not 10: each value kept is an {@code import static} in each of the five javac tasks of a cell,
 * and javac reads its class again for each (JShell empties javac's view of its package after every task).
 * JShell alone with the kernel's JVM options, CPU per {@code 1 + 1} after 200 such cells (median of 3): keeping
 * 10, 6.98 ms; 5, 5.48 ms; 3, 4.91 ms; 1, 4.84 ms.
 */
final class TempVariables {

    /** How many of the latest expression values keep their variable. */
    static final int KEPT = 3;

    private TempVariables() {
    }

    /**
     * Drops the active expression-value variables of {@code shell} but JShell's latest {@code keep}, and every
     * {@link ValueExpression} variable (an earlier cell's value, which nothing names); returns how many.
     */
    static int dropAllButLatest(JShell shell, int keep) {
        List<VarSnippet> doomed = new ArrayList<>();
        List<VarSnippet> temps = new ArrayList<>();   // in the order they were made
        shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> {
            if (ValueExpression.isValue(v)) {
                doomed.add(v);
            } else if (v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                temps.add(v);
            }
        });
        doomed.addAll(temps.subList(0, Math.max(0, temps.size() - keep)));
        doomed.forEach(shell::drop);
        return doomed.size();
    }

    /** Whether {@code s} is a variable made only to hold an expression's value: JShell's {@code $N} or ours. */
    static boolean holdsValue(Snippet s) {
        return s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || ValueExpression.isValue(s);
    }
}
