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

    /** One line per thread or executor of {@code cellKey}'s cells that still runs; empty when all ended. */
    static List<String> of(String cellKey) {
        List<Object> running = Ownership.running(cellKey);
        List<String> lines = new ArrayList<>();
        if (running.isEmpty()) {
            return lines;
        }
        Set<Long> deadlocked = deadlockedThreadIds();
        for (Object r : running) {
            switch (r) {
                case Thread t -> lines.add((deadlocked.contains(t.threadId()) ? DEADLOCKED : RUNNING) + "\t"
                        + Ownership.describe(t) + " (" + t.getState() + ")");
                case ThreadPoolExecutor x -> lines.add(RUNNING + "\t" + Ownership.describe(x) + " with "
                        + x.getActiveCount() + " running tasks");
                case ExecutorService x -> lines.add(RUNNING + "\t" + Ownership.describe(x));
                default -> { }
            }
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
