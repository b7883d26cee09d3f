package netlab.kernel.jshell;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import jdk.jshell.JShell;
import netlab.agent.Control;

/**
 * What magics may touch: the engine's per-cell limits, the agent's control connection ({@code ask}: its open
 * resources, closing them, reading a file where student code runs), how a student finds the cell of a resource's
 * key (the number beside it, {@code [7]}), the session's JShell (for JShell's own commands and what {@code %load}
 * loads), the startup snippets (which {@code /list} leaves out), the plan of the cell being run, and the
 * session's language and how to switch it (in the kernel and the agent alike).
 */
record MagicContext(CellLimits limits, Function<Control.Request, Control.Reply> ask,
                    Function<String, String> cellLabel, JShell shell, List<String> startup, CellPlan plan,
                    SessionLanguage language, Consumer<netlab.text.Lang> useLanguage) {
}
