package netlab.kernel.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs grading agents where the grader's files cannot be read. An answer knows where they are (the grading
 * JVM's command line names them), and a copy of the grader's jar may lie anywhere else a person keeps files
 * (a build in /tmp, a download in a home directory), so the sandbox hides more than the directories it is
 * told of: every top-level directory that is not the system's ({@code /usr}, {@code /etc}, {@code /proc} ...),
 * {@code /var/tmp}, the temp directory and the home directory. What the agents need — the JDK, their class path
 * copy and working directories — is mounted back inside.
 *
 * <p>Each agent starts in its own user, mount and PID namespace ({@code unshare}, no privileges needed) with an
 * empty tmpfs over each hidden directory (temp directories get a writable one) and /proc of its own, so
 * {@code /proc/PID/root} of the grading JVM cannot reach around the mounts. Loopback networking is shared: the
 * agent connects back to the grading JVM.
 *
 * <p>Before grading, {@link #launcher} starts the JDK's {@code java -version} inside the sandbox it planned.
 * Should that fail (a JDK whose libraries live in a hidden directory, a {@code mount} without
 * {@code --no-canonicalize}), it falls back to hiding only the named directories, and where namespaces are not
 * available at all (some containers forbid them) it says so and the grader goes on without the sandbox;
 * {@code netlab grade} prints which in one line.
 */
public final class AgentSandbox {

    /** Top-level directories the system needs and people do not keep files in; everything else is hidden. */
    private static final Set<String> SYSTEM = Set.of("bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32",
            "proc", "run", "sbin", "sys", "usr", "var");

    /**
     * Runs operations up to "--", then the command after it. {@code o N DIR} opens DIR as descriptor N while it
     * is still visible; {@code h DIR} and {@code t DIR} hide DIR under an empty tmpfs (t: a writable one, for
     * temp directories); {@code b N DIR} mounts descriptor N's directory back at DIR. {@code mount} must not
     * canonicalize /proc/self/fd/N into a path, which would name the hidden directory instead.
     */
    private static final String SCRIPT = """
            while [ "$1" != -- ]; do
              case $1 in
                o) eval "exec $2<\\"\\$3\\"" || exit 97; shift 3 ;;
                h) mount -t tmpfs -o size=4k,mode=0555 netlab-hidden "$2" || exit 97; shift 2 ;;
                t) mount -t tmpfs -o size=64m,mode=1777 netlab-hidden "$2" || exit 97; shift 2 ;;
                b) mkdir -p "$3" && mount --no-canonicalize --bind "/proc/self/fd/$2" "$3" || exit 97
                   eval "exec $2<&-"; shift 3 ;;
                *) exit 98 ;;
              esac
            done
            shift
            exec "$@"
            """;
    private static final List<String> UNSHARE = List.of("unshare", "--user", "--map-root-user", "--mount", "--pid",
            "--fork", "--kill-child", "--mount-proc");
    /** Descriptors 3-9: the shell names one digit only. */
    private static final int MAX_BOUND_BACK = 7;

    private AgentSandbox() {
    }

    /** The outcome: a launcher prefix for {@code EngineOptions.launcher}, or an empty one and why. */
    public record Launcher(List<String> command, Plan plan, String problem) {
        /** No sandbox, because of {@code problem}. */
        public static Launcher none(String problem) {
            return new Launcher(List.of(), Plan.NONE, problem);
        }

        public boolean sandboxed() {
            return !command.isEmpty();
        }

        /** One line for {@code netlab grade}'s output. */
        public String describe() {
            if (!sandboxed()) {
                return "netlab grade: warning: agents run without a sandbox, " + problem
                        + "; an answer could read the grader's files by absolute path";
            }
            return "agents run sandboxed: " + plan.hidden().size() + " directories hidden from answers"
                    + (plan.boundBack().isEmpty() ? "" : ", " + plan.boundBack().size() + " mounted back for the agents")
                    + (problem == null ? "" : " (" + problem + ")");
        }
    }

    /**
     * Which directories the agents do not see, and which directories inside those they see again.
     * {@code temporary} lists the hidden ones that get a writable tmpfs.
     */
    public record Plan(List<Path> hidden, List<Path> temporary, List<Path> boundBack) {
        /** Nothing hidden. */
        static final Plan NONE = new Plan(List.of(), List.of(), List.of());
    }

    /**
     * A launcher hiding {@code hide} (directories; files stand for their directory) and every place people keep
     * files, keeping every path in {@code keep} (the JDK, the agents' class path and working directories)
     * visible; {@code javaHome} is the agents' JDK, used to check the sandbox works; {@code home} is the user's home
     * directory as the environment names it ({@code $HOME}).
     */
    public static Launcher launcher(List<Path> hide, List<Path> keep, Path javaHome, Path home) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> temporary = List.of(tmp, Path.of("/tmp"), Path.of("/var/tmp"));
        List<Path> everywhere = new ArrayList<>(hide);
        everywhere.addAll(userAreas(Path.of("/")));
        everywhere.addAll(temporary);
        everywhere.add(home);

        String problem = run(command(Plan.NONE), List.of("true"));
        if (problem != null) {
            return Launcher.none(problem);
        }
        List<String> version = List.of(javaHome.resolve("bin/java").toString(), "-version");
        Plan broad = plan(everywhere, keep, temporary, true);
        List<String> broadCommand = command(broad);
        String broadProblem = run(broadCommand, version);
        if (broadProblem == null) {
            return new Launcher(broadCommand, broad, null);
        }
        Plan narrow = plan(hide, keep, temporary, false);
        List<String> narrowCommand = command(narrow);
        String narrowProblem = run(narrowCommand, version);
        return narrowProblem == null
                ? new Launcher(narrowCommand, narrow, "only the grader's own directories: " + broadProblem)
                : new Launcher(List.of(), narrow, narrowProblem);
    }

    /** The top-level directories of {@code root} that are not the system's. */
    static List<Path> userAreas(Path root) {
        try (Stream<Path> top = Files.list(root)) {
            return top.filter(Files::isDirectory).filter(p -> !SYSTEM.contains(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Plans the mounts. A directory in {@code keep} (a file stands for its directory) inside a hidden one is
     * mounted back when {@code bindBack} allows, else that hidden directory stays visible; the root is never
     * hidden, nor a directory that is itself kept, nor one inside another hidden one (unless it is inside a kept
     * directory there, where the mount back would show it again).
     */
    static Plan plan(List<Path> hide, List<Path> keep, List<Path> temporary, boolean bindBack) {
        List<Path> kept = outermost(keep.stream().map(AgentSandbox::directoryOf).filter(p -> p != null).toList());
        Set<Path> candidates = new LinkedHashSet<>();
        for (Path p : hide) {
            Path dir = directoryOf(p);
            if (dir == null || dir.getParent() == null || kept.contains(dir)) {
                continue; // the root, nothing there yet, or needed as it is
            }
            boolean holdsKept = kept.stream().anyMatch(k -> k.startsWith(dir));
            if (holdsKept && !bindBack) {
                continue;
            }
            candidates.add(dir);
        }
        List<Path> hidden = candidates.stream()
                .filter(d -> candidates.stream().noneMatch(o -> !o.equals(d) && d.startsWith(o)
                        && kept.stream().noneMatch(k -> k.startsWith(o) && d.startsWith(k))))
                .toList();
        List<Path> back = kept.stream().filter(k -> hidden.stream().anyMatch(h -> k.startsWith(h) && !k.equals(h)))
                .toList();
        if (back.size() > MAX_BOUND_BACK) {
            return plan(hide, keep, temporary, false);
        }
        List<Path> temp = temporary.stream().map(AgentSandbox::directoryOf).filter(hidden::contains).toList();
        return new Plan(hidden, temp, back);
    }

    /** The launcher prefix that carries out {@code plan}: opens what comes back, then hides and mounts back outside in. */
    static List<String> command(Plan plan) {
        List<String> command = new ArrayList<>(UNSHARE);
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "netlab-sandbox"));
        for (int i = 0; i < plan.boundBack().size(); i++) {
            command.addAll(List.of("o", Integer.toString(3 + i), plan.boundBack().get(i).toString()));
        }
        record Step(Path at, List<String> args) {
        }
        List<Step> steps = new ArrayList<>();
        for (Path h : plan.hidden()) {
            steps.add(new Step(h, List.of(plan.temporary().contains(h) ? "t" : "h", h.toString())));
        }
        for (int i = 0; i < plan.boundBack().size(); i++) {
            Path b = plan.boundBack().get(i);
            steps.add(new Step(b, List.of("b", Integer.toString(3 + i), b.toString())));
        }
        // outside in: a hidden directory before what comes back inside it, and that before anything hidden in it
        steps.sort(Comparator.comparingInt(s -> s.at().getNameCount()));
        steps.forEach(s -> command.addAll(s.args()));
        command.add("--");
        return command;
    }

    private static Path directoryOf(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
        return dir != null && Files.isDirectory(dir) ? dir : null;
    }

    private static List<Path> outermost(List<Path> dirs) {
        return dirs.stream().distinct().filter(d -> dirs.stream().noneMatch(o -> !o.equals(d) && d.startsWith(o))).toList();
    }

    /** Null if {@code program} ran and exited 0 under {@code launcher}, else what went wrong. */
    private static String run(List<String> launcher, List<String> program) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(program);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", program) + " did not finish within 20 s in the sandbox";
            }
            String output = new String(p.getInputStream().readAllBytes()).strip();
            return p.exitValue() == 0 ? null : "the sandbox failed (" + (output.isEmpty() ? "exit " + p.exitValue()
                    : output.lines().findFirst().orElse("")) + ")";
        } catch (IOException e) {
            return "unshare is not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
