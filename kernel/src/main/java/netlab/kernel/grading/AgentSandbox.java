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
import netlab.agent.AgentProtocol;

/**
 * Runs each grading agent where it can harm nothing but its own scratch directory. Student code reads every
 * byte it can reach and writes every file it can, so each agent starts in its own user, mount, PID, IPC and
 * network namespace ({@code unshare}, no privileges needed):
 * <ul>
 *   <li><b>no privileges</b>: when {@code grade} runs as root, the agent is first dropped to {@code nobody}
 *       ({@code setpriv}); inside, after the mounts are made, it runs as uid {@value #INNER_UID} of a second user
 *       namespace, with no capability over the mounts that hide the grader's files;</li>
 *   <li><b>read-only file system</b> but for its working directory (its scratch, mounted back writable), a
 *       private {@code /tmp} and a private {@code /dev/shm} (tmpfs, gone with the agent);</li>
 *   <li><b>hidden files</b>: every top-level directory that is not the system's ({@code /usr}, {@code /etc},
 *       {@code /proc} ...), {@code /var/tmp}, the temp directory, the home directory and the directories it is
 *       told of (the submissions, the grader's jar, the results) lie under empty tmpfs mounts; what the agent
 *       needs (the JDK, its class path copy) is mounted back, read-only. A copy of the grader's jar elsewhere
 *       (a build in /tmp, a download in a home directory) is out of sight with them; /proc is its own, so
 *       {@code /proc/PID/root} of the grading JVM cannot reach around the mounts;</li>
 *   <li><b>loopback only</b>: a network namespace whose one interface, {@code lo}, is brought up, so answers
 *       and checks talk over 127.0.0.1 without reaching the host's or another agent's ports (the agent
 *       reaches the grading JVM through a Unix domain socket in its working directory, see
 *       {@code EngineOptions.unixSocket});</li>
 *   <li><b>a clean environment</b>: {@code PATH}, {@code LANG}, {@code HOME} (its scratch) and the agent's
 *       connection token, nothing of the teacher's.</li>
 * </ul>
 *
 * <p>Before grading, {@link #launcher} starts the JDK's {@code java -version} inside the sandbox it planned.
 * Should that fail (a JDK whose libraries live in a hidden directory), it falls back to hiding only the named
 * directories; where namespaces are not available at all (some containers forbid them) the agents run with a
 * clean environment only, and {@link Launcher#describe} says so in one warning for the batch.
 */
public final class AgentSandbox {

    /** Top-level directories the system needs and people do not keep files in; everything else is hidden. */
    private static final Set<String> SYSTEM = Set.of("bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32",
            "proc", "run", "sbin", "sys", "usr", "var");

    /** The agent's uid inside its inner user namespace: an ordinary user's. */
    static final int INNER_UID = 1000;
    /** Whom {@code grade} running as root drops its agents to. */
    static final int NOBODY = 65534;

    /**
     * Runs operations up to "--", then the command after it. {@code n} brings up loopback; {@code r} makes every
     * mount read-only (but this namespace's /proc); {@code o N DIR} opens DIR as descriptor N while it is still
     * visible; {@code h} and {@code t DIR} hide DIR under an empty tmpfs (t: a writable one, for temp
     * directories); {@code b N DIR} mounts descriptor N's directory back at DIR. The read-only pass skips mounts
     * already read-only, this namespace's /proc and /sys (kernel files a user without capabilities cannot write):
     * each remount is a process, and they were a third of what isolating an agent cost. Last, the working directory (the
     * agent's scratch, opened as descriptor 9 first thing) comes back writable, and the command runs as an
     * unprivileged user of a new user namespace in a clean environment. {@code mount} must not canonicalize
     * /proc/self/fd/N into a path, which would name the hidden directory instead.
     */
    private static final String SCRIPT = """
            here=$(pwd) && exec 9<. || exit 97
            while [ "$1" != -- ]; do
              case $1 in
                n) ip link set lo up || exit 97; shift ;;
                r) while read -r _ _ _ _ mp opts _; do
                     case ,$opts, in *,ro,*) continue ;; esac
                     case $mp in /proc|/proc/*|/sys|/sys/*) continue ;; *\\\\*) mp=$(printf '%%b' "$mp") ;; esac
                     mount -o remount,bind,ro "$mp" 2>/dev/null || [ ! -w "$mp" ] || exit 96
                   done < /proc/self/mountinfo
                   shift ;;
                o) eval "exec $2<\\"\\$3\\"" || exit 97; shift 3 ;;
                h) mount -t tmpfs -o ro,size=4k,mode=0555 netlab-hidden "$2" || exit 97; shift 2 ;;
                t) mount -t tmpfs -o size=64m,mode=1777 netlab-hidden "$2" || exit 97; shift 2 ;;
                b) mkdir -p "$3" && mount --no-canonicalize --bind "/proc/self/fd/$2" "$3" || exit 97
                   eval "exec $2<&-"; shift 3 ;;
                *) exit 98 ;;
              esac
            done
            shift
            mount -t tmpfs -o size=64m,mode=1777 netlab-shm /dev/shm || exit 97
            mkdir -p "$here" && mount --no-canonicalize --bind /proc/self/fd/9 "$here" \\
              && mount -o remount,bind,rw "$here" && cd "$here" || exit 97
            exec 9<&-
            exec unshare --user --map-user=%1$d --map-group=%1$d -- \\
              env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$here" %2$s="$%2$s" "$@"
            """.formatted(INNER_UID, AgentProtocol.TOKEN_ENV);
    /** Without namespaces: a clean environment all the same. */
    private static final List<String> CLEAN_ENVIRONMENT = List.of("/bin/sh", "-c",
            "exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=\"$(pwd)\" %1$s=\"$%1$s\" \"$@\""
                    .formatted(AgentProtocol.TOKEN_ENV), "netlab-env");
    private static final List<String> UNSHARE = List.of("unshare", "--user", "--map-root-user", "--mount", "--pid",
            "--ipc", "--fork", "--kill-child", "--mount-proc");
    /** Descriptors 3-8: the shell names one digit only, and 9 is the working directory. */
    private static final int MAX_BOUND_BACK = 6;

    private AgentSandbox() {
    }

    /**
     * What the agents run in: a launcher prefix for {@code EngineOptions.launcher}, the plan it carries out, and
     * what it lacks ({@code problem}, null when nothing).
     *
     * @param asUser the uid the agents run as outside their namespaces, or -1 for the grader's own
     * @param loopbackOnly whether each agent has a network namespace of its own
     */
    public record Launcher(List<String> command, Plan plan, String problem, boolean sandboxed, int asUser,
                           boolean loopbackOnly) {
        /** No sandbox, because of {@code problem}: a clean environment only. */
        public static Launcher none(String problem) {
            return new Launcher(CLEAN_ENVIRONMENT, Plan.NONE, problem, false, -1, false);
        }

        /** One line for {@code netlab grade}'s output; a warning when the agents are not isolated. */
        public String describe() {
            if (!sandboxed) {
                return "netlab grade: warning: agents run without a sandbox (" + problem + "): an answer can read "
                        + "the grader's files, write wherever this user can, and reach the host's network and other "
                        + "agents; see README, 'Grading without namespaces'";
            }
            return "agents run sandboxed" + (asUser >= 0 ? " as uid " + asUser : "")
                    + ", file system read-only, " + plan.hidden().size() + " directories hidden"
                    + (loopbackOnly ? ", loopback-only network" : "")
                    + (problem == null ? "" : "; warning: " + problem);
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
     * files, keeping every path in {@code keep} (the JDK, the agents' class path copy) visible and read-only;
     * {@code javaHome} is the agents' JDK, used to check the sandbox works, run in {@code trial}, a scratch
     * directory as an agent gets one; {@code home} is the user's home directory as the environment names it
     * ({@code $HOME}).
     */
    public static Launcher launcher(List<Path> hide, List<Path> keep, Path javaHome, Path trial, Path home) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> temporary = List.of(tmp, Path.of("/tmp"), Path.of("/var/tmp"));
        List<Path> everywhere = new ArrayList<>(hide);
        everywhere.addAll(userAreas(Path.of("/")));
        everywhere.addAll(temporary);
        everywhere.add(home);

        int asUser = agentUser();
        List<String> prefix = new ArrayList<>();
        if (asUser >= 0) {
            prefix.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        prefix.addAll(UNSHARE);
        boolean network = ipCommand();
        if (network) {
            prefix.add("--net");
        }
        String problem = run(command(prefix, false, Plan.NONE), List.of("true"), trial);
        if (problem != null) {
            return Launcher.none(problem);
        }
        String lacking = network ? null : "no 'ip' command to bring up loopback in a network namespace, so agents "
                + "share the host's network";
        List<String> version = List.of(javaHome.resolve("bin/java").toString(), "-version");
        Plan broad = plan(everywhere, keep, temporary, true);
        List<String> broadCommand = command(prefix, network, broad);
        String broadProblem = run(broadCommand, version, trial);
        if (broadProblem == null) {
            return new Launcher(broadCommand, broad, lacking, true, asUser, network);
        }
        Plan narrow = plan(hide, keep, temporary, false);
        List<String> narrowCommand = command(prefix, network, narrow);
        String narrowProblem = run(narrowCommand, version, trial);
        return narrowProblem == null
                ? new Launcher(narrowCommand, narrow, "only the grader's own directories are hidden, because " + broadProblem
                        + (lacking == null ? "" : "; " + lacking), true, asUser, network)
                : Launcher.none(broadProblem + "; " + narrowProblem);
    }

    /** The uid agents run as outside their namespaces: {@value #NOBODY} when grading runs as root, else -1 (the grader's). */
    public static int agentUser() {
        return isRoot() ? NOBODY : -1;
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean ipCommand() {
        return Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").map(Path::of).anyMatch(Files::isExecutable);
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

    /** The launcher: {@code prefix} (namespaces, dropped user), then the script carrying out {@code plan}. */
    static List<String> command(List<String> prefix, boolean loopback, Plan plan) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "netlab-sandbox"));
        command.addAll(steps(loopback, plan));
        return command;
    }

    /** The script's operations: loopback up, everything read-only, opens what comes back, then hides and mounts back outside in. */
    static List<String> steps(boolean loopback, Plan plan) {
        List<String> command = new ArrayList<>();
        if (loopback) {
            command.add("n");
        }
        command.add("r");
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
    private static String run(List<String> launcher, List<String> program, Path dir) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(program);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
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
