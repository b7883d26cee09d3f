package netlab.agent;

/**
 * Targets of the calls {@link ResourceWeaver} puts into student bytecode: they record what a cell opens and
 * the threads it starts (the per-cell thread cap is enforced as threads are constructed, see
 * {@link ThreadCensus}). Public because snippet classes live in another class loader; not for student code.
 */
public final class Track {

    private Track() {
    }

    /** Records a socket, channel, selector, thread, executor or child process the calling cell just created. */
    public static void opened(Object resource) {
        Ownership.track(resource);
    }

    /** {@code ProcessBuilder.startPipeline(builders)} in student code: records each process it started. */
    public static void startedPipeline(java.util.List<?> processes) {
        processes.forEach(Ownership::track);
    }

    /** {@code thread.start()} in student code: starts and records it. */
    public static void start(Thread thread) {
        thread.start();
        Ownership.track(thread);
    }

    /** {@code builder.start(task)} in student code. */
    public static Thread start(Thread.Builder builder, Runnable task) {
        Thread t = builder.start(task);
        Ownership.track(t);
        return t;
    }

    /** {@code Thread.startVirtualThread(task)} in student code. */
    public static Thread startVirtualThread(Runnable task) {
        Thread t = Thread.startVirtualThread(task);
        Ownership.track(t);
        return t;
    }
}
