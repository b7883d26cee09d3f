package netlab.agent;

import netlab.display.DisplaySink;
import netlab.runtime.NotebookHost;
import netlab.runtime.StopScope;

/**
 * The agent as the course library's {@link NotebookHost}, registered for {@link java.util.ServiceLoader} in
 * netlab.jar: displays go to the kernel once the agent's display stream is up ({@link #showOn}), resources and
 * scopes belong to the calling thread's cell. In a JVM that is not an agent (the kernel's, a test's) there are no
 * cells and no display stream, and it behaves as {@link NotebookHost#OUTSIDE}.
 */
public final class AgentHost implements NotebookHost {

    /** Set once, when the connection's display stream opens; standard output before (the agent's own start). */
    private static volatile DisplaySink display = DisplaySink.STDOUT;

    /** For {@link java.util.ServiceLoader}: every instance is a view of the one agent this JVM is. */
    public AgentHost() {
    }

    /** From now on, what cells show goes to {@code sink}. */
    static void showOn(DisplaySink sink) {
        display = sink;
    }

    @Override
    public DisplaySink display() {
        return display;
    }

    @Override
    public void track(Object resource) {
        Ownership.track(resource);
    }

    @Override
    public StopScope openScope() {
        return CellScope.open();
    }
}
