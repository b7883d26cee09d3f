package netlab.kernel.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs grading agents where the grader's files cannot be read: the teacher's lesson sources, the
 * submissions, the grader jar and the results. An answer knows where they are (the grading JVM's command line
 * names them), so an empty working directory is not enough against an absolute path. Each agent starts in its
 * own user, mount and PID namespace ({@code unshare}, no privileges needed) with an empty tmpfs mounted over
 * each of those directories, and with /proc of its own, so {@code /proc/PID/root} of the grading JVM cannot
 * reach around the mounts. Loopback networking is shared: the agent connects back to the grading JVM.
 *
 * <p>Where namespaces are not available (some containers forbid them), {@link #launcher} says so and the
 * grader goes on without the sandbox; {@code netlab grade} prints that in one line.
 */
public final class AgentSandbox {

    /** Mounts an empty tmpfs over each directory argument up to "--", then runs the rest of the command. */
    private static final String HIDE_THEN_EXEC = "while [ \"$1\" != -- ]; do "
            + "mount -t tmpfs -o size=4k,mode=0555 netlab-hidden \"$1\" || exit 97; shift; done; shift; exec \"$@\"";

    private AgentSandbox() {
    }

    /** The outcome: a launcher prefix for {@code EngineOptions.launcher}, or an empty one and why. */
    public record Launcher(List<String> command, List<Path> hidden, String problem) {
        public boolean sandboxed() {
            return !command.isEmpty();
        }
    }

    /**
     * A launcher hiding {@code hide} (directories; files stand for their directory) from agents, keeping every
     * path in {@code keep} (the JDK, the agents' class path and working directories) visible: a directory that
     * holds one of those, or the root, is not hidden.
     */
    public static Launcher launcher(List<Path> hide, List<Path> keep) {
        List<Path> dirs = directoriesToHide(hide, keep);
        List<String> unshare = List.of("unshare", "--user", "--map-root-user", "--mount", "--pid", "--fork",
                "--kill-child", "--mount-proc");
        String problem = probe(unshare);
        if (problem != null) {
            return new Launcher(List.of(), List.of(), problem);
        }
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("/bin/sh", "-c", HIDE_THEN_EXEC, "netlab-sandbox"));
        dirs.forEach(d -> command.add(d.toString()));
        command.add("--");
        return new Launcher(command, dirs, null);
    }

    static List<Path> directoriesToHide(List<Path> hide, List<Path> keep) {
        List<Path> kept = keep.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path p : hide) {
            Path abs = p.toAbsolutePath().normalize();
            Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
            if (dir == null || dir.getParent() == null || !Files.isDirectory(dir)) {
                continue; // the root, or nothing there yet
            }
            if (kept.stream().noneMatch(k -> k.startsWith(dir))) {
                dirs.add(dir);
            }
        }
        // a directory inside another hidden one is hidden already (and its mount point would be gone)
        return dirs.stream().filter(d -> dirs.stream().noneMatch(o -> !o.equals(d) && d.startsWith(o))).toList();
    }

    /** Null if the namespaces work here, else what went wrong. */
    private static String probe(List<String> unshare) {
        List<String> cmd = new ArrayList<>(unshare);
        cmd.addAll(List.of("/bin/sh", "-c", "mount -t tmpfs netlab-probe /mnt"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unshare did not finish within 10 s";
            }
            String output = new String(p.getInputStream().readAllBytes()).strip();
            return p.exitValue() == 0 ? null
                    : "unshare failed (" + (output.isEmpty() ? "exit " + p.exitValue() : output.lines().findFirst().orElse("")) + ")";
        } catch (IOException e) {
            return "unshare is not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
