package netlab.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends processes together with every process they started: what a cell's worker processes leave when the cell
 * is interrupted or run again, and what a dead agent leaves behind (the kernel uses it too).
 *
 * <p>How: the whole tree is listed first, because a child whose parent ends is handed to another parent and
 * can no longer be found under it; then each gets SIGTERM ({@code destroy}), so a worker can close cleanly;
 * after {@link #GRACE} whatever still runs, and whatever it started meanwhile, gets SIGKILL. Returns once all
 * have ended (their ports are free then: the system closes an ended process's sockets), or after a bound.
 *
 * <pre>{@code
 * List<ProcessHandle> ended = ProcessTree.end(List.of(worker.toHandle()));
 * }</pre>
 */
public final class ProcessTree {

    /** How long a process may take to exit after SIGTERM before it gets SIGKILL. */
    public static final Duration GRACE = Duration.ofMillis(500);
    /** How long to wait for SIGKILLed processes to be gone (they cannot refuse; this only bounds a stuck kernel). */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 10;

    private ProcessTree() {
    }

    /**
     * Ends {@code roots} and all their descendants (SIGTERM, then SIGKILL after {@link #GRACE}); returns the
     * processes that were running, roots first.
     */
    public static List<ProcessHandle> end(Collection<ProcessHandle> roots) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            if (!ended(root)) {
                tree.add(root);
                root.descendants().forEach(tree::add);
            }
        }
        if (tree.isEmpty()) {
            return List.of();
        }
        tree.forEach(ProcessHandle::destroy);
        List<ProcessHandle> left = awaitEnd(tree, GRACE);
        if (!left.isEmpty()) {
            Set<ProcessHandle> kill = new LinkedHashSet<>(left);
            for (ProcessHandle h : left) {
                h.descendants().forEach(kill::add); // started while the grace period ran
            }
            kill.forEach(ProcessHandle::destroyForcibly);
            awaitEnd(kill, KILL_WAIT);
        }
        return new ArrayList<>(tree);
    }

    /** Waits up to {@code timeout} for all of {@code handles} to end; returns those still running. */
    private static List<ProcessHandle> awaitEnd(Collection<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> left = new ArrayList<>(handles);
        while (true) {
            left.removeIf(ProcessTree::ended);
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }

    /**
     * Whether {@code h} has ended: gone, or a zombie (ended, its exit status not yet collected by a parent that
     * may never collect it; its sockets are closed already). {@link ProcessHandle#isAlive} counts a zombie alive.
     */
    public static boolean ended(ProcessHandle h) {
        if (!h.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return !h.isAlive(); // no /proc (not Linux), or it ended just now
        }
    }
}
