package netlab.kernel.jshell;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;
import netlab.agent.AgentProtocol;

/**
 * The kernel's end of JShell's execution SPI: JShell's streaming protocol to the agent, plus what JShell
 * does not tell its caller — whether the last invoke was stopped, stop requests that reach the agent while a
 * cell runs, and netlab's per-cell requests. Those two travel on the control connection ({@link AgentControl}),
 * never on JShell's command stream, whose extension commands some JDK builds no longer forward.
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
                agent.control().stop(invokes);
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
        return agent.control().request(AgentProtocol.LAST_VALUE_BUNDLE);
    }

    /**
     * Tells the agent a cell with {@code key} starts, with its output cap and its thread cap ({@code %%threads},
     * 0 for the defaults); answers what that key's previous run left open and was closed.
     */
    String[] beginCell(String key, long outputLimit, int threads) {
        return strings(agent.control().request(AgentProtocol.BEGIN_CELL, key, Long.toString(outputLimit),
                Integer.toString(threads)));
    }

    /** Bytes of output the cell wrote beyond the cap; returns once all the cell's output has arrived. */
    long endCell() {
        String[] answer = agent.control().endCell();
        return answer != null && answer.length == 1 ? Long.parseLong(answer[0]) : 0;
    }

    /** What cells opened and still is open, as "description\tcell" lines. */
    String[] resources() {
        return strings(agent.control().request(AgentProtocol.RESOURCES));
    }

    /** Closes what uses {@code port} ("7788") or everything ("all"); answers what was closed. */
    String[] closeResources(String which) {
        return strings(agent.control().request(AgentProtocol.CLOSE, which));
    }

    /**
     * The threads and executors cell {@code key} started that still run, as "deadlocked\t..." or
     * "running\t..." lines; empty when all ended (see netlab.agent.Lingering); null when the agent did not
     * answer (it died, or was killed meanwhile).
     */
    String[] liveThreads(String key) {
        return agent.control().request(AgentProtocol.LIVE_THREADS, key);
    }

    private static String[] strings(String[] a) {
        return a != null ? a : new String[0];
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
