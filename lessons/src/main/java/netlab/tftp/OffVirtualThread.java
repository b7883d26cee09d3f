package netlab.tftp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a transfer's packet exchange on a platform thread when it is called from a virtual thread: the client's
 * when a notebook cell (a virtual thread) calls it, the server's from each transfer's virtual thread.
 *
 * <p>Why: TFTP waits for one small packet after another (every block in lockstep, every window with RFC 7440).
 * A virtual thread that waits parks and is woken through the JDK's I/O poller and the carrier pool: on loopback
 * that made a 40 MiB lockstep download two to three times as slow (TftpBench: client 3.5 s against 1.2 s; server
 * 3.6-7.2 s against 2.2-3.5 s). With windowsize 16 the server's virtual thread made 17 times as many futex calls
 * (strace -c: 36,000 against 2,050 for two 40 MiB downloads); its time was 0.3-0.7 s either way, too close to
 * tell apart on a loaded machine. One platform thread per running transfer costs nothing in comparison. The calling
 * thread still waits interruptibly: an interrupt closes the transfer's socket, which ends the transfer at once,
 * and surfaces as {@link InterruptedIOException}.
 */
final class OffVirtualThread {

    interface Job<T> {
        T run() throws IOException;
    }

    private OffVirtualThread() {
    }

    /** Runs {@code job} on a platform thread named {@code name}, or on this thread if it is one; {@code stopper} ends it early. */
    static <T> T call(Job<T> job, AutoCloseable stopper, String name) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            return job.run();
        }
        FutureTask<T> task = new FutureTask<>(job::run);
        Thread worker = Thread.ofPlatform().daemon().name(name).start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            try {
                stopper.close();   // the worker's receive fails now instead of after its timeouts
                worker.join(Duration.ofSeconds(2));
            } catch (Exception ignored) {
                // we are giving up on the transfer anyway
            }
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(netlab.text.Text.of("tftp.interrupted"));
        } catch (ExecutionException e) {
            switch (withCallersFrames(e.getCause())) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /**
     * {@code thrown} with this thread's frames after the worker's, as if the worker's work had run here: a
     * notebook shows a failure at the cell lines of the student's frames, and the worker has none of them.
     */
    private static Throwable withCallersFrames(Throwable thrown) {
        StackTraceElement[] worker = thrown.getStackTrace();
        StackTraceElement[] caller = new Throwable().getStackTrace();
        StackTraceElement[] both = Arrays.copyOf(worker, worker.length + caller.length);
        System.arraycopy(caller, 0, both, worker.length, caller.length);
        thrown.setStackTrace(both);
        return thrown;
    }
}
