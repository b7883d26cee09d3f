package netlab.agent;

import netlab.text.Text;

/**
 * A cell tried to start one thread more than its cap allows (see {@link ThreadCensus}). Says, in the student's
 * language, which cap, how many, and how to raise it for one cell.
 */
final class ThreadCapReached extends IllegalStateException {

    private final ThreadCensus.Kind kind;
    private final int limit;

    ThreadCapReached(ThreadCensus.Kind kind, int limit) {
        this(kind, limit, Text.of(kind == ThreadCensus.Kind.PLATFORM ? "kernel.threads.cap.platform"
                : "kernel.threads.cap.virtual", limit, suggestedRaise(kind, limit)));
    }

    private ThreadCapReached(ThreadCensus.Kind kind, int limit, String message) {
        super(message);
        this.kind = kind;
        this.limit = limit;
    }

    /**
     * The server's limit on threads and processes, shared by everyone on it, is nearly used up ({@link PidsBudget}):
     * the cell, which already runs {@code running} platform threads, may start no more for now.
     */
    static ThreadCapReached serverLimit(int running, long serverMax) {
        return new ThreadCapReached(ThreadCensus.Kind.PLATFORM, running,
                Text.of("kernel.threads.cap.server", running, serverMax));
    }

    /** Which kind of thread was refused. */
    ThreadCensus.Kind kind() {
        return kind;
    }

    /** The cap that was reached. */
    int limit() {
        return limit;
    }

    /** The N the message suggests for {@code %%threads N}: twice the cap, so one raise usually suffices. */
    private static int suggestedRaise(ThreadCensus.Kind kind, int limit) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * limit);
    }
}
