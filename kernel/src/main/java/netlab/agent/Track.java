package netlab.agent;

/**
 * Targets of the calls {@link ResourceWeaver} puts into student bytecode: they record what a cell opens and
 * enforce the per-cell thread cap. Public because snippet classes live in another class loader; not for
 * student code.
 */
public final class Track {

    /** Live threads one cell may have; more is almost always a runaway loop. */
    static volatile int threadCap = Integer.getInteger("netlab.threadCap", 2000);

    private Track() {
    }

    /** Records a socket, channel, selector, thread or executor the calling cell just created. */
    public static void opened(Object resource) {
        Ownership.track(resource);
    }

    /** {@code thread.start()} in student code: refuses beyond the cap, then starts and records it. */
    public static void start(Thread thread) {
        checkCap();
        thread.start();
        Ownership.track(thread);
    }

    /** {@code builder.start(task)} in student code. */
    public static Thread start(Thread.Builder builder, Runnable task) {
        checkCap();
        Thread t = builder.start(task);
        Ownership.track(t);
        return t;
    }

    /** {@code Thread.startVirtualThread(task)} in student code. */
    public static Thread startVirtualThread(Runnable task) {
        checkCap();
        Thread t = Thread.startVirtualThread(task);
        Ownership.track(t);
        return t;
    }

    private static void checkCap() {
        Cell cell = Cell.current();
        if (cell != null && Ownership.liveThreads(cell) >= threadCap) {
            throw new IllegalStateException("netlab: this cell already runs " + threadCap + " threads, the most one "
                    + "cell may start; let some finish first (or use an executor with a fixed pool of threads)");
        }
    }
}
