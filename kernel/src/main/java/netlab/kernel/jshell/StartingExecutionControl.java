package netlab.kernel.jshell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jdk.jshell.spi.ExecutionControl;

/**
 * What JShell runs code through while the agent JVM is still starting: class loads are kept and sent once the
 * agent has connected; every other call waits for the agent. So the kernel compiles the startup snippets
 * (whose wrapper classes JShell only loads, never runs) and warms javac while the agent JVM boots, instead
 * of after it: the two took ~0.5 s each one after the other at the first cell of a session.
 *
 * <p>Only the session's start sees the agent still starting: {@link Sessions} hands a session out once
 * {@link #connected()} returned, so a student's cell never has a load kept back.
 *
 * <p>Threading: JShell calls from one thread (the session's start, then the engine's shell thread);
 * {@link #stop()} and {@link #close()} may come from any thread.
 */
final class StartingExecutionControl implements ExecutionControl {

    private final CompletableFuture<KernelExecutionControl> starting;
    /** Loads JShell made before the agent connected, in order; guarded by {@code this}. */
    private final List<ClassBytecodes[]> kept = new ArrayList<>();
    private volatile KernelExecutionControl connected;

    /** {@code starting} completes with the agent's control once it connected, or with why it did not start. */
    StartingExecutionControl(CompletableFuture<KernelExecutionControl> starting) {
        this.starting = starting;
    }

    /**
     * The agent's control, once it has connected and received the loads kept for it; waits for it.
     *
     * @throws IOException why the agent did not start, or that it died while receiving the kept loads
     */
    KernelExecutionControl connected() throws IOException {
        KernelExecutionControl c = connected;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connected == null) {
                KernelExecutionControl agent;
                try {
                    agent = starting.join();
                } catch (CompletionException | java.util.concurrent.CancellationException e) {
                    throw Sessions.asIOException(e.getCause() instanceof Exception cause ? cause : e);
                }
                try {
                    for (ClassBytecodes[] load : kept) {
                        agent.load(load);
                    }
                } catch (ExecutionControlException e) {
                    agent.close();
                    throw new IOException("the new agent could not load the startup snippets' classes: " + e, e);
                }
                kept.clear();
                connected = agent;
            }
            return connected;
        }
    }

    /** Why the agent did not start, once that is known; null while it starts and once it has connected. */
    IOException startFailure() {
        if (!starting.isCompletedExceptionally()) {
            return null;
        }
        try {
            starting.join();
            return null;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return Sessions.asIOException(e.getCause() instanceof Exception cause ? cause : e);
        }
    }

    /** The control JShell's calls other than a load wait for; an agent that did not start counts as terminated. */
    private KernelExecutionControl agent() throws EngineTerminationException {
        try {
            return connected();
        } catch (IOException e) {
            throw new EngineTerminationException("the agent did not start: " + e.getMessage());
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        KernelExecutionControl c = connected;
        if (c == null) {
            synchronized (this) {
                if (connected == null && !starting.isDone()) {
                    kept.add(cbcs);
                    return;
                }
            }
            c = agent();
        }
        c.load(cbcs);
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        agent().redefine(cbcs);
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        return agent().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        return agent().varValue(className, varName);
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        agent().addToClasspath(path);
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        KernelExecutionControl c = connected;
        if (c != null) {
            c.stop();
        }
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        return agent().extensionCommand(command, arg);
    }

    /** Closes the agent; one still starting is closed as soon as it has connected, so it never outlives JShell. */
    @Override
    public void close() {
        starting.thenAccept(KernelExecutionControl::close);
    }
}
