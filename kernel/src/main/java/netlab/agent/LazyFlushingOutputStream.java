package netlab.agent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buffers student output and flushes it a few milliseconds after the first unflushed byte, so a loop of
 * 200 {@code println}s travels as a few packets instead of 200, yet output still appears as it happens.
 * The agent also flushes at the end of every snippet. No thread wakes up while nothing is written. Once the
 * agent is exiting ({@link #flushEveryWrite}), each write is flushed at once: the JVM's halt would cut off a
 * flush still waiting.
 */
final class LazyFlushingOutputStream extends BufferedOutputStream {

    /**
     * Its thread starts at the first write, often from a cell's thread: it must not inherit that cell (its
     * stop flag, its thread count, see {@link ThreadCensus}).
     */
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("netlab-output-flusher").daemon().inheritInheritableThreadLocals(false)
                    .unstarted(r));

    private static volatile boolean exiting;

    private final long delayMillis;
    private boolean flushScheduled;

    LazyFlushingOutputStream(OutputStream out, long delayMillis) {
        super(out, 8192);
        this.delayMillis = delayMillis;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        super.write(b);
        scheduleFlush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        scheduleFlush();
    }

    @Override
    public synchronized void flush() throws IOException {
        flushScheduled = false;
        super.flush();
    }

    /** From now on every write is flushed as it happens (the agent is exiting: see {@link ExitGuard}). */
    static void flushEveryWrite() {
        exiting = true;
    }

    private void scheduleFlush() throws IOException {
        if (exiting) {
            flush();
        } else if (!flushScheduled && count > 0) {
            flushScheduled = true;
            FLUSHER.schedule(this::flushQuietly, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // the kernel went away; the agent ends when its command stream closes
        }
    }
}
