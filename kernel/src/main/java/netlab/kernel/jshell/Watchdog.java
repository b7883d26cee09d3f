package netlab.kernel.jshell;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The engine's one timer: every deadline of a cell's run (its {@code %timeout}, the grader's time limit, the
 * grace period after an interrupt) is scheduled here by its {@link CellRun}. Owned by one engine and closed
 * with it, so no timer thread outlives the engine that made it.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netlab-cell-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code action} after {@code delay}, unless cancelled (or the watchdog closed) first. */
    Future<?> after(Duration delay, Runnable action) {
        try {
            return timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // the engine is closing: nothing is left to time
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
