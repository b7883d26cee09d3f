package netlab.agent;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One invocation of student code (one JShell snippet), run on the notebook's {@link MainThread}.
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

    private final String key;
    /** The cell this one runs under, or null for an invoke's own. */
    private final Cell parent;
    private volatile boolean stopRequested;
    private volatile Thread thread;

    Cell(String key) {
        this(key, null);
    }

    private Cell(String key, Cell parent) {
        this.key = key;
        this.parent = parent;
    }

    /**
     * A new cell under this one, of the same notebook cell (its key): what it opens is released with this cell's,
     * and it is stopped when this cell is, or on its own.
     */
    Cell under() {
        return new Cell(key, this);
    }

    /** The notebook cell this invoke belongs to (see {@link Ownership}). */
    String key() {
        return key;
    }

    /** The cell owning the calling thread, or null outside cells. */
    static Cell current() {
        return CURRENT.get();
    }

    /**
     * The cell's own code running on {@code thread} (the main thread, or the thread running a cell {@link #under}
     * one): it goes on until the cell gives the thread back, which the thread outlives.
     */
    record Run(Cell cell, Thread thread) {

        boolean goesOn() {
            return cell.thread == thread;
        }

        /** Waits up to {@code millis} for the cell to give its thread back. */
        void awaitEnd(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000;
            synchronized (cell) {
                for (long left = millis; goesOn() && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                    cell.wait(left);
                }
            }
        }
    }

    /** The cell's own code while it runs. */
    Optional<Run> run() {
        Thread t = thread;
        return t == null ? Optional.empty() : Optional.of(new Run(this, t));
    }

    /** Whether this cell, or one it runs under, was stopped. */
    boolean stopRequested() {
        return stopRequested || parent != null && parent.stopRequested();
    }

    /** Runs {@code body} as this cell's on {@code main}, after the invokes before it. */
    <T> Future<T> start(MainThread main, Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        main.execute(() -> {
            T value = null;
            Throwable failure = null;
            try {
                claim(Thread.currentThread());
                CURRENT.set(this);
                ThreadCensus.enter(this);
                value = body.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                // given back before the invoke returns: a check for what the stopped cell left running must not
                // see the main thread, which goes on to the next cell (Ownership keeps cells until their key is
                // released; not their threads)
                giveBack(); // no stop of this cell interrupts the thread after this; MainThread clears what one left
            }
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** {@code t} runs this cell's code from now on; a stop that came first interrupts it at once. */
    private synchronized void claim(Thread t) {
        thread = t;
        if (stopRequested) {
            t.interrupt();
        }
    }

    /** The cell's code has ended on its thread: a stop no longer interrupts that thread, which goes on. */
    private synchronized void giveBack() {
        thread = null;
        notifyAll();
    }

    /**
     * Runs {@code body} on the calling thread as this cell's, then gives the thread back to the cell it belonged
     * to; threads started meanwhile stay this cell's.
     */
    void runHere(Runnable body) {
        Cell previous = CURRENT.get();
        CURRENT.set(this);
        claim(Thread.currentThread());
        try {
            body.run();
        } finally {
            giveBack();
            CURRENT.set(previous);
        }
    }

    /**
     * Sets the stop flag and interrupts the cell's thread while it runs the cell's code, which unblocks sleeps and
     * waits (a socket call ends when {@link Ownership} closes its socket).
     */
    void stop() {
        anyStopped = true;
        synchronized (this) {
            stopRequested = true;
            if (thread != null) {
                thread.interrupt();
            }
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
