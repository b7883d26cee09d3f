package netlab.kernel.jshell;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's one timer: every deadline of a cell's run (its {@code %timeout}, the grader's time limit, the
 * grace period after an interrupt) is scheduled here by its {@link CellRun}. Owned by one engine and closed
 * with it, so no timer thread outlives the engine that made it.
 *
 * <p>A cancelled deadline leaves the queue at once. Every cell schedules its compile look (five seconds) and, with
 * a limit, its timeout, and cancels them when it ends a few milliseconds later; the JDK's default keeps a cancelled
 * task queued until its time comes, so each cell of a session left a task behind and the timer thread woke for
 * each one after the student had moved on: 30 ms of CPU in the 10 idle seconds after 300 cells.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "netlab-cell-watchdog");
        t.setDaemon(true);
        return t;
    });

    Watchdog() {
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code action} after {@code delay}, unless cancelled (or the watchdog closed) first. */
    Future<?> after(Duration delay, Runnable action) {
        try {
            return timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // the engine is closing: nothing is left to time
        }
    }

    /** How many deadlines are waiting: cancelled ones are not. */
    int waiting() {
        return timer.getQueue().size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
