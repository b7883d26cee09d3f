package netlab.agent;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Counts the threads each notebook cell causes to be created, however it does so — {@code new Thread},
 * {@code Thread.ofVirtual()}, an executor's pool growing as tasks arrive, a library starting a server — and
 * refuses a thread beyond the cap ({@code -Dnetlab.threadCap}, default 2000 live threads per cell).
 *
 * <p>How: every thread created while code of a cell runs inherits a marker ({@link InheritableThreadLocal});
 * its {@code childValue} runs in the creating thread while the new thread is constructed, which is the one
 * place the JDK lets us see every thread a cell's code creates, whichever class creates it. Throwing there
 * makes the constructor, and so {@code start}, {@code submit} or {@code execute}, fail in the cell's code.
 * A marker lives in its thread's inherited map, which the JDK drops when the thread ends, so a weakly
 * referenced marker that is gone means a thread that has ended; a full collection is forced only when a
 * cell reaches the cap, to tell ended threads from live ones.
 *
 * <p>Not counted: fork-join workers (virtual-thread carriers and pools, bounded by their parallelism) and
 * threads built with {@code inheritInheritableThreadLocals(false)}; the cell's own thread is not counted.
 */
final class ThreadCensus {

    /** Live threads one cell may have caused; more is almost always a runaway loop. */
    static volatile int cap = Integer.getInteger("netlab.threadCap", 2000);
    /**
     * A cell at the cap that has created few threads since the last forced collection (so few can have
     * ended) gets another one at most this often: a loop creating threads at the cap must not collect for each.
     */
    private static final long COLLECT_INTERVAL_NANOS = 200_000_000L;

    /** The marker a counted thread carries: which cell's key created it. */
    private record Member(String key) {
    }

    /** The markers of one cell key's threads, weakly held: a cleared one is a thread that ended. */
    private static final class Births {
        final List<WeakReference<Member>> markers = new ArrayList<>();
        long lastCollection;
        int bornSinceCollection;

        int prune() {
            markers.removeIf(r -> r.get() == null);
            return markers.size();
        }
    }

    private static final Map<String, Births> BIRTHS = new ConcurrentHashMap<>();

    private static final InheritableThreadLocal<Member> MEMBER = new InheritableThreadLocal<>() {
        @Override
        protected Member childValue(Member creator) {
            return born(creator.key());
        }
    };

    private ThreadCensus() {
    }

    /** Marks the calling thread, a cell's own, as running code of {@code cell}'s key; not counted. */
    static void enter(Cell cell) {
        MEMBER.set(new Member(cell.key()));
    }

    /** Live threads the cell key has caused (ended ones not yet collected may still be counted). */
    static int count(String key) {
        Births b = BIRTHS.get(key);
        if (b == null) {
            return 0;
        }
        synchronized (b) {
            return b.prune();
        }
    }

    /** A thread is being constructed by code of {@code key}'s cell: count it, or refuse it at the cap. */
    private static Member born(String key) {
        Member member = new Member(key);
        if (forkJoinWorkerUnderConstruction()) {
            return member; // the pool's own thread; never refuse, a carrier must always start
        }
        Births b = BIRTHS.computeIfAbsent(key, k -> new Births());
        synchronized (b) {
            int limit = cap;
            if (b.markers.size() >= limit && b.prune() >= limit) {
                long now = System.nanoTime();
                if (b.bornSinceCollection >= Math.max(1, limit / 10) || now - b.lastCollection > COLLECT_INTERVAL_NANOS) {
                    b.lastCollection = now;
                    b.bornSinceCollection = 0;
                    System.gc(); // clears the markers of threads that ended since their last collection
                }
                if (b.prune() >= limit) {
                    throw new IllegalStateException("netlab: this cell already runs " + limit + " threads, the most "
                            + "one cell may start (directly, through an executor or a library); let some finish "
                            + "first, or run the tasks on a fixed pool such as Executors.newFixedThreadPool(8)");
                }
            }
            b.markers.add(new WeakReference<>(member));
            b.bornSinceCollection++;
        }
        return member;
    }

    /** Whether the thread being constructed is a ForkJoinWorkerThread (its constructor is on the stack). */
    private static boolean forkJoinWorkerUnderConstruction() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .limit(16)
                .anyMatch(f -> f.getMethodName().equals("<init>")
                        && ForkJoinWorkerThread.class.isAssignableFrom(f.getDeclaringClass())));
    }
}
