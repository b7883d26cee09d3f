package netlab.kernel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.kernel.grading.AgentClasspath;
import netlab.kernel.grading.AgentSandbox;
import netlab.kernel.grading.BatchGrader;
import netlab.kernel.grading.GradeReports;
import netlab.kernel.grading.GraderClasses;
import netlab.kernel.grading.GradingLimits;
import netlab.kernel.grading.NotebookGrade;
import netlab.kernel.grading.SourcePlan;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.notebook.MarkerException;
import netlab.kernel.notebook.Notebook;
import netlab.text.Text;

/**
 * {@code netlab grade SUBMISSIONS_DIR --source LESSON... --out DIR}: grades every student's notebooks against
 * the lesson sources, in parallel, each submission in a fresh agent that gets the grader jar's hidden cases'
 * probes, never their expected values, in a sandbox of its own ({@link AgentSandbox}).
 */
final class GradeCommand implements Command {

    private final UserDirectories dirs;

    GradeCommand(UserDirectories dirs) {
        this.dirs = dirs;
    }

    @Override
    public String name() {
        return "grade";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("reveal-hidden", "replace"),
                Set.of("source", "out", "jobs", "grader-jar", "timeout", "heap"));
        if (args.positionals().size() != 1) {
            throw new UsageException(Text.of("teacher.grade.one"));
        }
        Path submissions = Path.of(args.positionals().getFirst());
        if (!Files.isDirectory(submissions)) {
            throw new UsageException(Text.of("teacher.grade.noDirectory", submissions));
        }
        if (args.values("source").isEmpty()) {
            throw new UsageException(Text.of("teacher.grade.source"));
        }
        if (!args.has("out")) {
            throw new UsageException(Text.of("teacher.grade.out"));
        }
        int jobs = Runtime.getRuntime().availableProcessors();
        if (args.has("jobs")) {
            try {
                jobs = Integer.parseInt(args.value("jobs", ""));
            } catch (NumberFormatException e) {
                jobs = 0;
            }
            if (jobs < 1) {
                throw new UsageException(Text.of("teacher.grade.jobs", args.value("jobs", "")));
            }
        }
        // a size the agent JVM refuses would fail every agent's start, and each submission would get 0
        String heap = args.value("heap", GradingLimits.defaults().heap());
        if (!HEAP.matcher(heap).matches()) {
            throw new UsageException(Text.of("teacher.grade.heap", heap));
        }
        // sources are read before the sandbox is set up or --out is created: a typo leaves nothing behind
        List<Map.Entry<String, Notebook>> sources = new ArrayList<>();
        for (String s : args.values("source")) {
            if (!Files.isRegularFile(Path.of(s))) {
                throw new UsageException(Text.of("teacher.grade.noSource", s));
            }
            sources.add(Map.entry(s, RunCommand.readNotebook(Path.of(s), s)));
        }
        Path outDir = Path.of(args.value("out", ""));
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new UsageException(Text.of("teacher.grade.out.file", outDir));
        }
        boolean earlierComplete = Files.isRegularFile(outDir.resolve(GradeReports.GRADES_CSV))
                && !Files.exists(outDir.resolve(INCOMPLETE));
        if (earlierComplete && !args.has("replace")) {
            // grading into it would replace grades.csv while students absent now kept their files: one folder, two runs
            throw new UsageException(Text.of("teacher.grade.outUsed", outDir));
        }
        Path graderJar = args.has("grader-jar") ? Path.of(args.value("grader-jar", ""))
                : GraderJar.locate().orElseThrow(() -> new UsageException(Text.of("teacher.grade.graderJar", GraderJar.NAME)));
        GradingLimits defaults = GradingLimits.defaults();
        GradingLimits limits = new GradingLimits(
                args.has("timeout") ? RunCommand.timeout(args) : defaults.stepTimeout(),
                defaults.caseTimeout(), heap, defaults.outputLimit());

        int processes = AgentSandbox.DEFAULT_PROCESSES;
        String asked = dirs.env().get(PROCESSES_ENV);
        if (asked != null && !asked.isBlank()) {
            try {
                processes = Integer.parseInt(asked.strip());
            } catch (NumberFormatException e) {
                processes = 0;
            }
            if (processes < MIN_PROCESSES) {
                throw new UsageException(Text.of("teacher.grade.processes", PROCESSES_ENV, MIN_PROCESSES, asked));
            }
        }
        EngineOptions kernel = KernelCommand.engineOptions(List.of());
        try (GraderClasses classes = GraderClasses.load(kernel.studentClasspath(), graderJar);
             AgentClasspath agentCp = AgentClasspath.copyOf(kernel.agentClasspath(), AgentSandbox.agentUser())) {
            List<BatchGrader.Lesson> lessons = new ArrayList<>();
            for (Map.Entry<String, Notebook> source : sources) {
                String name = Path.of(source.getKey()).getFileName().toString();
                Notebook lesson = source.getValue();
                try {
                    lessons.add(new BatchGrader.Lesson(name, SourcePlan.of(lesson, name, classes),
                            BatchGrader.language(lesson)));
                } catch (MarkerException e) {
                    err.println("netlab grade: " + e.getMessage());
                    return 1;
                }
            }
            if (args.has("grader-jar")) {
                // a jar without hidden cases (a text file, another course's jar) loads without complaint and
                // would grade on the public cases alone: every student full marks
                for (BatchGrader.Lesson l : lessons) {
                    var ids = l.plan().exercises().keySet();
                    if (!ids.isEmpty() && ids.stream().allMatch(id -> classes.hiddenProbes(id).isEmpty())) {
                        throw new UsageException(Text.of("teacher.grade.noHiddenCases", graderJar, l.fileName()));
                    }
                }
            }
            // a stopped run (INCOMPLETE.txt) is graded again; its results, like those --replace names, go first
            GradeReports.removeWritten(outDir, INCOMPLETE);
            // the grader's jar is not on the agents' class path, nor in them: only hidden probes are (HiddenProbes)
            Files.createDirectories(outDir);
            List<Path> hide = new ArrayList<>(List.of(submissions, graderJar, outDir, Path.of("")));
            args.values("source").forEach(src -> hide.add(Path.of(src)));
            List<Path> keep = List.of(kernel.javaHome(), agentCp.classpathDirectory());
            AgentSandbox.Launcher sandbox = "off".equals(dirs.env().get(SANDBOX_ENV))
                    ? AgentSandbox.Launcher.none(SANDBOX_ENV + "=off")
                    : AgentSandbox.launcher(hide, keep, kernel.javaHome(), agentCp.newScratch(), dirs.home(),
                            processes);
            out.println(sandbox.describe());
            EngineOptions options = kernel.toBuilder().agentClasspath(agentCp.entries())
                    .jvmOptions(agentJvmOptions(kernel.jvmOptions())).launcher(sandbox.command()).unixSocket(true)
                    .build();
            long start = System.nanoTime();
            BatchGrader.Roster roster = BatchGrader.roster(submissions, outDir,
                    lessons.stream().map(BatchGrader.Lesson::fileName).toList());
            roster.skipped().forEach(s -> out.println(Text.of("teacher.grade.notGraded", s.path(), s.reason())));
            BatchGrader batch = new BatchGrader(lessons, classes, options, limits, jobs, agentCp);
            boolean reveal = args.has("reveal-hidden");
            // SIGTERM or Ctrl-C: what is graded is written, marked incomplete; agents end; temp files go
            Thread stopped = new Thread(() -> {
                List<NotebookGrade> done = batch.finished(roster.students());
                List<BatchGrader.Skipped> notGraded = new ArrayList<>(roster.skipped());
                roster.students().forEach(st -> lessons.forEach(l -> {
                    if (done.stream().noneMatch(g -> g.student().equals(st.name()) && g.notebook().equals(l.fileName()))) {
                        notGraded.add(new BatchGrader.Skipped(st.dir().getFileName() + "/" + l.fileName(),
                                Text.of("teacher.grade.stoppedBefore")));
                    }
                }));
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                try {
                    GradeReports.write(outDir, done, notGraded, reveal);
                    writeIncomplete(outDir, done.size(), roster.students().size() * lessons.size());
                    err.println("netlab grade: " + Text.of("teacher.grade.stopped", done.size(), outDir, INCOMPLETE));
                } catch (IOException e) {
                    err.println("netlab grade: " + Text.of("teacher.grade.stoppedUnwritten", e.getMessage()));
                }
                agentCp.close();
            }, "netlab-grade-stopped");
            Runtime.getRuntime().addShutdownHook(stopped);
            List<NotebookGrade> grades;
            try {
                grades = batch.grade(roster.students(), out);
            } finally {
                GradingJvm.removeShutdownHook(stopped);
            }
            Files.deleteIfExists(outDir.resolve(INCOMPLETE));
            GradeReports.write(outDir, grades, roster.skipped(), reveal);
            if (batch.noAgentStarted()) {
                // zeros the students did not earn: said once, and the exit status tells a script the batch failed
                err.println("netlab grade: " + Text.of("teacher.grade.agentsDidNotStart", heap, SANDBOX_ENV));
                return 1;
            }
            out.println(Text.of("teacher.grade.done", grades.size(), String.format("%.1f", (System.nanoTime() - start) / 1e9),
                    jobs, outDir.resolve(GradeReports.GRADES_CSV)));
        }
        return 0;
    }

    /** A size as -Xmx takes it: bytes, or k, m, g, t of them. */
    static final java.util.regex.Pattern HEAP = java.util.regex.Pattern.compile("[1-9][0-9]*[kKmMgGtT]?");

    /** Marks {@code outDir} incomplete: {@code done} of {@code total} submissions graded, in the run's language. */
    static void writeIncomplete(Path outDir, int done, int total) throws IOException {
        Files.writeString(outDir.resolve(INCOMPLETE), Text.of("teacher.grade.incomplete", done, total) + "\n");
    }

    /** The file in the results directory that says they are incomplete: grading was stopped. */
    static final String INCOMPLETE = "INCOMPLETE.txt";

    /** {@code off} runs agents without {@link AgentSandbox} (for a machine where it misbehaves). */
    static final String SANDBOX_ENV = "NETLAB_GRADE_SANDBOX";

    /**
     * How many processes and threads each agent may have ({@link AgentSandbox#DEFAULT_PROCESSES}): for lessons
     * whose answers start more platform threads, and for tests that bound a fork loop without waiting for 4096
     * forks (about 11 ms each on this 2-core machine).
     */
    static final String PROCESSES_ENV = "NETLAB_GRADE_PROCESSES";
    /** Fewer and the agent JVM could not start its own threads (about 20). */
    static final int MIN_PROCESSES = 64;

    /**
     * The modules a grading agent has: JShell's agent side and what answers use (HTTP, XML, SQL types, images,
     * the locale data of zh), but not {@code java.management}, {@code jdk.management}, {@code jdk.jfr} or
     * {@code java.instrument}: no management bean to dump the heap or read the command line, no flight
     * recording, no instrumentation. {@code jdk.attach} comes with {@code jdk.jshell}; attaching is switched off.
     */
    static final String AGENT_MODULES = "jdk.jshell,java.net.http,jdk.httpserver,java.desktop,java.sql,java.naming,"
            + "jdk.charsets,jdk.localedata,jdk.net,jdk.zipfs";

    /**
     * The grading agents' JVM options. C1 only: graded agents live for a second or two, and C1 alone spends
     * less CPU compiling than tiered C2 would. The modules of {@link #AGENT_MODULES}; no attaching (no jcmd, no
     * agent loaded from another process), no memory access through {@code sun.misc.Unsafe} and no native code.
     * The agent holds no expected value to find; these take away the means of looking all the same.
     */
    static List<String> agentJvmOptions(List<String> base) {
        List<String> jvm = new ArrayList<>(base);
        jvm.add("--limit-modules");
        jvm.add(AGENT_MODULES);
        jvm.add("-XX:TieredStopAtLevel=1");
        jvm.add("-XX:+DisableAttachMechanism");
        jvm.add("--sun-misc-unsafe-memory-access=deny");
        jvm.add("--illegal-native-access=deny");
        return jvm;
    }
}
