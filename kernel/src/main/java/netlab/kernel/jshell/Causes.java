package netlab.kernel.jshell;

/** What an exception carries, as JShell and javac wrap one in another. */
final class Causes {

    private Causes() {
    }

    /** Whether {@code e} is a {@code kind} or wraps one at any depth. */
    static boolean include(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) { // getCause() is null for an exception its own cause
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
