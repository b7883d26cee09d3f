package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OffVirtualThreadTest {

    /** A notebook cell runs on a virtual thread: what the transfer throws must still show the cell's frames. */
    @Test
    void aFailureOnTheWorkerCarriesTheCallersFrames() throws InterruptedException {
        AtomicReference<Throwable> caught = new AtomicReference<>();
        AtomicReference<String> worker = new AtomicReference<>();
        Thread cell = Thread.ofVirtual().start(() -> {
            try {
                callFromTheCell(worker);
            } catch (IOException e) {
                caught.set(e);
            }
        });
        cell.join();
        Throwable thrown = caught.get();
        assertEquals("refused", thrown.getMessage());
        assertNotEquals(cell.getName(), worker.get());
        assertEquals("tftp-test", worker.get());
        assertTrue(Arrays.stream(thrown.getStackTrace()).anyMatch(f -> f.getMethodName().equals("callFromTheCell")),
                Arrays.toString(thrown.getStackTrace()));
        assertTrue(thrown.getStackTrace()[0].getMethodName().contains("lambda"), "the worker's frames come first");
    }

    private static void callFromTheCell(AtomicReference<String> worker) throws IOException {
        OffVirtualThread.call(() -> {
            worker.set(Thread.currentThread().getName());
            throw new IOException("refused");
        }, () -> { }, "tftp-test");
    }
}
