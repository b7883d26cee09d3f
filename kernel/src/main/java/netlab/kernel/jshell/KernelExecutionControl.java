package netlab.kernel.jshell;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The kernel's end of JShell's execution SPI: JShell's streaming protocol to the agent, plus the one thing
 * JShell does not tell its caller — that the agent is gone. Stops and netlab's per-cell requests travel on
 * the control connection ({@link AgentControl}), never on JShell's command stream, whose extension commands
 * some JDK builds no longer forward; a cell's stop state lives in its {@link CellRun}, not here.
 *
 * <p>Threading: JShell calls from the engine thread; {@link #terminated()} from any thread.
 */
final class KernelExecutionControl extends StreamingExecutionControl {

    private final AgentProcess agent;
    private volatile boolean terminated;

    KernelExecutionControl(ObjectOutput out, ObjectInput in, AgentProcess agent) {
        super(out, in);
        this.agent = agent;
    }

    AgentProcess agent() {
        return agent;
    }

    boolean terminated() {
        return terminated || !agent.isAlive();
    }

    @Override
    public String invoke(String classname, String methodname)
            throws RunException, EngineTerminationException, InternalException {
        try {
            return super.invoke(classname, methodname);
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        try {
            super.load(cbcs);
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    @Override
    public void stop() {
        // JShell's own stop is not used: CellRun stops a cell on the control connection
    }

    @Override
    public void close() {
        super.close();
        agent.close();
    }
}
