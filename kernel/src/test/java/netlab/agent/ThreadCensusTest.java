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

    /** The notebook's main thread, as the agent has one: every cell of the class runs on it in turn. */
    private static final MainThread MAIN = new MainThread();

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
        Cell cell = new Cell(key);
        try {
            return cell.start(MAIN, body).get(30, TimeUnit.SECONDS);
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
            ThreadCapReached e = assertThrows(ThreadCapReached.class, () -> inCell("pool", () -> {
                for (int i = 0; i < 10 * CAP; i++) {
                    pool.submit(waitForRelease());
                }
                return null;
            }));
            assertEquals(ThreadCensus.Kind.PLATFORM, e.kind());
            assertEquals(CAP, e.limit());
            assertTrue(e.getMessage().contains(CAP + "") && e.getMessage().contains("%%threads " + 2 * CAP), e.getMessage());
            assertEquals(CAP, ThreadCensus.count("pool"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aServerNearItsPidsLimitRefusesACellsThreadsPastTheFirstFew(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        PidsBudgetTest.cgroup(root, "1000", 990);   // another student's cell took the rest
        PidsBudget saved = ThreadCensus.budget;
        ThreadCensus.budget = PidsBudget.of(root, java.util.List.of("0::/"));
        try {
            ThreadCapReached e = assertThrows(ThreadCapReached.class, () -> inCell("crowded", () -> {
                for (int i = 0; i < CAP; i++) {
                    Thread.ofPlatform().start(waitForRelease());
                }
                return null;
            }));
            assertEquals(ThreadCensus.UNCHECKED_PLATFORM_THREADS, e.limit());
            assertTrue(e.getMessage().contains("1000") && e.getMessage().contains("virtual threads"), e.getMessage());
            // virtual threads are no pids: still allowed
            assertEquals(ThreadCensus.UNCHECKED_PLATFORM_THREADS + 30, (int) inCell("crowded", () -> {
                for (int i = 0; i < 30; i++) {
                    Thread.ofVirtual().start(waitForRelease());
                }
                return ThreadCensus.count("crowded");
            }));
            PidsBudgetTest.cgroup(root, "1000", 300);  // they finished: room again
            inCell("crowded", () -> Thread.ofPlatform().start(waitForRelease()));
        } finally {
            ThreadCensus.budget = saved;
        }
    }

    @Test
    void platformThreadsStartedByVirtualThreadsCountToTheCell() throws Exception {
        java.util.concurrent.atomic.AtomicReference<ThreadCapReached> refused = new java.util.concurrent.atomic.AtomicReference<>();
        inCell("nested", () -> {
            // each virtual thread starts a platform thread that stays: the platform threads reach their cap
            for (int i = 0; i < 2 * CAP; i++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        new Thread(waitForRelease()).start();
                    } catch (ThreadCapReached e) {
                        refused.compareAndSet(null, e);
                    }
                }).join();
            }
            return null;
        });
        assertEquals(ThreadCensus.Kind.PLATFORM, refused.get().kind());
        assertEquals(CAP, ThreadCensus.count("nested", ThreadCensus.Kind.PLATFORM));
    }

    @Test
    void virtualThreadsHaveACapOfTheirOwn() throws Exception {
        int savedVirtual = ThreadCensus.virtualCap;
        ThreadCensus.virtualCap = 3 * CAP;
        try {
            // more virtual threads than the platform cap: allowed
            assertEquals(2 * CAP, (int) inCell("virtual", () -> {
                for (int i = 0; i < 2 * CAP; i++) {
                    Thread.ofVirtual().start(waitForRelease());
                }
                return ThreadCensus.count("virtual", ThreadCensus.Kind.VIRTUAL);
            }));
            assertEquals(0, ThreadCensus.count("virtual", ThreadCensus.Kind.PLATFORM));
            ThreadCapReached e = assertThrows(ThreadCapReached.class, () -> inCell("virtual", () -> {
                for (int i = 0; i < 2 * CAP; i++) {
                    Thread.ofVirtual().start(waitForRelease());
                }
                return null;
            }));
            assertEquals(ThreadCensus.Kind.VIRTUAL, e.kind());
            assertEquals(3 * CAP, e.limit());
        } finally {
            ThreadCensus.virtualCap = savedVirtual;
        }
    }

    @Test
    void percentPercentThreadsRaisesBothCapsForItsCellOnly() throws Exception {
        ThreadCensus.raise("raised", 2 * CAP);
        try {
            assertEquals(2 * CAP, (int) inCell("raised", () -> {
                for (int i = 0; i < 2 * CAP; i++) {
                    new Thread(waitForRelease()).start();
                }
                return ThreadCensus.count("raised");
            }));
            assertEquals(CAP, ThreadCensus.limit("other", ThreadCensus.Kind.PLATFORM));
        } finally {
            ThreadCensus.raise("raised", 0);
        }
        assertEquals(CAP, ThreadCensus.limit("raised", ThreadCensus.Kind.PLATFORM));
    }

    @Test
    void theDefaultVirtualCapIsHalfTheHeapAtTwoKilobytesEach() {
        long expected = Runtime.getRuntime().maxMemory() / 2 / 2048 / 1000 * 1000;
        assertEquals(Math.max(1000, Math.min(1_000_000, expected)), ThreadCensus.virtualDefault());
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
