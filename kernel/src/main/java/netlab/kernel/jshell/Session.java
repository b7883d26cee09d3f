package netlab.kernel.jshell;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import jdk.jshell.JShell;
import netlab.agent.Control;

/**
 * One JShell and the agent JVM it runs code in; replaced as a whole when the agent is restarted. {@code pieces}:
 * the classes {@link DirectRun} wrapped this session's pieces in.
 */
record Session(JShell shell, KernelExecutionControl control, CellSplitter splitter, CodeAssist assist,
               DeclarationPlanner declarations, Optional<StaleClassFiles> staleClassFiles, PieceFrames pieces) {

    AgentProcess agent() {
        return control.agent();
    }

    /** One request on the agent's control connection; a {@link Control.Failed} when it got no answer. */
    Control.Reply ask(Control.Request request) {
        return control.agent().control().ask(request);
    }

    /**
     * Sends {@code request} on the agent's control connection and returns at once, so the kernel works while the
     * agent answers (a cell compiles meanwhile). The answer goes to {@code answered} once: before the next command
     * JShell sends the agent (a load, an invoke, ...; {@link KernelExecutionControl#beforeNextCommand}) or when the
     * returned call runs, whichever comes first; then no gate is left.
     */
    Runnable askBeforeNextCommand(Control.Request request, Consumer<Control.Reply> answered) {
        AgentControl agentControl = agent().control();
        AgentControl.Asked asked = agentControl.send(request);
        AtomicBoolean done = new AtomicBoolean();
        Runnable await = () -> {
            control.openGate();
            if (done.compareAndSet(false, true)) {
                answered.accept(agentControl.answer(asked));
            }
        };
        control.beforeNextCommand(await);
        return await;
    }

    /**
     * Ends the cell in the agent: the answer to the end its last piece asked for with its invoke
     * ({@link KernelExecutionControl#loadAndInvoke}), or, when none was, {@link Control.EndCell} asked now.
     */
    Control.Reply endCell() {
        AgentControl agentControl = agent().control();
        return control.takeEndAsked().map(agentControl::answer)
                .orElseGet(() -> agentControl.ask(new Control.EndCell()));
    }

    /** Forgets the end a cell's last piece asked for: the cell goes on, and its end is asked afresh. */
    void forgetEndAsked() {
        control.takeEndAsked();
    }

    boolean terminated() {
        return control.terminated();
    }
}
