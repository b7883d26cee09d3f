package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The thread cap counts every thread a cell's code causes to be created, and only live ones. */
class ThreadCensusTest {

    private static final int CAP = 40;
    private int savedCap;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void lowerTheCap() {
        savedCap = ThreadCensus.cap;
        ThreadCensus.cap = CAP;
    }

    @AfterEach
    void restore() {
        release.countDown();
        ThreadCensus.cap = savedCap;
    }

    private static <T> T inCell(String key, Callable<T> body) throws Exception {
        Cell cell = new Cell(1, key);
        try {
            return cell.start(body).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private Runnable waitForRelease() {
        return () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void anExecutorGrowingItsPoolPastTheCapIsRefusedAtSubmit() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> inCell("pool", () -> {
                for (int i = 0; i < 10 * CAP; i++) {
                    pool.submit(waitForRelease());
                }
                return null;
            }));
            assertTrue(e.getMessage().contains("already runs " + CAP + " threads"), e.getMessage());
            assertEquals(CAP, ThreadCensus.count("pool"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void virtualThreadsAndThreadsTheirTasksStartCountToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> inCell("nested", () -> {
            // each virtual thread starts a platform thread that stays: both count to the cell while they live
            for (int i = 0; i < 2 * CAP; i++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        new Thread(waitForRelease()).start();
                    } catch (IllegalStateException refused) {
                        // at the cap; the loop's next virtual thread is refused as well, which the test expects
                    }
                }).join();
            }
            return null;
        }));
        assertTrue(e.getMessage().contains(CAP + " threads"), e.getMessage());
        assertTrue(ThreadCensus.count("nested") >= CAP - 1, "counted " + ThreadCensus.count("nested"));
    }

    @Test
    void threadsThatEndedDoNotCount() throws Exception {
        int started = inCell("churn", () -> {
            int n = 0;
            for (int i = 0; i < 5 * CAP; i++) {
                Thread t = new Thread(() -> { });
                t.start();
                t.join();
                n++;
            }
            return n;
        });
        assertEquals(5 * CAP, started);
    }

    @Test
    void threadsOutsideCellsAreNotCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * CAP);
        try {
            for (int i = 0; i < 2 * CAP; i++) {
                pool.submit(waitForRelease());
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals("ok", inCell("after", () -> "ok"));
    }
}
