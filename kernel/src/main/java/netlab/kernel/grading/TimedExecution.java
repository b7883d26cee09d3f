package netlab.kernel.grading;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;

/**
 * Runs one cell with a time limit: when it is up, the engine is interrupted, and the engine's own
 * escalation (kill the agent after its interrupt grace) stops code that ignores the interrupt.
 */
final class TimedExecution {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netlab-cell-timeout");
        t.setDaemon(true);
        return t;
    });

    /** How the cell ended, and whether the time limit (not the cell) ended it. */
    record Result(ExecuteOutcome outcome, boolean timedOut, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private TimedExecution() {
    }

    static Result execute(Engine engine, String code, CellIO io, Duration timeout) {
        AtomicBoolean fired = new AtomicBoolean();
        long start = System.nanoTime();
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            fired.set(true);
            engine.interrupt();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ExecuteOutcome outcome = engine.execute(code, io);
            return new Result(outcome, fired.get(), System.nanoTime() - start);
        } finally {
            alarm.cancel(false);
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
