package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.Test;

class IdleMemoryReturnTest {

    private static final Duration IDLE = Duration.ofMillis(100);
    private static final long GROWTH = 8;
    /** Several idle periods: long enough for a collection that should happen to have happened. */
    private static final long QUIET_MILLIS = 600;

    /**
     * A heap whose committed size the test sets; a collection gives it back down to {@link #LIVE}, and counts
     * once the watcher has read the size after it (so the test's next growth comes after that reading).
     */
    private static final class TestHeap implements IdleMemoryReturn.Heap {
        static final long LIVE = 100;
        final AtomicLong committed = new AtomicLong(LIVE);
        final Semaphore collections = new Semaphore(0);
        private final AtomicBoolean collected = new AtomicBoolean();

        @Override
        public long committed() {
            long now = committed.get();
            if (collected.getAndSet(false)) {
                collections.release();
            }
            return now;
        }

        @Override
        public void collect() {
            committed.set(LIVE);
            collected.set(true);
        }

        boolean collectedWithin(long millis) throws InterruptedException {
            return collections.tryAcquire(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** An engine whose cells each run until the test lets one end. */
    private static final class GatedEngine implements Engine {
        final Semaphore cellsMayEnd = new Semaphore(0);
        final CountDownLatch cellStarted = new CountDownLatch(1);

        @Override
        public ExecuteOutcome execute(String code, CellIO io) {
            cellStarted.countDown();
            cellsMayEnd.acquireUninterruptibly();
            return ExecuteOutcome.Success.empty();
        }

        @Override
        public ExecuteOutcome execute(String code, CellIO io, Duration timeLimit) {
            return execute(code, io);
        }

        @Override
        public Completion complete(String code, int cursor) {
            return Completion.none(cursor);
        }

        @Override
        public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
            return Optional.empty();
        }

        @Override
        public IsComplete isComplete(String code) {
            return IsComplete.of(IsComplete.Status.COMPLETE);
        }

        @Override
        public ExecuteOutcome evaluate(String expression) {
            return ExecuteOutcome.Success.empty();
        }

        @Override
        public void interrupt() {
        }

        @Override
        public void awaitReady(Duration limit) {
        }

        @Override
        public LanguageFacts languageFacts() {
            return new LanguageFacts("java", "25", "text/x-java", ".jshell", "java", "java", "", List.of());
        }

        @Override
        public void close() {
        }
    }

    private final TestHeap heap = new TestHeap();
    private final GatedEngine engine = new GatedEngine();

    private void runCell(Engine e) {
        engine.cellsMayEnd.release();
        e.execute("1 + 1", CellIO.discarding("no input"));
    }

    @Test
    void collectsOnceAfterACallWhenTheHeapGrew() throws Exception {
        try (IdleMemoryReturn e = new IdleMemoryReturn(engine, heap, IDLE, GROWTH)) {
            heap.committed.addAndGet(GROWTH);
            runCell(e);
            assertTrue(heap.collectedWithin(5_000), "collected once idle");
            assertEquals(TestHeap.LIVE, heap.committed());
            heap.committed.addAndGet(GROWTH);
            assertTrue(!heap.collectedWithin(QUIET_MILLIS), "not again until another call has ended");
            e.complete("Math.ma", 7);
            assertTrue(heap.collectedWithin(5_000), "collected after the completion request");
        }
    }

    @Test
    void leavesAHeapThatGrewLessAlone() throws Exception {
        try (IdleMemoryReturn e = new IdleMemoryReturn(engine, heap, IDLE, GROWTH)) {
            heap.committed.addAndGet(GROWTH - 1);
            runCell(e);
            assertTrue(!heap.collectedWithin(QUIET_MILLIS), "7 bytes of growth are not worth a collection");
            heap.committed.addAndGet(1);
            e.isComplete("int x");
            assertTrue(heap.collectedWithin(5_000), "the growth counts from the last collection");
        }
    }

    /** Cells that follow each other closer than the idle time put the collection off until the last has ended. */
    @Test
    void cellsBackToBackPutTheCollectionOff() throws Exception {
        Duration idle = Duration.ofMillis(400); // cells 50 ms apart: far within it, on a loaded machine too
        try (IdleMemoryReturn e = new IdleMemoryReturn(engine, heap, idle, GROWTH)) {
            heap.committed.addAndGet(GROWTH);
            for (int i = 0; i < 10; i++) {
                runCell(e);
                assertTrue(!heap.collectedWithin(50), "cell " + i + " came within the idle time");
            }
            assertTrue(heap.collectedWithin(5_000), "collected once the cells stopped");
        }
    }

    @Test
    void neverCollectsBeforeTheFirstCallNorWhileACellRuns() throws Exception {
        try (IdleMemoryReturn e = new IdleMemoryReturn(engine, heap, IDLE, GROWTH)) {
            heap.committed.addAndGet(10 * GROWTH);
            assertTrue(!heap.collectedWithin(QUIET_MILLIS), "the kernel may still be starting");
            Thread cell = Thread.ofPlatform().start(() -> e.execute("while (true);", CellIO.discarding("no input")));
            assertTrue(engine.cellStarted.await(5, TimeUnit.SECONDS));
            assertTrue(!heap.collectedWithin(QUIET_MILLIS), "a running cell is not idle");
            engine.cellsMayEnd.release();
            cell.join(5_000);
            assertTrue(heap.collectedWithin(5_000), "collected once the cell ended");
        }
    }
}
