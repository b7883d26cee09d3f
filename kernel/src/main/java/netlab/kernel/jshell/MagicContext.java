package netlab.kernel.jshell;

import java.util.function.Function;
import java.util.function.Supplier;

/** What magics may touch: the engine's per-cell limits and the agent's list of open resources. */
record MagicContext(CellLimits limits, Supplier<String[]> openResources, Function<String, String[]> close) {
}
