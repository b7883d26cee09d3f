package netlab.kernel.jshell;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import netlab.text.Lang;

/**
 * How {@link JShellEngine} starts its agent JVM and prepares each fresh JShell.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.defaults().toBuilder()
 *         .heap("256m")
 *         .startup(List.of("import netlab.display.*;"))
 *         .build();
 * }</pre>
 *
 * @param javaHome         the JDK whose {@code bin/java} runs the agent (default: the kernel's own)
 * @param heap             the agent's {@code -Xmx} value, e.g. {@code "512m"}
 * @param jvmOptions       further agent JVM options, appended after netlab's own
 * @param agentClasspath   what the agent JVM loads: netlab's agent classes and the lessons
 * @param studentClasspath what student code compiles against (the lessons only, not the kernel's libraries)
 * @param startup          snippets evaluated at start and after every restart (imports, helpers)
 * @param interruptGrace   how long a cell may take to stop after an interrupt before its agent is killed
 * @param agentStartTimeout how long to wait for a fresh agent to connect
 * @param workingDirectory the agent's working directory, or null for the kernel's own (the grader gives
 *                         each submission an empty one, so relative paths find no files beside the notebook)
 * @param warmStart        whether the start runs a throwaway value the way a student's first cell runs (the
 *                         Jupyter kernel does, and answers kernel_info after it; headless runs and the grader
 *                         send their first cell at once, which would only wait for it)
 * @param launcher         a command the agent's {@code java} command line is appended to, or empty (the
 *                         grader runs agents in a sandbox that hides its files, see
 *                         {@code netlab.kernel.grading.AgentSandbox})
 * @param language         the language the student reads at start (the notebook's): the agent starts with
 *                         {@code -Dnetlab.lang}, and the kernel words compile errors and its own messages in it
 *                         until {@code %lang} changes it
 * @param unixSocket       whether the agent connects through a Unix domain socket in its working directory
 *                         instead of loopback TCP: the grader's agents live in network namespaces of their
 *                         own, with no route to the kernel's loopback
 * @param outputLimit      how many bytes of output one cell may write at start (until {@code %output_limit})
 * @param cellTimeout      how long one cell may run at start (until {@code %timeout}), or null for ever
 * @param compileLimit     how long javac may go on compiling a cell before the cell is stopped, whatever its
 *                         timeout: no cell of the course compiles for more than a second, and code that keeps
 *                         javac busy for minutes (see {@code CompileStop}) would hold a core of a shared server
 *                         until its student noticed; null for none, when every cell the caller runs has a
 *                         time limit of its own (the grader's steps), which stops a compile as well
 */
public record EngineOptions(Path javaHome, String heap, List<String> jvmOptions, List<Path> agentClasspath,
                            List<Path> studentClasspath, List<String> startup, Duration interruptGrace,
                            Duration agentStartTimeout, Path workingDirectory, boolean warmStart,
                            List<String> launcher, Lang language, boolean unixSocket, long outputLimit,
                            Duration cellTimeout, Duration compileLimit) {

    /**
     * Opened to student code, for both JShell's compiler and the agent JVM: {@code jdk.internal.vm}, so a cell
     * can use {@code Continuation} and {@code ContinuationScope} — the one-shot delimited continuation under
     * every virtual thread, which chapter 4 uses to write a generator with {@code yield} (a coroutine) before it
     * turns to virtual threads. On by default rather than behind a magic: a cell that imports it would
     * otherwise fail to compile with "package jdk.internal.vm is not visible", a sentence a student cannot act
     * on, and it opens nothing a student could use against the agent that {@code Thread} does not already
     * offer. No preview features are enabled.
     */
    public static final List<String> JDK_EXPORTS = List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED");

    /**
     * What {@link #defaults()} gives {@link #compileLimit}: a minute, where javac takes under a second for any cell
     * of the course.
     */
    public static final Duration DEFAULT_COMPILE_LIMIT = Duration.ofSeconds(60);

    public EngineOptions {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(heap, "heap");
        jvmOptions = List.copyOf(jvmOptions);
        agentClasspath = List.copyOf(agentClasspath);
        studentClasspath = List.copyOf(studentClasspath);
        startup = List.copyOf(startup);
        launcher = List.copyOf(launcher);
        Objects.requireNonNull(interruptGrace, "interruptGrace");
        Objects.requireNonNull(agentStartTimeout, "agentStartTimeout");
        Objects.requireNonNull(language, "language");
    }

    /**
     * The kernel's own JDK, a 512 MiB heap, no startup snippets, and class paths found from where the
     * agent classes and the lessons were loaded (the jars {@code netlab.jar} and {@code netlab-lessons.jar},
     * or {@code target/classes} directories in a build), in this JVM's language ({@link Lang#current()}).
     */
    public static EngineOptions defaults() {
        Path agent = netlab.kernel.course.CourseLibrary.codeSource(netlab.agent.AgentMain.class);
        Path lessons = netlab.kernel.course.CourseLibrary.location();
        List<Path> agentCp = agent.equals(lessons) ? List.of(agent) : List.of(agent, lessons);
        return new EngineOptions(Path.of(System.getProperty("java.home")), "512m", List.of(), agentCp,
                List.of(lessons), List.of(), Duration.ofSeconds(2), Duration.ofSeconds(30), null, true, List.of(),
                Lang.current(), false, CellLimits.DEFAULT_OUTPUT_LIMIT, null, DEFAULT_COMPILE_LIMIT);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    String agentClasspathString() {
        return join(agentClasspath);
    }

    String studentClasspathString() {
        return join(studentClasspath);
    }

    private static String join(List<Path> paths) {
        List<String> parts = new ArrayList<>();
        for (Path p : paths) {
            parts.add(p.toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    /** Changes some options, keeping the others. */
    public static final class Builder {
        private Path javaHome;
        private String heap;
        private List<String> jvmOptions;
        private List<Path> agentClasspath;
        private List<Path> studentClasspath;
        private List<String> startup;
        private Duration interruptGrace;
        private Duration agentStartTimeout;
        private Path workingDirectory;
        private boolean warmStart;
        private List<String> launcher;
        private Lang language;
        private boolean unixSocket;
        private long outputLimit;
        private Duration cellTimeout;
        private Duration compileLimit;

        private Builder(EngineOptions o) {
            javaHome = o.javaHome;
            heap = o.heap;
            jvmOptions = o.jvmOptions;
            agentClasspath = o.agentClasspath;
            studentClasspath = o.studentClasspath;
            startup = o.startup;
            interruptGrace = o.interruptGrace;
            agentStartTimeout = o.agentStartTimeout;
            workingDirectory = o.workingDirectory;
            warmStart = o.warmStart;
            launcher = o.launcher;
            language = o.language;
            unixSocket = o.unixSocket;
            outputLimit = o.outputLimit;
            cellTimeout = o.cellTimeout;
            compileLimit = o.compileLimit;
        }

        public Builder javaHome(Path v) { javaHome = v; return this; }
        public Builder heap(String v) { heap = v; return this; }
        /** Sets (replaces) the extra agent JVM options. */
        public Builder jvmOptions(List<String> v) { jvmOptions = v; return this; }
        public Builder agentClasspath(List<Path> v) { agentClasspath = v; return this; }
        public Builder studentClasspath(List<Path> v) { studentClasspath = v; return this; }
        /** Sets (replaces) the startup snippets. */
        public Builder startup(List<String> v) { startup = v; return this; }
        public Builder interruptGrace(Duration v) { interruptGrace = v; return this; }
        public Builder agentStartTimeout(Duration v) { agentStartTimeout = v; return this; }
        /** Sets the agent's working directory (null: the kernel's). */
        public Builder workingDirectory(Path v) { workingDirectory = v; return this; }
        public Builder warmStart(boolean v) { warmStart = v; return this; }
        /** Sets the command the agent's command line is appended to (empty: none). */
        public Builder launcher(List<String> v) { launcher = v; return this; }
        /** Sets the language the student reads at start. */
        public Builder language(Lang v) { language = v; return this; }

        /** Connects the agent through a Unix domain socket in its working directory (which must be set). */
        public Builder unixSocket(boolean v) { unixSocket = v; return this; }

        /** Sets the compile limit (null: none). */
        public Builder compileLimit(Duration v) { compileLimit = v; return this; }

        /**
         * The cells' limits at start from {@code env} ({@code NETLAB_OUTPUT_LIMIT} such as {@code 20MB},
         * {@code NETLAB_CELL_TIMEOUT} in seconds); a malformed value is logged and ignored. {@code env} is what
         * the composition root read once.
         */
        public Builder cellLimitsFrom(java.util.Map<String, String> env) {
            CellLimits limits = CellLimits.fromEnvironment(env);
            outputLimit = limits.outputLimit();
            cellTimeout = limits.timeout();
            return this;
        }

        public EngineOptions build() {
            return new EngineOptions(javaHome, heap, jvmOptions, agentClasspath, studentClasspath, startup,
                    interruptGrace, agentStartTimeout, workingDirectory, warmStart, launcher, language, unixSocket,
                    outputLimit, cellTimeout, compileLimit);
        }
    }
}
