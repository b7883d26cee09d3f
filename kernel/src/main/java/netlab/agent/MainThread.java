package netlab.agent;

import java.util.concurrent.SynchronousQueue;

/**
 * The notebook's main thread: every invoke runs on this one platform thread, named {@code main}, one after
 * another for the agent's life, as a Java program's statements run on its main thread and JShell runs its
 * snippets on one. So a value a cell keeps in a {@code ThreadLocal} is there on its next line and in the next
 * cell, and {@code Thread.currentThread()} is the same thread from cell to cell.
 *
 * <p>Why a platform thread rather than a virtual thread per invoke: a blocking socket call on a virtual thread parks it and is
 * woken through the JDK's I/O poller and the carrier pool. A UDP request and its answer over loopback, from the
 * cell's own thread, took 39-52 µs against 16-29 µs from a platform thread the same cell started (5,000 round
 * trips each, five pairs in turns) — and the course's cells are such exchanges. A cell's thread is also never
 * left without a carrier by virtual threads that do not block ({@link CarrierWatch}).
 *
 * <p>Each invoke starts with the thread not interrupted: an interrupt meant for an earlier cell (its stop, or a
 * thread it started) does not reach the next one.
 */
final class MainThread {

    /** Hands an invoke to the thread; the forwarder's next invoke comes only after this one's answer. */
    private final SynchronousQueue<Runnable> next = new SynchronousQueue<>();

    MainThread() {
        // the cell's marks (its Cell, its thread census) are set per invoke, never inherited from the agent
        Thread.ofPlatform().name("main").daemon().inheritInheritableThreadLocals(false).start(this::serve);
    }

    /** Runs {@code invoke} on the main thread once it is free; {@code invoke} reports its own outcome. */
    void execute(Runnable invoke) {
        boolean interrupted = false;
        while (true) {
            try {
                next.put(invoke);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (true) {
            Runnable invoke;
            try {
                invoke = next.take();
            } catch (InterruptedException e) {
                continue; // a cell's thread interrupted it between cells
            }
            Thread.interrupted();
            invoke.run();
        }
    }
}
