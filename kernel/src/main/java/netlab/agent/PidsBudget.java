package netlab.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The room left under the tightest "pids" limit of the control groups this JVM runs in: the threads and
 * processes that a container ({@code docker run --pids-limit}, compose's {@code pids_limit}, podman's default
 * of 2048) or a systemd slice lets everything in it have together. On a classroom server every student's
 * kernel and agent JVM count against one such limit (an idle kernel and agent hold 45 threads), so one cell
 * starting its allowed 2,000 threads could leave the other students' JVMs unable to start a thread at all,
 * which kills them. {@link ThreadCensus} asks {@link #tight()} before a cell's platform thread beyond its
 * first few, and refuses the thread while the room left is below {@link #reserve}.
 *
 * <p>Read from {@code /proc/self/cgroup} and the cgroup file system (v2, and v1's {@code pids} hierarchy):
 * this cgroup and each ancestor with a {@code pids.max} that is a number. No such limit: never tight.
 */
final class PidsBudget {

    /** The limits that apply: each a cgroup directory holding {@code pids.max} and {@code pids.current}. */
    private final List<Path> limited;

    private PidsBudget(List<Path> limited) {
        this.limited = List.copyOf(limited);
    }

    /** This JVM's budget, from {@code /proc/self/cgroup} under {@code /sys/fs/cgroup}. */
    static PidsBudget ofThisProcess() {
        try {
            return of(Path.of("/sys/fs/cgroup"), Files.readAllLines(Path.of("/proc/self/cgroup")));
        } catch (IOException | RuntimeException e) {
            return new PidsBudget(List.of()); // not Linux, or no cgroups: nothing to keep room under
        }
    }

    /**
     * The budget of a process whose {@code /proc/PID/cgroup} reads {@code cgroupLines}, with the cgroup file
     * system mounted at {@code root}: v2's line {@code 0::/path} names {@code root/path}, v1's
     * {@code N:pids:/path} names {@code root/pids/path}.
     */
    static PidsBudget of(Path root, List<String> cgroupLines) {
        List<Path> limited = new ArrayList<>();
        for (String line : cgroupLines) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            Path base = f[1].isEmpty() ? root : List.of(f[1].split(",")).contains("pids") ? root.resolve("pids") : null;
            if (base == null) {
                continue;
            }
            // in a cgroup namespace the path may name a directory this mount does not show: then start at its root
            Path dir = base.resolve(f[2].replaceFirst("^/+", "")).normalize();
            if (!dir.startsWith(base) || !Files.isDirectory(dir)) {
                dir = base;
            }
            for (Path d = dir; d != null && d.startsWith(base); d = d.getParent()) {
                if (Files.isReadable(d.resolve("pids.max")) && !limited.contains(d)) {
                    limited.add(d);
                }
            }
        }
        return new PidsBudget(limited);
    }

    /**
     * Room kept for everyone else under a limit of {@code max}: an eighth of it, at least 64 (a JVM starting
     * needs about 20 threads, and the Jupyter server must still be able to start a kernel).
     */
    static long reserve(long max) {
        return Math.max(64, max / 8);
    }

    /** The tightest limit, if one is now within its reserve: what a refusal names. */
    OptionalLong tight() {
        for (Path d : limited) {
            OptionalLong max = number(d.resolve("pids.max"));
            OptionalLong current = number(d.resolve("pids.current"));
            if (max.isPresent() && current.isPresent()
                    && max.getAsLong() - current.getAsLong() < reserve(max.getAsLong())) {
                return max;
            }
        }
        return OptionalLong.empty();
    }

    /** Whether any limit applies at all (none: {@link #tight()} is always empty and costs nothing). */
    boolean limited() {
        return !limited.isEmpty();
    }

    private static OptionalLong number(Path file) {
        try {
            // readAllLines, not readString: a kernel file reports size 0, and JDK 25's readString then reads one byte
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // "max": no limit here
        }
    }
}
