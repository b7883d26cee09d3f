package netlab.tftp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a client transfer on a platform thread when it is called from a virtual thread (as notebook cells are).
 *
 * <p>Why: lockstep TFTP waits for one small packet after another. A virtual thread that waits parks and is
 * woken through the JDK's I/O poller, which on loopback tripled the time of a 40 MiB lockstep download
 * (TftpBench: 3.5 s against 1.2 s). One platform thread per transfer costs nothing in comparison. The
 * calling thread still waits interruptibly: an interrupt closes the transfer's socket, which ends the
 * transfer at once, and surfaces as {@link InterruptedIOException}.
 */
final class OffVirtualThread {

    interface Job<T> {
        T run() throws IOException;
    }

    private OffVirtualThread() {
    }

    static <T> T call(Job<T> job, AutoCloseable stopper) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            return job.run();
        }
        FutureTask<T> task = new FutureTask<>(job::run);
        Thread worker = Thread.ofPlatform().daemon().name("tftp-client").start(task);
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
            throw new InterruptedIOException("the TFTP transfer was interrupted");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }
}
