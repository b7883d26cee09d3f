package netlab.agent;

/** TEMPORARY: start timeline, printed to stderr when NETLAB_TRACE is set. */
public final class StartTrace {
    private static final boolean ON = System.getenv("NETLAB_TRACE") != null;
    private StartTrace() {}
    public static void mark(String what) {
        if (ON) {
            System.err.println("TRACE " + System.currentTimeMillis() + " " + ProcessHandle.current().pid() + " " + what);
        }
    }
}
