package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What a released cell leaves running: deadlocked threads stay, threads unblocked by the release end. */
class LingeringTest {

    /** The notebook's main thread, as the agent has one: every cell of the class runs on it in turn. */
    private static final MainThread MAIN = new MainThread();

    /** Runs {@code body} as cell {@code key} would, so what it starts is owned by that cell. */
    private static void inCell(String key, Runnable body) throws Exception {
        Cell cell = new Cell(key);
        Ownership.started(cell);
        cell.start(MAIN, () -> {
            body.run();
            return null;
        }).get();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true); // a deadlocked pair must not keep the test JVM alive
        return t;
    }

    @Test
    void deadlockedThreadsAreStillRunningAfterTheRelease() throws Exception {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch bothHold = new CountDownLatch(2);
        Thread[] pair = new Thread[2];
        inCell("deadlock", () -> {
            pair[0] = daemon(() -> lockBoth(a, b, bothHold));
            pair[1] = daemon(() -> lockBoth(b, a, bothHold));
            Track.start(pair[0]);
            Track.start(pair[1]);
        });
        for (int i = 0; i < 200 && !(blocked(pair[0]) && blocked(pair[1])); i++) {
            Thread.sleep(10);
        }
        assertEquals(List.of(new Control.Resource(Control.Kind.THREADS, 0, "", 2, Control.State.RELEASED)),
                Ownership.release("deadlock"));
        Control.StillRunning still = (Control.StillRunning) Lingering.awaitQuiet("deadlock", 0);
        List<Control.Lingerer> left = still.lingerers();
        assertEquals(2, left.size(), left::toString);
        assertTrue(left.stream().allMatch(l -> l.thread() && l.deadlocked() && l.state().equals("BLOCKED")),
                left::toString);
        // a deadlock is reported as it is: no wait for quiet can end it
        assertTrue(Lingering.awaitQuiet("deadlock", 60_000) instanceof Control.StillRunning s && s.allDeadlocked());
        assertTrue(Ownership.listOpen().stream().anyMatch(o -> o.cellKey().equals("deadlock")
                && o.resource().state() == Control.State.STOPPED_STILL_RUNNING));
    }

    @Test
    void aThreadUnblockedByClosingItsSocketEnds() throws Exception {
        Thread[] acceptor = new Thread[1];
        inCell("acceptor", () -> {
            try {
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Track.opened(server);
                acceptor[0] = daemon(() -> {
                    try {
                        server.accept();
                    } catch (Exception closed) {
                        // the release closed the socket: the thread ends
                    }
                });
                Track.start(acceptor[0]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Ownership.release("acceptor");
        acceptor[0].join(5000);
        assertTrue(Lingering.awaitQuiet("acceptor", 0) instanceof Control.Quiet, Lingering.awaitQuiet("acceptor", 0)::toString);
    }

    @Test
    void aCellThatStartedNothingLeavesNothing() throws Exception {
        inCell("quiet", () -> { });
        Ownership.release("quiet");
        assertTrue(Lingering.awaitQuiet("quiet", 0) instanceof Control.Quiet);
    }

    @Test
    void manyLingerersAreListedUpToTwentyAndCountedBeyond() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        int started = Lingering.MOST_LISTED + 7;
        inCell("many", () -> {
            for (int i = 0; i < started; i++) {
                Track.start(daemon(() -> awaitIgnoringInterrupts(end)));
            }
        });
        try {
            Ownership.release("many");
            Control.StillRunning left = (Control.StillRunning) Lingering.awaitQuiet("many", 50);
            assertEquals(Lingering.MOST_LISTED, left.lingerers().size());
            assertEquals(7, left.more());
            assertTrue(!left.allDeadlocked());
        } finally {
            end.countDown();
        }
    }

    /** A thread deaf to interrupts, as a student's may be: it ends only when {@code end} opens. */
    private static void awaitIgnoringInterrupts(CountDownLatch end) {
        for (int i = 0; i < 10_000; i++) {
            try {
                if (end.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                // deaf on purpose
            }
        }
    }

    private static boolean blocked(Thread t) {
        return t != null && t.getState() == Thread.State.BLOCKED;
    }

    private static void lockBoth(Object first, Object second, CountDownLatch bothHold) {
        synchronized (first) {
            bothHold.countDown();
            try {
                bothHold.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                bothHold.countDown();
            }
        }
    }
}
