package netlab.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an invoke while keeping the virtual threads fair. The JDK runs virtual threads on as many carrier
 * threads as the machine has cores and takes a carrier back only when its thread blocks, so threads that never
 * block hold every carrier: on 2 cores, a cell that left two threads looping over a closed socket's
 * {@code accept()} (its exception caught, the loop going on) kept the next cell's own thread (the virtual
 * {@link MainThread}) from ever running again, and the interrupt could only restart the agent, losing the variables.
 *
 * <p>While an invoke runs longer than {@value #PATIENCE_MS} ms, a probe virtual thread is started; when it has not
 * run within that time the carriers are starved, and until it runs the stop checks woven into student code make
 * every virtual thread yield its carrier at each loop turn and method call ({@link Cell#check()}). The spinning
 * threads go on, slower, and the waiting ones get their turn. A cell that ends sooner starts no probe.
 */
final class CarrierWatch {

    /** How long a probe may wait for a carrier before the carriers count as starved. */
    static final long PATIENCE_MS = 20;

    private CarrierWatch() {
    }

    /** {@code result}'s value, waiting uninterruptibly (the forwarder thread is never interrupted on purpose). */
    static <T> T await(Future<T> result) throws ExecutionException {
        while (true) {
            try {
                return result.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                probe(result);
            } catch (InterruptedException e) {
                // keep waiting for the cell
            }
        }
    }

    /** Starts a probe and, while it waits for a carrier and {@code result} is not done, has virtual threads yield. */
    private static void probe(Future<?> result) {
        CountDownLatch ran = new CountDownLatch(1);
        Thread.ofVirtual().name("netlab-carrier-probe").inheritInheritableThreadLocals(false).start(ran::countDown);
        if (ran(ran)) {
            return;
        }
        Cell.starved(true);
        try {
            while (!ran(ran) && !result.isDone()) {
                // the woven checks yield meanwhile
            }
        } finally {
            Cell.starved(false);
        }
    }

    private static boolean ran(CountDownLatch probe) {
        try {
            return probe.await(PATIENCE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }
}
