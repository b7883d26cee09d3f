package netlab.kernel.jshell;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What magics may touch: the engine's per-cell limits, the agent's list of open resources, the session's
 * language and how to switch it (in the kernel and the agent alike).
 */
record MagicContext(CellLimits limits, Supplier<String[]> openResources, Function<String, String[]> close,
                    SessionLanguage language, Consumer<netlab.text.Lang> useLanguage) {
}
