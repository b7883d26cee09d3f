package netlab.kernel.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;

/**
 * The kernel's engine, whose JVM gives grown heap back to the system once the notebook has been idle for a
 * moment: a full collection then, and the serial collector shrinks the old generation to its live set plus
 * 20% ({@code MaxHeapFreeRatio}, see {@link KernelLaunch}).
 * <p>
 * Why: javac's work per cell is short-lived, but the kernel's small young generation (see {@link KernelLaunch})
 * promotes part of it, and the serial collector grows the old generation (up to {@code -Xmx}) rather than collect
 * it. After the kernel benchmark's latency run (400 trivial cells, five 200-declaration cells) the old generation
 * held 136-157 MB of which 57-62 MB was live, and nothing collected it: the kernel stayed at 248-252 MB RSS. A
 * student's session is mostly reading between cells, so that time pays for the collection (60-200 ms of one core
 * here at load 3-4) and nobody waits for it.
 * <p>
 * When: {@link #IDLE} after the last request ended, and only if the heap has grown by {@link #GROWTH} since the
 * last return (or since the kernel started): a run of trivial cells promotes ~0.25 MB each, so one collection
 * follows every few dozen of them, not each one; a 200-declaration cell is followed by one. A request that
 * arrives during the collection waits for it (60-290 ms here), once per {@link #GROWTH} of heap at most.
 */
final class IdleMemoryReturn implements Engine {

    /**
     * Jupyter sends the cells of "Run All" back to back (gaps of a few ms between one reply and the next
     * request), while a person reading the output takes seconds: half a second of silence means the latter.
     */
    static final Duration IDLE = Duration.ofMillis(500);

    /**
     * Less than this of new committed heap is not worth a full collection. Before {@code PackageIndex} the
     * kernel's start grew the heap 9-12 MB past {@code -Xms} with nothing to give back (26-28 MB live in 41 MB,
     * the young generation included): with 8 MB every student of the classroom benchmark paid one collection of
     * 200-290 ms (load 12) that returned nothing. Since, the start stays within {@code -Xms32m} (about 10 MB
     * live after a full collection; {@code jcmd PID GC.heap_info} on an idle kernel after its first cell), so
     * only work a student does can reach this.
     */
    static final long GROWTH = 16L << 20;

    /** The heap of the JVM this runs in; the kernel's own by {@link #ofThisJvm}, a fake in tests. */
    interface Heap {
        /** Bytes the heap holds from the system now (committed). */
        long committed();

        /** A full collection, after which the collector may uncommit part of the heap. */
        void collect();
    }

    private final Engine engine;
    private final Heap heap;
    private final Duration idle;
    private final long growth;
    private final Object lock = new Object();
    private final Thread thread;
    private int callsRunning;
    private long lastCallEnd;
    private boolean calledSinceReturn;
    /**
     * Whether the watcher waits for a call to end, with no deadline: only then does a call's end wake it. While it
     * counts down the idle time, a call that ends only moves the deadline, which the watcher reads when its wait is
     * over; waking it at the end of every cell cost a thread switch beside each reply.
     */
    private boolean watcherWaitsForACall;
    private boolean closed;
    private long committedAfterReturn;

    IdleMemoryReturn(Engine engine, Heap heap, Duration idle, long growth) {
        this.engine = engine;
        this.heap = heap;
        this.idle = idle;
        this.growth = growth;
        this.committedAfterReturn = heap.committed();
        this.thread = Thread.ofPlatform().daemon().name("netlab-idle-memory").start(this::watch);
    }

    /** {@code engine} in this JVM, whose heap is returned after {@link #IDLE} once it grew by {@link #GROWTH}. */
    static IdleMemoryReturn ofThisJvm(Engine engine) {
        Runtime runtime = Runtime.getRuntime();
        Heap heap = new Heap() {
            @Override
            public long committed() {
                return runtime.totalMemory();
            }

            @Override
            public void collect() {
                System.gc();
            }
        };
        return new IdleMemoryReturn(engine, heap, IDLE, GROWTH);
    }

    private void watch() {
        try {
            while (awaitIdle()) {
                if (heap.committed() - committedAfterReturn >= growth) {
                    heap.collect();
                    committedAfterReturn = heap.committed();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Waits until a call has ended and {@link #idle} has passed with none running; false once closed. */
    private boolean awaitIdle() throws InterruptedException {
        synchronized (lock) {
            while (!closed) {
                if (!calledSinceReturn || callsRunning > 0) {
                    watcherWaitsForACall = true;
                    try {
                        lock.wait();
                    } finally {
                        watcherWaitsForACall = false;
                    }
                    continue;
                }
                long left = idle.toNanos() - (System.nanoTime() - lastCallEnd);
                if (left <= 0) {
                    calledSinceReturn = false;
                    return true;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return false;
        }
    }

    private <T> T call(Supplier<T> body) {
        synchronized (lock) {
            callsRunning++;
        }
        try {
            return body.get();
        } finally {
            synchronized (lock) {
                callsRunning--;
                lastCallEnd = System.nanoTime();
                calledSinceReturn = true;
                if (watcherWaitsForACall) {
                    lock.notifyAll();
                }
            }
        }
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        return call(() -> engine.execute(code, io));
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io, Duration timeLimit) {
        return call(() -> engine.execute(code, io, timeLimit));
    }

    @Override
    public Completion complete(String code, int cursor) {
        return call(() -> engine.complete(code, cursor));
    }

    @Override
    public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
        return call(() -> engine.inspect(code, cursor, detailLevel));
    }

    @Override
    public IsComplete isComplete(String code) {
        return call(() -> engine.isComplete(code));
    }

    @Override
    public ExecuteOutcome evaluate(String expression) {
        return call(() -> engine.evaluate(expression));
    }

    /** Not a call of its own: it only stops the {@link #execute} that is running. */
    @Override
    public void interrupt() {
        engine.interrupt();
    }

    /** Not a call of its own: waiting for the engine's start is no work that could grow the heap. */
    @Override
    public void awaitReady(Duration limit) {
        engine.awaitReady(limit);
    }

    @Override
    public LanguageFacts languageFacts() {
        return engine.languageFacts();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        thread.interrupt();
        engine.close();
    }
}
