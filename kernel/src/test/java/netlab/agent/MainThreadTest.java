package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every cell runs on the one main thread, in turn, as a program's statements run on its main thread. */
class MainThreadTest {

    private final MainThread main = new MainThread();

    private <T> T inCell(java.util.concurrent.Callable<T> body) throws Exception {
        return new Cell("test").start(main, body).get(10, TimeUnit.SECONDS);
    }

    @Test
    void cellsRunOnOneThreadNamedMainAndKeepItsThreadLocals() throws Exception {
        ThreadLocal<Integer> kept = ThreadLocal.withInitial(() -> 0);
        Thread first = inCell(() -> {
            kept.set(5);
            return Thread.currentThread();
        });
        Thread second = inCell(Thread::currentThread);
        assertSame(first, second);
        assertEquals("main", first.getName());
        assertEquals(5, inCell(kept::get));
    }

    @Test
    void aCellStartsNotInterruptedWhateverTheOneBeforeLeft() throws Exception {
        inCell(() -> {
            Thread.currentThread().interrupt();
            return null;
        });
        assertFalse(inCell(() -> Thread.currentThread().isInterrupted()));
        Thread mainThread = inCell(Thread::currentThread);
        mainThread.interrupt(); // between cells, as a thread a cell started might
        assertFalse(inCell(() -> Thread.currentThread().isInterrupted()));
    }

    @Test
    void aStopInterruptsTheCellWhileItRunsAndItsRunEndsWithIt() throws Exception {
        Cell cell = new Cell("test");
        CountDownLatch sleeping = new CountDownLatch(1);
        Future<Object> sleep = cell.start(main, () -> {
            sleeping.countDown();
            Thread.sleep(60_000);
            return null;
        });
        assertTrue(sleeping.await(10, TimeUnit.SECONDS));
        Cell.Run run = cell.run().orElseThrow();
        assertEquals("main", run.thread().getName());
        cell.stop();
        ExecutionException e = assertThrows(ExecutionException.class, () -> sleep.get(10, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
        run.awaitEnd(10_000);
        assertFalse(run.goesOn());
        assertTrue(run.thread().isAlive()); // the main thread outlives the cell
        assertTrue(cell.run().isEmpty());
        cell.stop(); // a stop after the cell's end reaches no later cell
        assertFalse(inCell(() -> {
            Thread.sleep(50);
            return Thread.currentThread().isInterrupted();
        }));
    }

    @Test
    void aCellStoppedBeforeItBeginsIsInterruptedAtOnce() throws Exception {
        Cell cell = new Cell("test");
        cell.stop();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> cell.start(main, () -> {
                    Thread.sleep(60_000);
                    return null;
                }).get(10, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
    }
}
