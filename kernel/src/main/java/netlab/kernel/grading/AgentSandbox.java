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
import netlab.text.Text;

/**
 * Runs each grading agent where it can harm nothing but its own scratch directory. Student code reads every
 * byte it can reach and writes every file it can, so each agent starts in its own user, mount, PID, IPC and
 * network namespace ({@code unshare}, no privileges needed):
 * <ul>
 *   <li><b>no privileges</b>: when {@code grade} runs as root, the agent is first dropped to {@code nobody}
 *       ({@code setpriv}); inside, after the mounts are made, it runs as uid {@value #INNER_UID} of a second user
 *       namespace, with no capability over the mounts that hide the grader's files;</li>
 *   <li><b>read-only file system</b> but for its working directory, a private {@code /tmp} and a private
 *       {@code /dev/shm} (tmpfs of 64 MiB each, gone with the agent), and a {@code /dev} of its own with null,
 *       zero, full, random and urandom only;</li>
 *   <li><b>limits</b>: no file over 32 MiB, at most {@value #DEFAULT_PROCESSES} processes and threads (by
 *       default);</li>
 *   <li><b>hidden files</b>: every top-level directory that is not the system's ({@code /usr}, {@code /etc},
 *       {@code /proc} ...), {@code /run} and {@code /var} with the host's UNIX sockets, the temp directory, the
 *       home directory and the directories it is told of (the submissions, the grader's jar, the results) lie
 *       under empty tmpfs mounts; what the agent
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
 * directories and /run and /var, then to only the named directories and the host's /dev; where namespaces are
 * not available at all (some containers forbid them) the agents run with a clean environment only, and
 * {@link Launcher#describe} says so in one warning for the batch.
 */
public final class AgentSandbox {

    /**
     * Top-level directories the system needs and people do not keep files in; everything else is hidden. Not /run
     * nor /var: the JDK needs nothing there, and they hold the host's UNIX domain sockets, which a read-only mount
     * does not stop connect() on and a network namespace does not cover (an answer reached a 0666 socket in /run;
     * a teacher's /run/user/UID/bus starts processes, a rootless docker.sock starts containers).
     */
    private static final Set<String> SYSTEM = Set.of("bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32",
            "proc", "sbin", "sys", "usr");
    /** Where the host keeps its sockets: hidden even when the broad plan fails (the JDK needs nothing there). */
    private static final List<Path> SOCKET_AREAS = List.of(Path.of("/run"), Path.of("/var"));

    /** The agent's uid inside its inner user namespace: an ordinary user's. */
    static final int INNER_UID = 1000;
    /** Whom {@code grade} running as root drops its agents to. */
    static final int NOBODY = 65534;

    /** Each agent's /tmp and /dev/shm: tmpfs, memory, gone with the agent. */
    static final String TEMP_SIZE = "64m";
    /** Each agent's working directory: a tmpfs too, so an answer cannot fill the host's disk (it wrote 1 GB there). */
    static final String SCRATCH_SIZE = "64m";
    /**
     * The largest file an agent may write (RLIMIT_FSIZE): a write beyond it fails with "File too large" at once
     * (the JVM ignores SIGXFSZ) rather than "No space left on device" once a tmpfs is full, and it bounds each file
     * where no tmpfs does: without the sandbox, the scratch directory is on the host's disk.
     */
    static final long FILE_SIZE = 32L << 20;
    /**
     * Processes and threads one agent may have (RLIMIT_NPROC in a user namespace of its own, see {@link
     * #perAgentProcessLimit}): an agent JVM has about 20 threads, a cell may have 2000 platform threads live
     * ({@code netlab.threadCap}), and at 1024 the teacher's own chapter 4 failed its thread-per-connection check
     * ("unable to create native thread") and every check after it; a fork loop from one answer started 200
     * {@code sleep}s and would have gone on to the user's limit (96k here), shared with the teacher's own
     * processes. {@code NETLAB_GRADE_PROCESSES} changes it.
     */
    public static final int DEFAULT_PROCESSES = 4096;

    /**
     * Runs operations up to "--", then the command after it. {@code n} brings up loopback; {@code r} makes every
     * mount read-only (but this namespace's /proc); {@code d} puts a /dev of its own in place of the host's;
     * {@code o N DIR} opens DIR as descriptor N while it is still visible; {@code h}, {@code H} and {@code t DIR}
     * hide DIR under an empty tmpfs (t: a writable one, for temp directories; H: one something comes back into);
     * {@code b N DIR} mounts descriptor N's directory back at DIR; {@code f DIR} makes the tmpfs of an {@code H} at
     * DIR read-only once what comes back inside it is there (the mount point's mkdir in a tmpfs mounted read-only
     * failed, "Read-only file system", so a JDK under a hidden /opt or home directory could not come back and such
     * a grader fell back to hiding only the named directories);
     * {@code p OPTION} adds a {@code prlimit} option for the command. The read-only pass skips mounts already
     * read-only, this namespace's /proc and /sys (kernel files a user without capabilities cannot write): each
     * remount is a process, and they were a third of what isolating an agent cost.
     *
     * <p>{@code d}: a tmpfs holding null, zero, full, random and urandom, bind-mounted from the host's (mknod is refused
     * in a user namespace), /dev/fd and the std* links, and /dev/shm to mount on: the
     * host's /dev held /dev/log, a socket, and /dev/tty, the teacher's terminal when grading runs in one. {@code java
     * -version} under strace opened nothing in /dev, /run or /var but /var/run/nscd/socket (glibc asking nscd for
     * a user name, which falls back to /etc/passwd when the socket is not there).
     *
     * <p>Last, the working directory becomes a tmpfs of {@value #SCRATCH_SIZE} (the agent's scratch was the host's
     * disk, where an answer wrote 1 GB); the sockets the grading JVM bound in the host directory (the agent's
     * {@code agent.sock}, see {@code EngineOptions.unixSocket}) are mounted into it, opened through descriptor 9
     * (the host directory, opened first thing). The command runs under the {@code p} limits as an unprivileged user
     * of a new user namespace in a clean environment: created after {@code prlimit}, that namespace counts the
     * processes of its own user against the limit, one agent's (Linux 5.14 and later, see {@link
     * #perAgentProcessLimit}). {@code mount} must not canonicalize /proc/self/fd/N into a path, which would name the
     * hidden directory instead.
     */
    private static final String SCRIPT = """
            here=$(pwd) && exec 9<. || exit 97
            limits=
            while [ "$1" != -- ]; do
              case $1 in
                n) ip link set lo up || exit 97; shift ;;
                r) while read -r _ _ _ _ mp opts _; do
                     case ,$opts, in *,ro,*) continue ;; esac
                     case $mp in /proc|/proc/*|/sys|/sys/*) continue ;; *\\\\*) mp=$(printf '%%b' "$mp") ;; esac
                     mount -o remount,bind,ro "$mp" 2>/dev/null || [ ! -w "$mp" ] || exit 96
                   done < /proc/self/mountinfo
                   shift ;;
                d) exec 8</dev && mount -t tmpfs -o size=16k,mode=0755 netlab-dev /dev || exit 97
                   for x in null zero full random urandom; do
                     : > "/dev/$x" && mount --no-canonicalize --bind "/proc/self/fd/8/$x" "/dev/$x" || exit 97
                   done
                   mkdir /dev/shm && ln -s /proc/self/fd /dev/fd && ln -s fd/0 /dev/stdin && ln -s fd/1 /dev/stdout \\
                     && ln -s fd/2 /dev/stderr && mount -o remount,bind,ro /dev || exit 97
                   exec 8<&-; shift ;;
                o) eval "exec $2<\\"\\$3\\"" || exit 97; shift 3 ;;
                h) mount -t tmpfs -o ro,size=4k,mode=0555 netlab-hidden "$2" || exit 97; shift 2 ;;
                H) mount -t tmpfs -o size=4k,mode=0555 netlab-hidden "$2" || exit 97; shift 2 ;;
                t) mount -t tmpfs -o size=%3$s,mode=1777 netlab-hidden "$2" || exit 97; shift 2 ;;
                b) mkdir -p "$3" && mount --no-canonicalize --bind "/proc/self/fd/$2" "$3" || exit 97
                   eval "exec $2<&-"; shift 3 ;;
                f) mount -o remount,bind,ro "$2" || exit 97; shift 2 ;;
                p) limits="$limits $2"; shift 2 ;;
                *) exit 98 ;;
              esac
            done
            shift
            mount -t tmpfs -o size=%3$s,mode=1777 netlab-shm /dev/shm || exit 97
            mkdir -p "$here" && mount -t tmpfs -o size=%4$s,mode=0755 netlab-scratch "$here" && cd "$here" || exit 97
            for s in /proc/self/fd/9/*; do
              [ -S "$s" ] || continue
              : > "${s##*/}" && mount --no-canonicalize --bind "$s" "${s##*/}" || exit 97
            done
            exec 9<&-
            exec ${limits:+prlimit $limits} unshare --user --map-user=%1$d --map-group=%1$d -- \\
              env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$here" %2$s="$%2$s" "$@"
            """.formatted(INNER_UID, AgentProtocol.TOKEN_ENV, TEMP_SIZE, SCRATCH_SIZE);
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
     * @param processes how many processes and threads each agent may have, or 0 for no limit of its own
     */
    public record Launcher(List<String> command, Plan plan, String problem, boolean sandboxed, int asUser,
                           boolean loopbackOnly, int processes) {
        /**
         * No sandbox, because of {@code problem}: a clean environment and the file size limit only (no process
         * limit: without a user namespace of its own it would count every process of this user, the teacher's
         * desktop and the grading JVM's threads with them).
         */
        public static Launcher none(String problem) {
            List<String> command = new ArrayList<>();
            if (prlimitCommand()) {
                command.addAll(List.of("prlimit", "--fsize=" + FILE_SIZE));
            }
            command.addAll(List.of("/bin/sh", "-c", "exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=\"$(pwd)\" "
                    + "%1$s=\"$%1$s\" \"$@\"".formatted(AgentProtocol.TOKEN_ENV), "netlab-env"));
            return new Launcher(command, Plan.NONE, problem, false, -1, false, 0);
        }

        /**
         * One line for {@code netlab grade}'s output; a warning when the agents are not isolated. Worded from the
         * catalogue in the teacher's language, as every other line of {@code grade} ({@code problem} was worded
         * so when the launcher was made).
         */
        public String describe() {
            if (!sandboxed) {
                return "netlab grade: " + Text.of("teacher.sandbox.none", problem);
            }
            List<String> parts = new ArrayList<>();
            parts.add(asUser >= 0 ? Text.of("teacher.sandbox.on.as-user", asUser) : Text.of("teacher.sandbox.on"));
            parts.add(Text.of("teacher.sandbox.read-only"));
            parts.add(Text.of("teacher.sandbox.hidden", plan.hidden().size()));
            if (loopbackOnly) {
                parts.add(Text.of("teacher.sandbox.loopback"));
            }
            if (processes > 0) {
                parts.add(Text.of("teacher.sandbox.processes", processes));
            }
            String line = String.join(Text.of("teacher.sandbox.and"), parts);
            return problem == null ? line : Text.of("teacher.sandbox.warning", line, problem);
        }
    }

    /**
     * Which directories the agents do not see, and which directories inside those they see again.
     * {@code temporary} lists the hidden ones that get a writable tmpfs; {@code ownDevices}, whether the agents get
     * a /dev of their own (null, zero, full, random, urandom) instead of the host's.
     */
    public record Plan(List<Path> hidden, List<Path> temporary, List<Path> boundBack, boolean ownDevices) {
        /** Nothing hidden. */
        static final Plan NONE = new Plan(List.of(), List.of(), List.of(), false);

        Plan withHostDevices() {
            return new Plan(hidden, temporary, boundBack, false);
        }
    }

    /**
     * A launcher hiding {@code hide} (directories; files stand for their directory) and every place people keep
     * files, keeping every path in {@code keep} (the JDK, the agents' class path copy) visible and read-only;
     * {@code javaHome} is the agents' JDK, used to check the sandbox works, run in {@code trial}, a scratch
     * directory as an agent gets one; {@code home} is the user's home directory as the environment names it
     * ({@code $HOME}); {@code processes}, how many processes and threads each agent may have.
     *
     * <p>Each plan is tried in turn with {@code java -version}, the first that works is taken, and what it lacks
     * is said: everything hidden; else only the named directories and the host's socket areas (/run, /var);
     * else only the named directories, with the host's /dev (a /dev of its own failed).
     */
    public static Launcher launcher(List<Path> hide, List<Path> keep, Path javaHome, Path trial, Path home,
                                    int processes) {
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
        String problem = run(command(prefix, false, Plan.NONE, List.of()), List.of("true"), trial);
        if (problem != null) {
            return Launcher.none(problem);
        }
        List<String> lacking = new ArrayList<>();
        if (!network) {
            lacking.add(Text.of("teacher.sandbox.no-ip"));
        }
        List<String> limits = new ArrayList<>();
        int perAgent = 0;
        if (!prlimitCommand()) {
            lacking.add(Text.of("teacher.sandbox.no-prlimit"));
        } else {
            limits.add("--fsize=" + FILE_SIZE);
            if (perAgentProcessLimit(System.getProperty("os.version"))) {
                limits.add("--nproc=" + processes);
                perAgent = processes;
            } else {
                lacking.add(Text.of("teacher.sandbox.old-linux"));
            }
        }
        List<String> version = List.of(javaHome.resolve("bin/java").toString(), "-version");
        List<Plan> plans = List.of(plan(everywhere, keep, temporary, true),
                plan(concat(hide, SOCKET_AREAS), keep, temporary, false),
                plan(hide, keep, temporary, false).withHostDevices());
        List<String> becauses = List.of("", "teacher.sandbox.fallback.sockets", "teacher.sandbox.fallback.devices");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            List<String> command = command(prefix, network, plans.get(i), limits);
            String failed = run(command, version, trial);
            if (failed == null) {
                List<String> said = new ArrayList<>();
                if (i > 0) {
                    said.add(Text.of(becauses.get(i), String.join(Text.of("teacher.sandbox.also"), failures)));
                }
                said.addAll(lacking);
                return new Launcher(command, plans.get(i), said.isEmpty() ? null
                        : String.join(Text.of("teacher.sandbox.also"), said), true, asUser, network, perAgent);
            }
            failures.add(failed);
        }
        return Launcher.none(String.join(Text.of("teacher.sandbox.also"), failures.stream().distinct().toList()));
    }

    /**
     * Whether RLIMIT_NPROC set before a user namespace is made counts the processes of that namespace's users only:
     * since Linux 5.14 ({@code is_rlimit_overlimit} over ucounts) it does, up the chain of namespaces, each against
     * the limit in force when the namespace was made; before, it counted every process of the user on the host
     * (the teacher's desktop, the grading JVM's threads, every other agent). Measured here (6.18): two agents with
     * a limit of 50 each started 45 {@code sleep}s each at the same time; one starting 200 stopped at the limit
     * ("Cannot fork"). Processes of host root are never limited, but agents never run as root.
     */
    static boolean perAgentProcessLimit(String osVersion) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(osVersion == null ? "" : osVersion);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major > 5 || major == 5 && Integer.parseInt(m.group(2)) >= 14;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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

    private static boolean prlimitCommand() {
        return Stream.of("/usr/bin/prlimit", "/bin/prlimit").map(Path::of).anyMatch(Files::isExecutable);
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
        return new Plan(hidden, temp, back, true);
    }

    /**
     * The launcher: {@code prefix} (namespaces, dropped user), then the script carrying out {@code plan}, its
     * command under the {@code prlimit} options {@code limits}.
     */
    static List<String> command(List<String> prefix, boolean loopback, Plan plan, List<String> limits) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "netlab-sandbox"));
        command.addAll(steps(loopback, plan, limits));
        return command;
    }

    /**
     * The script's operations: loopback up, everything read-only, a /dev of its own, the limits, opens what comes
     * back, then hides and mounts back outside in, and last makes read-only the hidden directories something came
     * back into.
     */
    static List<String> steps(boolean loopback, Plan plan, List<String> limits) {
        List<String> command = new ArrayList<>();
        if (loopback) {
            command.add("n");
        }
        command.add("r");
        if (plan.ownDevices()) {
            command.add("d");
        }
        limits.forEach(l -> command.addAll(List.of("p", l)));
        for (int i = 0; i < plan.boundBack().size(); i++) {
            command.addAll(List.of("o", Integer.toString(3 + i), plan.boundBack().get(i).toString()));
        }
        record Step(Path at, List<String> args) {
        }
        List<Step> steps = new ArrayList<>();
        List<Path> holding = new ArrayList<>();
        for (Path h : plan.hidden()) {
            boolean temporary = plan.temporary().contains(h);
            boolean holds = plan.boundBack().stream().anyMatch(b -> b.startsWith(h));
            if (holds && !temporary) {
                holding.add(h);
            }
            steps.add(new Step(h, List.of(temporary ? "t" : holds ? "H" : "h", h.toString())));
        }
        for (int i = 0; i < plan.boundBack().size(); i++) {
            Path b = plan.boundBack().get(i);
            steps.add(new Step(b, List.of("b", Integer.toString(3 + i), b.toString())));
        }
        // outside in: a hidden directory before what comes back inside it, and that before anything hidden in it
        steps.sort(Comparator.comparingInt(s -> s.at().getNameCount()));
        steps.forEach(s -> command.addAll(s.args()));
        holding.forEach(h -> command.addAll(List.of("f", h.toString())));
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
                return Text.of("teacher.sandbox.slow", String.join(" ", program));
            }
            String output = new String(p.getInputStream().readAllBytes()).strip();
            return p.exitValue() == 0 ? null : Text.of("teacher.sandbox.failed", output.isEmpty()
                    ? Text.of("teacher.sandbox.exit", p.exitValue()) : output.lines().findFirst().orElse(""));
        } catch (IOException e) {
            return Text.of("teacher.sandbox.no-unshare", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Text.of("teacher.sandbox.interrupted");
        }
    }
}
