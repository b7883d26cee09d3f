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

    /** JShell's framing of a command on the stream, and its success status (jdk.jshell.execution.RemoteCodes). */
    private static final int COMMAND_PREFIX = 0xC03DC03D;
    private static final int RESULT_SUCCESS = 100;

    private final ObjectOutput out;
    private final ObjectInput in;
    private final AgentProcess agent;
    private final Object lock = new Object();
    private long invokes;
    private boolean invoking;
    private boolean stopRequested;
    private volatile boolean lastInvokeStopped;
    private volatile boolean terminated;

    KernelExecutionControl(ObjectOutput out, ObjectInput in, AgentProcess agent) {
        super(out, in);
        this.out = out;
        this.in = in;
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
            return (String[]) agentCommand(AgentProtocol.LAST_VALUE_BUNDLE, null);
        } catch (ClassCastException e) {
            return null;
        }
    }

    /** Tells the agent a cell with {@code key} starts; answers what that key's previous run left open and was closed. */
    String[] beginCell(String key, long outputLimit) {
        return strings(agentCommand(AgentProtocol.BEGIN_CELL, new String[] {key, Long.toString(outputLimit)}));
    }

    /** Bytes of output the cell wrote beyond the cap. */
    long endCell() {
        return agentCommand(AgentProtocol.END_CELL, null) instanceof Long n ? n : 0;
    }

    /** What cells opened and still is open, as "description\tcell" lines. */
    String[] resources() {
        return strings(agentCommand(AgentProtocol.RESOURCES, null));
    }

    /** Closes what uses {@code port} ("7788") or everything ("all"); answers what was closed. */
    String[] closeResources(String which) {
        return strings(agentCommand(AgentProtocol.CLOSE, which));
    }

    /**
     * The threads and executors cell {@code key} started that still run, as "deadlocked\t..." or
     * "running\t..." lines; empty when all ended (see netlab.agent.Lingering).
     */
    String[] liveThreads(String key) {
        return strings(agentCommand(AgentProtocol.LIVE_THREADS, key));
    }

    /**
     * Sends one of netlab's own agent commands on JShell's command stream and returns the agent's answer
     * (a String, String[] or Long), or null if the agent could not answer. Written here instead of calling
     * {@code extensionCommand}: Debian's OpenJDK 25.0.5 made the kernel side of {@code extensionCommand}
     * throw NotImplementedException, while its agent-side forwarder still dispatches such commands.
     */
    private Object agentCommand(String name, Object arg) {
        try {
            out.writeInt(COMMAND_PREFIX);
            out.writeUTF(name);
            out.writeObject(arg);
            out.flush();
            int status = in.readInt();
            if (status == RESULT_SUCCESS) {
                return in.readObject();
            }
            if (status < 101 || status > 103) {
                // a status with more fields than a message: the stream cannot be trusted any more
                terminated = true;
                return null;
            }
            // terminated, not implemented, internal problem: the forwarder follows the status with a message
            String message = in.readUTF();
            System.getLogger("netlab.engine").log(System.Logger.Level.WARNING,
                    "agent command " + name + " failed (" + status + "): " + message);
            return null;
        } catch (java.io.IOException | ClassNotFoundException e) {
            terminated = true;
            return null;
        }
    }

    private static String[] strings(Object o) {
        return o instanceof String[] a ? a : new String[0];
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
