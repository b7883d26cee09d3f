package netlab.exercise;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netlab.text.Text;

/**
 * A student's server answer running on a virtual thread while a case plays the client. When the case's own
 * socket times out, {@link #failure()} says why: the answer threw (e.g. its TODO stub) or is still running.
 *
 * <pre>{@code
 * Background<Void> server = Background.run(() -> answer.echo(socket, 2));
 * }</pre>
 */
public final class Background<T> {

    private final FutureTask<T> task;
    private final Thread thread;

    private Background(Callable<T> work) {
        this.task = new FutureTask<>(work);
        this.thread = Thread.ofVirtual().name("netlab-case-answer").start(task);
    }

    /** Runs {@code work} on a new virtual thread. Example: {@code Background.start(() -> answer.serve(s))}. */
    public static <T> Background<T> start(Callable<T> work) {
        return new Background<>(work);
    }

    /** Work that returns nothing, such as a server loop. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Runs {@code work}, which returns nothing, on a new virtual thread. Example: {@code Background.run(() -> answer.serveOnce(server))}. */
    public static Background<Void> run(Action work) {
        return new Background<>(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Whether the answer's thread, looked at {@code times} times {@code apartMillis} apart, was each time parked
     * inside {@code method} of {@code className} (a JDK class whose call blocks, such as a channel's {@code read}).
     * Parked, not merely inside: a loop of non-blocking reads spends most of its time in {@code read} too, and on a
     * loaded machine three looks found it there every time. False once the answer has finished.
     */
    public boolean waitsIn(String className, String method, int times, long apartMillis) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                Thread.sleep(apartMillis);
            }
            boolean inside = false;
            for (StackTraceElement frame : thread.getStackTrace()) {
                inside |= frame.getClassName().equals(className) && frame.getMethodName().equals(method);
            }
            Thread.State state = thread.getState(); // the answer runs on a virtual thread: a blocking call parks it
            if (!inside || !(state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) || task.isDone()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the answer has returned or thrown. */
    public boolean isDone() {
        return task.isDone();
    }

    /** Waits up to {@code millis} for the answer to finish and returns its value, rethrowing what it threw. */
    public T await(long millis) throws Exception {
        try {
            return task.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new TimeoutException(Text.of("check.still-running", millis));
        }
    }

    /**
     * What to throw when the case waited in vain: the answer's own exception if it failed (so a TODO stub reads
     * "not answered yet"), otherwise {@code waited}.
     */
    public Exception failure(Exception waited) {
        if (task.isDone()) {
            try {
                task.get();
            } catch (ExecutionException e) {
                return rethrowable(e.getCause());
            } catch (Exception ignored) {
                // cancelled or interrupted: fall through to the case's own complaint
            }
        }
        task.cancel(true);
        return waited;
    }

    private static Exception rethrowable(Throwable cause) {
        return cause instanceof Exception e ? e : new IllegalStateException(String.valueOf(cause), cause);
    }
}
