package netlab.kernel.jshell;

/** What an exception carries, as JShell, javac and the grader's engine wrap one in another. */
public final class Causes {

    private Causes() {
    }

    /** Whether {@code e} is a {@code kind} or wraps one at any depth. */
    public static boolean include(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) { // getCause() is null for an exception its own cause
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
