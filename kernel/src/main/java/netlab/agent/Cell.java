package netlab.agent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One invocation of student code (one JShell snippet) running on its own virtual thread.
 *
 * <p>Threads the cell starts inherit it (an inheritable thread-local), so a stop reaches them at their next
 * stop check too. That ownership is the hook for releasing a cell's sockets and threads later.
 *
 * <p>A cell may have cells {@link #under} it: code the course library runs for it on a thread of its own (a
 * check's case, {@link CellScope}), which can be stopped alone; stopping the cell above stops them too.
 */
final class Cell {

    /** The cell owning the current thread; inherited by threads a cell starts. */
    private static final InheritableThreadLocal<Cell> CURRENT = new InheritableThreadLocal<>();

    /** Set once any cell was stopped: until then a stop check is one volatile read. */
    private static volatile boolean anyStopped;
    /** Set while the virtual threads' carriers are all held by threads that do not block ({@link CarrierWatch}). */
    private static volatile boolean starved;
    /** How long a virtual thread gives its carrier away at a stop check while the carriers are starved. */
    private static final long YIELD_NANOS = 100_000;

    private final long number;
    private final String key;
    /** The cell this one runs under, or null for an invoke's own. */
    private final Cell parent;
    private volatile boolean stopRequested;
    private volatile Thread thread;

    Cell(long number, String key) {
        this(number, key, null);
    }

    private Cell(long number, String key, Cell parent) {
        this.number = number;
        this.key = key;
        this.parent = parent;
    }

    /**
     * A new cell under this one, of the same notebook cell (its key): what it opens is released with this cell's,
     * and it is stopped when this cell is, or on its own.
     */
    Cell under() {
        return new Cell(number, key, this);
    }

    /** The notebook cell this invoke belongs to (see {@link Ownership}). */
    String key() {
        return key;
    }

    /** The cell owning the calling thread, or null outside cells. */
    static Cell current() {
        return CURRENT.get();
    }

    long number() {
        return number;
    }

    /** The invoke's own virtual thread (or the thread running a cell {@link #under} one) while it runs, else null. */
    Thread thread() {
        return thread;
    }

    /** Whether this cell, or one it runs under, was stopped. */
    boolean stopRequested() {
        return stopRequested || parent != null && parent.stopRequested();
    }

    /** Runs {@code body} on a fresh virtual thread owned by this cell. */
    <T> Future<T> start(Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread = Thread.ofVirtual().name("cell-" + number).unstarted(() -> {
            CURRENT.set(this);
            ThreadCensus.enter(this);
            T value = null;
            Throwable failure = null;
            try {
                value = body.call();
            } catch (Throwable t) {
                failure = t;
            }
            // forgotten before the invoke returns: a check for what the stopped cell left running must not
            // see its own ending thread (Ownership keeps cells until their key is released; not their threads)
            thread = null;
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
        thread.start();
        return result;
    }

    /**
     * Runs {@code body} on the calling thread as this cell's, then gives the thread back to the cell it belonged
     * to; threads started meanwhile stay this cell's.
     */
    void runHere(Runnable body) {
        Cell previous = CURRENT.get();
        CURRENT.set(this);
        thread = Thread.currentThread();
        try {
            body.run();
        } finally {
            thread = null;
            CURRENT.set(previous);
        }
    }

    /** Sets the stop flag and interrupts the cell's thread, which unblocks sleeps and classic socket calls. */
    void stop() {
        stopRequested = true;
        anyStopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * The stop check: throws when the calling thread belongs to a stopped cell, and yields a virtual thread's
     * carrier while the carriers are starved.
     */
    static void check() {
        if (anyStopped) {
            Cell cell = CURRENT.get();
            if (cell != null && cell.stopRequested()) {
                throw new CellStoppedError();
            }
        }
        if (starved && Thread.currentThread().isVirtual()) {
            // not Thread.yield(): a carrier takes its next task from the queue it last took one from, which is
            // where the yield resubmitted the same thread; a timed park resubmits it from the timer's thread
            java.util.concurrent.locks.LockSupport.parkNanos(YIELD_NANOS);
        }
    }

    /** Whether the stop checks yield virtual threads' carriers, as {@link CarrierWatch} finds them starved. */
    static void starved(boolean now) {
        starved = now;
    }
}
