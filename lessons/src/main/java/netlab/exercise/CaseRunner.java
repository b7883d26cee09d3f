package netlab.exercise;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one case against an answer, each on its own (daemon platform) thread with a timeout, and turns whatever
 * happens (a value, a TODO stub, an exception, a hang) into a {@link CaseOutcome}. Never throws for what
 * the answer does.
 *
 * <p>A case that times out is interrupted and abandoned: a thread blocked in socket I/O or
 * {@code sleep} stops, a pure CPU loop keeps running until the agent is stopped. That is why the grader runs
 * every submission in a fresh agent.
 */
final class CaseRunner {

    /** Time one case may take unless the caller says otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final Duration timeout;

    CaseRunner(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    <A> CaseOutcome run(Case<A> c, A answer, boolean hidden) {
        String expected = Values.show(c.expected());
        FutureTask<Object> task = new FutureTask<>(() -> c.probe().run(answer));
        // a platform thread, not a virtual one: an answer spinning in a loop pins its carrier, and a few of
        // them would starve every virtual thread of the JVM, the cell running this check included
        Thread thread = Thread.ofPlatform().daemon().name("netlab-check " + c.name()).start(task);
        try {
            Object actual = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (same(c.expected(), actual)) {
                return new CaseOutcome(c.name(), hidden, CaseOutcome.Status.PASSED, c.points(), c.points(),
                        expected, Values.show(actual), "", c.hint());
            }
            String why = c.failure().isEmpty() ? "expected " + expected + " but got " + Values.show(actual) : c.failure();
            return failed(c, hidden, CaseOutcome.Status.FAILED, expected, Values.show(actual), why);
        } catch (TimeoutException e) {
            thread.interrupt();
            return failed(c, hidden, CaseOutcome.Status.TIMED_OUT, expected, "",
                    "did not finish within " + seconds(timeout));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (isTodoStub(cause)) {
                return failed(c, hidden, CaseOutcome.Status.NOT_ANSWERED, expected, "", "not answered yet");
            }
            return failed(c, hidden, CaseOutcome.Status.ERROR, expected, Values.summary(cause),
                    "threw " + Values.summary(cause));
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            return failed(c, hidden, CaseOutcome.Status.NOT_RUN, expected, "", "the check was interrupted");
        }
    }

    private static CaseOutcome failed(Case<?> c, boolean hidden, CaseOutcome.Status status, String expected,
                                      String actual, String message) {
        return new CaseOutcome(c.name(), hidden, status, c.points(), 0, expected, actual, message, c.hint());
    }

    /** A stub handed out by {@code netlab release}: {@code UnsupportedOperationException("TODO ...")}. */
    static boolean isTodoStub(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof UnsupportedOperationException && x.getMessage() != null
                    && x.getMessage().strip().startsWith("TODO")) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Object expected, Object actual) {
        return Arrays.deepEquals(new Object[] {expected}, new Object[] {actual});
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
