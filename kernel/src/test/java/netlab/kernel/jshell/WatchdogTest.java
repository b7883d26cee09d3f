package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's timer: deadlines fire, and a cancelled one is gone from its queue at once. */
class WatchdogTest {

    private final Watchdog watchdog = new Watchdog();

    @AfterEach
    void close() {
        watchdog.close();
    }

    @Test
    void aDeadlineFires() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        watchdog.after(Duration.ofMillis(10), fired::countDown);
        assertTrue(fired.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aCancelledDeadlineLeavesTheQueueAtOnce() {
        Future<?> look = watchdog.after(Duration.ofSeconds(5), () -> { });
        Future<?> limit = watchdog.after(Duration.ofMinutes(1), () -> { });
        assertEquals(2, watchdog.waiting());
        look.cancel(false);
        limit.cancel(false);
        assertEquals(0, watchdog.waiting(), "a cell's end leaves no deadline behind for the timer to wake for");
    }
}
