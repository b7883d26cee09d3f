package netlab.kernel.grading;

import java.time.Duration;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;

/**
 * Runs one cell with a time limit. The limit is a deadline on the engine's own run of the cell (the same
 * watchdog as an interrupt's grace period and a {@code %timeout}): when it is up the cell is stopped as by an
 * interrupt, and the engine's escalation (kill the agent after its interrupt grace) stops code that ignores it.
 */
final class TimedExecution {

    /** How the cell ended, and whether the time limit (not the cell) ended it. */
    record Result(ExecuteOutcome outcome, boolean timedOut, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private TimedExecution() {
    }

    static Result execute(Engine engine, String code, CellIO io, Duration timeout) {
        long start = System.nanoTime();
        ExecuteOutcome outcome = engine.execute(code, io, timeout);
        boolean timedOut = switch (outcome) {
            case ExecuteOutcome.Interrupted i -> i.timedOut();
            case ExecuteOutcome.EngineRestarted r -> r.timedOut();
            default -> false;
        };
        return new Result(outcome, timedOut, System.nanoTime() - start);
    }
}
