package netlab.kernel.jshell;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import jdk.jshell.JShell;

/**
 * What magics may touch: the engine's per-cell limits, the agent's list of open resources, the session's JShell
 * (for JShell's own commands), the startup snippets (which {@code /list} leaves out), a file read by the agent
 * ({@code %load}: read where student code runs, so the grader's sandbox applies to it too) and the plan of the
 * cell being run.
 */
record MagicContext(CellLimits limits, Supplier<String[]> openResources, Function<String, String[]> close,
                    JShell shell, List<String> startup, Function<String, byte[]> readInAgent, CellPlan plan) {
}
