package netlab.agent;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The notebook's main thread: every invoke runs on this one thread, named {@code main}, one after another for the
 * agent's life, as a Java program's statements run on its main thread and JShell runs its snippets on one. So a
 * value a cell keeps in a {@code ThreadLocal} is there on its next line and in the next cell, and
 * {@code Thread.currentThread()} is the same thread from cell to cell (a thread per invoke would lose both).
 *
 * <p>It is a virtual thread: an interrupt unblocks a virtual thread's classic socket call ({@code receive},
 * {@code accept}, {@code read}) by closing that socket, where a platform thread's call stays blocked. The stop
 * closes the sockets the stopped cell opened, but a socket an earlier cell opened is the interrupt's alone: on a
 * platform thread, a cell waiting in {@code receive} on a socket of an earlier cell did not stop, and the kernel
 * restarted the agent, losing every variable. The price: a UDP request and its answer over loopback from the
 * cell's thread took 39-52 µs against 16-29 µs from a platform thread (5,000 round trips, five pairs in turns),
 * the wake-up through the JDK's I/O poller and the carrier pool.
 *
 * <p>Each invoke starts with the thread not interrupted: an interrupt meant for an earlier cell (its stop, or a
 * thread it started) does not reach the next one.
 */
final class MainThread {

    /**
     * The invoke handed to the thread; the forwarder's next invoke comes only after this one's answer. Handing one
     * over never waits for the thread: while virtual threads that never block hold every carrier, the forwarder
     * must go on to {@link CarrierWatch#await}, whose probe gets the main thread a carrier.
     */
    private final BlockingQueue<Runnable> next = new LinkedBlockingQueue<>();

    MainThread() {
        // the cell's marks (its Cell, its thread census) are set per invoke, never inherited from the agent
        Thread.ofVirtual().name("main").inheritInheritableThreadLocals(false).start(this::serve);
    }

    /** Runs {@code invoke} on the main thread once it is free; {@code invoke} reports its own outcome. */
    void execute(Runnable invoke) {
        next.add(invoke);
    }

    private void serve() {
        while (true) {
            Runnable invoke;
            try {
                invoke = next.take();
            } catch (InterruptedException e) {
                continue; // left by the cell before (its stop), or a cell's thread interrupted it between cells
            }
            Thread.interrupted();
            try {
                invoke.run();
            } catch (Throwable t) {
                // the invoke reports its own outcome (Cell#start); the thread stays for the next one
            }
        }
    }
}
