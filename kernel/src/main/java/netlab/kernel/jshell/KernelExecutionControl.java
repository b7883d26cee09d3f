package netlab.kernel.jshell;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;
import netlab.agent.AgentProtocol;

/**
 * The kernel's end of JShell's execution SPI: JShell's streaming protocol to the agent, plus what JShell
 * does not tell its caller — whether the last invoke was stopped, and stop requests that reach the agent
 * while a cell runs (over the control connection, never JShell's command stream).
 *
 * <p>Threading: JShell calls from the engine thread; {@link #requestStop()} from any thread.
 */
final class KernelExecutionControl extends StreamingExecutionControl {

    private final AgentProcess agent;
    private final Object lock = new Object();
    private long invokes;
    private boolean invoking;
    private boolean stopRequested;
    private volatile boolean lastInvokeStopped;
    private volatile boolean terminated;

    KernelExecutionControl(ObjectOutput out, ObjectInput in, AgentProcess agent) {
        super(out, in);
        this.agent = agent;
    }

    AgentProcess agent() {
        return agent;
    }

    /** Forgets a stop request of an earlier cell; called as a cell starts. */
    void clearStop() {
        synchronized (lock) {
            stopRequested = false;
        }
        lastInvokeStopped = false;
    }

    /** Stops the running invoke, and any invoke started before {@link #clearStop()}. */
    void requestStop() {
        synchronized (lock) {
            stopRequested = true;
            if (invoking) {
                agent.sendStop(invokes);
            }
        }
    }

    boolean lastInvokeStopped() {
        return lastInvokeStopped;
    }

    boolean terminated() {
        return terminated || !agent.isAlive();
    }

    @Override
    public String invoke(String classname, String methodname)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (lock) {
            if (stopRequested) {
                lastInvokeStopped = true;
                throw new StoppedException();
            }
            // Count every invoke sent, as the agent does, so a stop names the right one.
            invokes++;
            invoking = true;
        }
        try {
            return super.invoke(classname, methodname);
        } catch (StoppedException e) {
            lastInvokeStopped = true;
            throw e;
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        } finally {
            synchronized (lock) {
                invoking = false;
            }
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

    /** The MIME bundle of the last invoke's value as (mime, data) pairs, or null if it is not Displayable. */
    String[] lastValueBundle() {
        try {
            return (String[]) extensionCommand(AgentProtocol.LAST_VALUE_BUNDLE, null);
        } catch (RunException | EngineTerminationException | InternalException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        requestStop();
    }

    @Override
    public void close() {
        super.close();
        agent.close();
    }
}
