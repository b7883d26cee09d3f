package netlab.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What a stopped cell left running: its threads that have not ended and its executors that have not
 * terminated. A thread blocked on a monitor cannot be woken by an interrupt, so the kernel asks this after
 * an interrupt and kills the agent rather than reply "interrupted" while the cell's code still runs.
 *
 * <p>Each is a {@link Control.Lingerer}, deadlocked when the JVM finds the thread in a cycle of threads each
 * waiting for a lock another holds, which no grace period can end.
 */
final class Lingering {

    /** How long one wait for one thread or executor lasts before all are looked at again. */
    private static final long SLICE_MILLIS = 50;

    /** How many lingerers a reply describes; the rest it counts. */
    static final int MOST_LISTED = 20;

    private Lingering() {
    }

    /**
     * Waits up to {@code millis} until everything {@code cellKey}'s cells started has ended, or all that is
     * left is deadlocked; answers what is left (none: quiet). Waits by joining what runs, so the answer comes
     * as soon as the last thread ends.
     */
    static Control.Reply awaitQuiet(String cellKey, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            List<Object> running = Ownership.running(cellKey);
            Control.Reply left = describe(running);
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!(left instanceof Control.StillRunning s) || s.allDeadlocked() || remaining <= 0) {
                return left;
            }
            long slice = Math.max(1, Math.min(remaining, SLICE_MILLIS));
            try {
                switch (running.getFirst()) {
                    case Thread t -> t.join(slice);
                    case Cell.Run run -> run.awaitEnd(slice);
                    case ExecutorService x -> x.awaitTermination(slice, TimeUnit.MILLISECONDS);
                    default -> Thread.sleep(slice);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }

    /**
     * At most {@link #MOST_LISTED} described, the rest counted: a C10K cell may leave 10,000 threads, and
     * describing each (and finding deadlocks among them) on every wait slice would slow their ending.
     */
    private static Control.Reply describe(List<Object> running) {
        if (running.isEmpty()) {
            return new Control.Quiet();
        }
        List<Control.Lingerer> left = new ArrayList<>();
        Set<Long> deadlocked = deadlockedThreadIds();
        for (Object r : running.subList(0, Math.min(MOST_LISTED, running.size()))) {
            switch (r) {
                case Thread t -> left.add(lingerer(t, deadlocked));
                case Cell.Run run -> left.add(lingerer(run.thread(), deadlocked));
                case ThreadPoolExecutor x -> left.add(new Control.Lingerer(false, x.getClass().getSimpleName(), "",
                        false, x.getActiveCount()));
                case ExecutorService x -> left.add(new Control.Lingerer(false, x.getClass().getSimpleName(), "",
                        false, -1));
                default -> { }
            }
        }
        return new Control.StillRunning(left, Math.max(0, running.size() - MOST_LISTED));
    }

    private static Control.Lingerer lingerer(Thread t, Set<Long> deadlocked) {
        return new Control.Lingerer(true, t.getName(), t.getState().name(), deadlocked.contains(t.threadId()), 0);
    }

    /**
     * Ids of the platform threads in a monitor or lock deadlock (virtual threads are not examined by the JVM);
     * none where {@code java.management} is not in the module graph (the grader's agents lack it, so that no
     * answer can dump its heap through a management bean).
     */
    private static Set<Long> deadlockedThreadIds() {
        Set<Long> ids = new HashSet<>();
        if (ModuleLayer.boot().findModule("java.management").isEmpty()) {
            return ids;
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long[] found = bean.isSynchronizerUsageSupported() ? bean.findDeadlockedThreads()
                : bean.findMonitorDeadlockedThreads();
        if (found != null) {
            for (long id : found) {
                ids.add(id);
            }
        }
        return ids;
    }
}
