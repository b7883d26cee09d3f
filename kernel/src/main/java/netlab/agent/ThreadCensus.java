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
 * refuses a thread beyond its kind's cap with a {@link ThreadCapReached}: platform threads
 * ({@code -Dnetlab.threadCap}, default 2000 live per cell) and virtual threads ({@code -Dnetlab.virtualThreadCap},
 * default {@link #virtualDefault}), each counted on its own. {@code %%threads N} raises both for one cell.
 * Past its first {@value #UNCHECKED_PLATFORM_THREADS}, a cell's platform thread is also refused while the
 * server's limit on threads and processes, which every student's JVMs share, is nearly used up ({@link PidsBudget}).
 *
 * <p>Why two caps: a platform thread is an operating-system thread with a stack reserved outside the heap, and a
 * few thousand of them make the agent crawl or die; a virtual thread is a heap object of about 1 KB while it
 * sleeps (measured: 875 bytes each for 100,000 sleeping in {@code Thread.sleep}), so chapter 4's C10K cell needs
 * ten thousand of them and its demo a hundred thousand, and what bounds them is the heap.
 *
 * <p>How: every thread created while code of a cell runs inherits a marker ({@link InheritableThreadLocal});
 * its {@code childValue} runs in the creating thread while the new thread is constructed, which is the one
 * place the JDK lets us see every thread a cell's code creates, whichever class creates it. Throwing there
 * makes the constructor, and so {@code start}, {@code submit} or {@code execute}, fail in the cell's code.
 * Which kind is being built is read from the constructors on the stack (one short stack walk per thread). A
 * marker lives in its thread's inherited map, which the JDK drops when the thread ends, so a weakly
 * referenced marker that is gone means a thread that has ended; a full collection is forced only when a
 * cell reaches a cap, to tell ended threads from live ones.
 *
 * <p>Not counted: fork-join workers (virtual-thread carriers and pools, bounded by their parallelism) and
 * threads built with {@code inheritInheritableThreadLocals(false)}; the cell's own thread is not counted.
 */
final class ThreadCensus {

    /** The kinds of thread counted apart. */
    enum Kind { PLATFORM, VIRTUAL }

    /** Live platform threads one cell may have caused; more is almost always a runaway loop. */
    static volatile int cap = Integer.getInteger("netlab.threadCap", 2000);
    /**
     * Platform threads a cell may start before each further one also asks the server's {@link PidsBudget}: a
     * cell this small cannot starve the others, and asking costs two file reads per limit.
     */
    static final int UNCHECKED_PLATFORM_THREADS = 16;
    /** The server's room for threads and processes, shared with every other student's JVMs. */
    static volatile PidsBudget budget = PidsBudget.ofThisProcess();
    /** Live virtual threads one cell may have caused; see {@link #virtualDefault}. */
    static volatile int virtualCap = Integer.getInteger("netlab.virtualThreadCap", virtualDefault());
    /**
     * Heap a virtual thread is budgeted: about twice the 875 bytes measured for one sleeping in a shallow stack,
     * since a cell's threads block a few frames deeper (a socket read in a handler).
     */
    static final long VIRTUAL_THREAD_BYTES = 2048;
    /**
     * A cell at the cap that has created few threads since the last forced collection (so few can have
     * ended) gets another one at most this often: a loop creating threads at the cap must not collect for each.
     */
    private static final long COLLECT_INTERVAL_NANOS = 200_000_000L;
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** The classes whose constructors build a virtual thread (the JDK's own, not visible to us by type). */
    private static final java.util.Set<String> VIRTUAL_CLASSES = java.util.Set.of("java.lang.VirtualThread",
            "java.lang.BaseVirtualThread", "java.lang.ThreadBuilders$BoundVirtualThread");

    /** The marker a counted thread carries: which cell's key created it. */
    private record Member(String key) {
    }

    /** The markers of one cell key's threads of one kind, weakly held: a cleared one is a thread that ended. */
    private static final class Births {
        final List<WeakReference<Member>> markers = new ArrayList<>();
        long lastCollection;
        int bornSinceCollection;

        int prune() {
            markers.removeIf(r -> r.get() == null);
            return markers.size();
        }
    }

    private record Counted(String key, Kind kind) {
    }

    private static final Map<Counted, Births> BIRTHS = new ConcurrentHashMap<>();
    /** Caps raised for one cell key by {@code %%threads N}: until the key runs again without it. */
    private static final Map<String, Integer> RAISED = new ConcurrentHashMap<>();

    private static final InheritableThreadLocal<Member> MEMBER = new InheritableThreadLocal<>() {
        @Override
        protected Member childValue(Member creator) {
            return born(creator.key());
        }
    };

    private ThreadCensus() {
    }

    /**
     * Half the agent's heap at {@link #VIRTUAL_THREAD_BYTES} each, in whole thousands: 252,000 with the default
     * 512 MB heap (494 MB usable), so a cell reaching it is refused before the heap is full and the agent
     * still has room to answer. A million would need about 1-2 GB.
     */
    static int virtualDefault() {
        long bound = Runtime.getRuntime().maxMemory() / 2 / VIRTUAL_THREAD_BYTES;
        return (int) Math.max(1000, Math.min(1_000_000, bound / 1000 * 1000));
    }

    /** Marks the calling thread, a cell's own, as running code of {@code cell}'s key; not counted. */
    static void enter(Cell cell) {
        MEMBER.set(new Member(cell.key()));
    }

    /**
     * Lets the cell {@code key} run up to {@code threads} live threads of each kind (at least the defaults),
     * or back to the defaults when {@code threads} is 0: what {@code %%threads N} asks for the cell it heads.
     */
    static void raise(String key, int threads) {
        if (threads > 0) {
            RAISED.put(key, threads);
        } else {
            RAISED.remove(key);
        }
    }

    /** The cap of {@code kind} for the cell {@code key}. */
    static int limit(String key, Kind kind) {
        int base = kind == Kind.PLATFORM ? cap : virtualCap;
        Integer raised = RAISED.get(key);
        return raised == null ? base : Math.max(base, raised);
    }

    /** Live threads of both kinds the cell key has caused (ended ones not yet collected may still be counted). */
    static int count(String key) {
        return count(key, Kind.PLATFORM) + count(key, Kind.VIRTUAL);
    }

    static int count(String key, Kind kind) {
        Births b = BIRTHS.get(new Counted(key, kind));
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
        Kind kind = kindUnderConstruction();
        if (kind == null) {
            return member; // the pool's own thread; never refuse, a carrier must always start
        }
        Births b = BIRTHS.computeIfAbsent(new Counted(key, kind), k -> new Births());
        synchronized (b) {
            int limit = limit(key, kind);
            if (b.markers.size() >= limit && b.prune() >= limit) {
                long now = System.nanoTime();
                if (b.bornSinceCollection >= Math.max(1, limit / 10) || now - b.lastCollection > COLLECT_INTERVAL_NANOS) {
                    b.lastCollection = now;
                    b.bornSinceCollection = 0;
                    System.gc(); // clears the markers of threads that ended since their last collection
                }
                if (b.prune() >= limit) {
                    throw new ThreadCapReached(kind, limit);
                }
            }
            if (kind == Kind.PLATFORM && b.markers.size() >= UNCHECKED_PLATFORM_THREADS && budget.limited()) {
                java.util.OptionalLong tight = budget.tight();
                if (tight.isPresent()) {
                    throw ThreadCapReached.serverLimit(b.prune(), tight.getAsLong());
                }
            }
            b.markers.add(new WeakReference<>(member));
            b.bornSinceCollection++;
        }
        return member;
    }

    /**
     * The kind of the thread being constructed, from the innermost thread constructor on the stack below
     * {@code Thread}'s own; null for a ForkJoinWorkerThread (a carrier or pool worker, not counted).
     */
    private static Kind kindUnderConstruction() {
        Class<?> built = WALKER.walk(INNERMOST_THREAD_CONSTRUCTOR);
        if (ForkJoinWorkerThread.class.isAssignableFrom(built)) {
            return null;
        }
        return VIRTUAL_CLASSES.contains(built.getName()) ? Kind.VIRTUAL : Kind.PLATFORM;
    }

    /**
     * The class of the innermost constructor of a Thread subclass on the stack, or Thread. A plain loop in a
     * constant, linked when this class is initialized (as a cell starts): a cell's first two threads must not
     * be far apart because the first links lambdas on a loaded machine, or a race a lesson shows would not happen.
     */
    private static final java.util.function.Function<java.util.stream.Stream<StackWalker.StackFrame>, Class<?>>
            INNERMOST_THREAD_CONSTRUCTOR = frames -> {
                java.util.Iterator<StackWalker.StackFrame> it = frames.limit(16).iterator();
                while (it.hasNext()) {
                    StackWalker.StackFrame f = it.next();
                    Class<?> c = f.getDeclaringClass();
                    if (c != Thread.class && Thread.class.isAssignableFrom(c) && f.getMethodName().equals("<init>")) {
                        return c;
                    }
                }
                return Thread.class;
            };
}
