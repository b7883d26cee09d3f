package netlab.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What a stopped cell left running: its threads that have not ended and its executors that have not
 * terminated. A thread blocked on a monitor cannot be woken by an interrupt, so the kernel asks this after
 * an interrupt and kills the agent rather than reply "interrupted" while the cell's code still runs.
 *
 * <p>Each line is {@code "deadlocked\tthread 'Thread-3' (BLOCKED)"} or {@code "running\t..."}: deadlocked
 * when the JVM finds the thread in a cycle of threads each waiting for a lock another holds, which no grace
 * period can end.
 */
final class Lingering {

    static final String DEADLOCKED = AgentProtocol.DEADLOCKED;
    static final String RUNNING = AgentProtocol.RUNNING;

    private Lingering() {
    }

    /** At most this many lines: a C10K cell may leave 10,000 threads, and the kernel asks every 20 ms. */
    static final int MOST_LINES = 20;
    /** How long to wait, at most, while the stopped threads keep ending (see {@link #of}). */
    private static final long PROGRESS_WAIT_NANOS = 1_000_000_000L;
    /** A wait ends when no thread has ended for this long. */
    private static final long NO_PROGRESS_NANOS = 200_000_000L;

    /**
     * One line per thread or executor of {@code cellKey}'s cells that still runs, at most {@link #MOST_LINES}
     * (then a last line says how many more); empty when all ended. Thousands of interrupted virtual threads end
     * only as the carrier threads get to each of them, so while they keep ending this waits (up to a second):
     * a thread that ignores its interrupt stops the count from falling, and the answer comes 200 ms later.
     */
    static List<String> of(String cellKey) {
        List<Object> running = Ownership.running(cellKey);
        long start = System.nanoTime();
        long progress = start;
        int seen = running.size();
        while (running.size() > MOST_LINES && System.nanoTime() - start < PROGRESS_WAIT_NANOS
                && System.nanoTime() - progress < NO_PROGRESS_NANOS) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            running = Ownership.running(cellKey);
            if (running.size() < seen) {
                seen = running.size();
                progress = System.nanoTime();
            }
        }
        List<String> lines = new ArrayList<>();
        if (running.isEmpty()) {
            return lines;
        }
        Set<Long> deadlocked = deadlockedThreadIds();
        for (Object r : running.subList(0, Math.min(MOST_LINES, running.size()))) {
            switch (r) {
                case Thread t -> lines.add((deadlocked.contains(t.threadId()) ? DEADLOCKED : RUNNING) + "\t"
                        + Ownership.describe(t) + " (" + t.getState() + ")");
                case ThreadPoolExecutor x -> lines.add(RUNNING + "\t" + Ownership.describe(x) + " with "
                        + x.getActiveCount() + " running tasks");
                case ExecutorService x -> lines.add(RUNNING + "\t" + Ownership.describe(x));
                default -> { }
            }
        }
        if (running.size() > MOST_LINES) {
            lines.add(RUNNING + "\t" + (running.size() - MOST_LINES) + " more threads or executors");
        }
        return lines;
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
