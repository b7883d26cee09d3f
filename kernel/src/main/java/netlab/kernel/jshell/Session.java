package netlab.kernel.jshell;

import java.util.Optional;
import jdk.jshell.JShell;
import netlab.agent.Control;

/** One JShell and the agent JVM it runs code in; replaced as a whole when the agent is restarted. */
record Session(JShell shell, KernelExecutionControl control, CellSplitter splitter, CodeAssist assist,
               DeclarationPlanner declarations, Optional<StaleClassFiles> staleClassFiles) {

    AgentProcess agent() {
        return control.agent();
    }

    /** One request on the agent's control connection; a {@link Control.Failed} when it got no answer. */
    Control.Reply ask(Control.Request request) {
        return control.agent().control().ask(request);
    }

    boolean terminated() {
        return control.terminated();
    }
}
