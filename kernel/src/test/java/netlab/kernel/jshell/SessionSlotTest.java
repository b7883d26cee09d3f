package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session slot with plain strings for sessions: what waits, what is closed, what may not overlap. */
class SessionSlotTest {

    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final SessionSlot<String> slot = new SessionSlot<>(closed::add);

    /** Begins a start that ends with {@code session} once the returned latch is counted down. */
    private CountDownLatch beginHeldBack(String session) {
        CountDownLatch release = new CountDownLatch(1);
        slot.begin(() -> {
            release.await(10, TimeUnit.SECONDS);
            return session;
        });
        return release;
    }

    @Test
    void awaitWaitsForTheSessionBeingStarted() throws Exception {
        CountDownLatch release = beginHeldBack("second");
        assertNull(slot.current(), "no session is ready while it starts");
        release.countDown();
        assertEquals("second", slot.await());
        assertEquals("second", slot.current());
    }

    @Test
    void aLimitedAwaitGivesUpOnAStartThatTakesLongerAndWaitsForOneThatEnds() throws Exception {
        CountDownLatch release = beginHeldBack("slow");
        long start = System.nanoTime();
        slot.await(Duration.ofMillis(100));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "gave up after its limit");
        assertNull(slot.current(), "still starting");
        release.countDown();
        slot.await(Duration.ofSeconds(10));
        assertEquals("slow", slot.current(), "the start ended within the limit");
        slot.await(Duration.ofMillis(1));
        assertEquals("slow", slot.current(), "nothing under way: returns at once");
    }

    @Test
    void aFailedStartLeavesNoSessionAndTheNextStartTriesAgain() {
        IOException broken = new IOException("the agent did not connect in time");
        slot.begin(() -> {
            throw broken;
        });
        assertNull(slot.await());
        assertSame(broken, slot.failure());
        slot.begin(() -> "again");
        assertEquals("again", slot.await());
        assertNull(slot.failure());
    }

    @Test
    void twoStartsNeverOverlap() throws Exception {
        CountDownLatch release = beginHeldBack("first");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slot.begin(() -> "second"));
        assertTrue(e.getMessage().contains("await it"), e.getMessage());
        release.countDown();
        assertEquals("first", slot.await());
    }

    @Test
    void closeDuringAStartClosesTheSessionItBuilds() throws Exception {
        slot.begin(() -> "old");
        slot.await();
        CountDownLatch started = new CountDownLatch(1);
        slot.begin(() -> {
            started.countDown();
            Thread.sleep(200); // still building when close() comes
            return "new";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        slot.close(Duration.ofSeconds(30));
        assertEquals(List.of("new"), closed, "close() returned before the session being built was closed");
        assertNull(slot.await());
        assertFalse(slot.begin(() -> "after close"), "a closed slot started a session");
        assertNull(slot.await());
    }

    @Test
    void closeClosesTheReadySessionOnce() {
        slot.begin(() -> "only");
        slot.await();
        slot.close(Duration.ofSeconds(1));
        slot.close(Duration.ofSeconds(1));
        assertEquals(List.of("only"), closed);
        assertNull(slot.current());
        assertFalse(closed.contains(null));
    }
}
