package netlab.kernel.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;
import netlab.kernel.protocol.Rehearsal;

/**
 * The kernel JVM's ahead-of-time cache (JDK 25's AOT cache, JEP 483/514/515), made by {@code netlab install} in
 * the kernelspec directory: a short training run of the installed kernel ({@code netlab kernel --train}) with
 * {@code -XX:AOTCacheOutput}, then kernel.json starts the kernel with {@code -XX:AOTCache}. javac's and
 * JShell's classes are then mapped from the cache already loaded and linked, instead of being read from the JDK's
 * modules file and parsed into metaspace; the agent's cache also holds the training run's method profiles, the
 * kernel's not ({@link #NO_PROFILES}).
 * <p>
 * Measured ({@code netlab kernel --train}, the same session as the training run, with the kernel's options,
 * twice each, alternating, machine load 20-27): no archive 2.6-2.8 s CPU, 11.9-14.4 s wall, max RSS 129-131 MB;
 * the AppCDS archive this replaces ({@code -XX:ArchiveClassesAtExit}) 2.2-2.4 s CPU, 12.1-14.5 s wall,
 * 115 MB; the AOT cache 2.0-2.2 s CPU, 7.7-7.8 s wall, 115-117 MB. The cache is 32 MB on disk (the archive 15
 * MB) and the training run takes a few seconds more. A cache that no longer matches (another JDK, changed
 * jars) is ignored by the JVM with a warning, and the kernel starts without it.
 * <p>
 * The agent JVM gets a cache of its own, {@value #AGENT_FILE_NAME}, from the same training session (see
 * {@link #createAgentCache}): kernel.json passes it as {@code --agent-option=-XX:AOTCache=...}, so every agent
 * the kernel starts, restarts included, maps its classes (the agent's, JShell's execution side, the lessons the
 * training cells use) already loaded and linked. The training goes through the protocol layer ({@link Rehearsal}),
 * so the kernel's cache holds the transport, Gson and the codec as well (39 MB on disk; the agent's 17 MB).
 * <p>
 * Measured with both caches and the session start of {@code Sessions} against main's build (kernel_info, then
 * {@code 1 + 1}, through jupyter_client, starts alternating, medians): at load 14-17, 8 starts each, launch to
 * the first result 4.3 s against 5.7 s, CPU of kernel + agent 1.23 + 0.27 s against 1.51 + 0.49 s; at load
 * ~7.5, 6 starts each, 1.69 s against 1.92 s, CPU 1.59 s against 2.06 s.
 */
final class ClassArchive {

    static final String FILE_NAME = "netlab-kernel.aot";
    /** The agent JVM's cache, beside the kernel's; kernel.json hands it to the agent as an agent option. */
    static final String AGENT_FILE_NAME = "netlab-agent.aot";

    /**
     * The kernel's cache is made without the training run's method profiles and compilations (JEP 515): with them,
     * the kernel's C1 compiles at start what the training found hot, on the cores the start is short of. The
     * agent's keeps them: its C2 uses them for code a cell runs once (a check's cases, the weaving). Measured
     * (kernel_info and the first {@code 1 + 1} through jupyter_client, 14 starts each, alternating, two runs):
     * kernel_info 684 against 736 ms and 763 against 839 ms, the kernel's CPU up to kernel_info 860 against 980
     * ms and 980 against 1,110 ms. Without the agent's profiles as well, the ten chapter-1 cells
     * {@code classroom-bench} sends, one after another 3 s after kernel_info, took 861-967 ms against 791-862 ms
     * with them (6-10 kernels each, alternating, five runs; the check's cell 283 against 238 ms in one). The kernel's
     * profiles with a longer training (200 more cells, {@code 1 + 1} and {@code int x = i;}, so that javac's hot
     * methods are recorded compiled), {@code bench/kernel-bench --compare} against the build without: {@code 1 + 1}
     * in cells 1-200 1.25x of ipykernel against 1.55x (CPU per cell the same, 14.3 against 14.4 ms: javac's methods
     * are compiled at their first calls, the start's included), but kernel_info 1.15x against 0.90x and the first
     * cell 3.01x against 2.37x, RSS idle 137.0 against 131.9 MB: the start is kept. Again once the start's imports
     * were installed without javac ({@code PreloadedImports}), with this training (kernels of each kind in turns, 8
     * starts and 3 sessions each): kernel_info 544 against 472 ms, the first cell 39.2 against 24.8 ms, cells 1-200
     * 10.04 against 10.67 ms.
     */
    static final String NO_PROFILES = "-XX:-AOTRecordTraining";

    private static final long TRAINING_TIMEOUT_SECONDS = 180;
    private static final long AGENT_CACHE_TIMEOUT_SECONDS = 120;

    private ClassArchive() {
    }

    /** The kernel.json option that uses {@code archive}; for the agent's cache, the agent option. */
    static String useOption(Path archive) {
        return "-XX:AOTCache=" + archive;
    }

    /**
     * Runs the training kernel and returns whether {@code archive} was written; the same run writes the agent's
     * cache {@code agentArchive}, which the caller finds there or not. A failure is reported on {@code err} and
     * leaves no archive: the kernel works without one, only with a larger footprint and a slower start.
     */
    static boolean create(Path java, Path kernelJar, List<String> jvmOptions, List<String> agentOptions,
                          Path archive, Path agentArchive, PrintStream err) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(KernelLaunch.DEFAULT_KERNEL_JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add(NO_PROFILES);
        command.add("-XX:AOTCacheOutput=" + archive);
        command.add("-jar");
        command.add(kernelJar.toString());
        command.add("kernel");
        command.add("--train");
        command.add("--agent-cache=" + agentArchive);
        for (String option : agentOptions) {
            command.add("--agent-option=" + option);
        }
        try {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(agentArchive);
            Run run = run(command, TRAINING_TIMEOUT_SECONDS);
            if (run.exit().isEmpty()) {
                err.println("netlab: the class archive's training run took over " + TRAINING_TIMEOUT_SECONDS
                        + " s and was stopped; the kernel starts without an archive (a larger footprint)");
            } else if (run.exit().getAsInt() != 0 || !Files.isRegularFile(archive)) {
                run.printTail(err, "netlab: could not create the kernel's class archive (exit "
                        + run.exit().getAsInt() + "); the kernel starts without it (a larger footprint). Last output:");
            } else if (!Files.isRegularFile(agentArchive)) {
                run.printTail(err, "netlab: could not create the agent's class archive; code runs without it (a"
                        + " slower first cell). Last output:");
            }
            if (Files.isRegularFile(archive)) {
                return true;
            }
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            err.println("netlab: could not create the kernel's class archive: " + e.getMessage()
                    + "; the kernel starts without it (a larger footprint)");
        }
        return false;
    }

    /**
     * What {@code netlab kernel --train} does: the work of a short session (start, cells that compile,
     * print, fail and declare methods, completion, inspection, completeness), so its classes get archived. The
     * requests go through the protocol layer over ZeroMQ ({@link Rehearsal}), so its classes are archived too.
     * With {@code agentCache}, the session's agent records what it loaded ({@code -XX:AOTMode=record}) and, once
     * it has exited, {@link #createAgentCache} makes the agent's cache from that record; a failure there is
     * reported on {@code err} and leaves the kernel's training whole.
     */
    static void train(EngineOptions options, Path agentCache, PrintStream err) throws IOException, InterruptedException {
        Path record = agentCache == null ? null : agentCache.resolveSibling(agentCache.getFileName() + ".config");
        EngineOptions training = options;
        if (record != null) {
            Files.deleteIfExists(record);
            List<String> recording = new ArrayList<>(options.jvmOptions());
            recording.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + record));
            training = options.toBuilder().jvmOptions(recording).build();
        }
        JShellEngine engine = JShellEngine.startInBackground(training);
        try (Rehearsal kernel = Rehearsal.start(engine)) {
            kernel.request("kernel_info_request", new JsonObject());
            for (String cell : TRAINING_CELLS) {
                kernel.execute(cell);
            }
            kernel.request("complete_request", codeAt("Math.ma", 7));
            kernel.request("complete_request", codeAt("Udp.", 4));
            for (String name : List.of("Math.max", "Udp.send")) {
                JsonObject inspect = codeAt(name, name.length());
                inspect.addProperty("detail_level", 0);
                kernel.request("inspect_request", inspect);
            }
            JsonObject code = new JsonObject();
            code.addProperty("code", "for (int i = 0; i < 3; i++) {");
            kernel.request("is_complete_request", code);
            kernel.request("comm_info_request", new JsonObject());
            if (record != null) {
                endRecordingAgent(engine.agentPid());
            }
        }
        if (record != null) {
            try {
                createAgentCache(options, record, agentCache, err);
            } finally {
                Files.deleteIfExists(record);
            }
        }
    }

    /** How a command run by {@link #run} ended: its exit status (none: stopped at its time limit) and its output. */
    private record Run(OptionalInt exit, List<String> output) {
        boolean succeeded() {
            return exit.isPresent() && exit.getAsInt() == 0;
        }

        /** {@code sentence}, then the output's last lines, indented. */
        void printTail(PrintStream err, String sentence) {
            err.println(sentence);
            output.subList(Math.max(0, output.size() - 10), output.size()).forEach(l -> err.println("  " + l));
        }
    }

    /**
     * Runs {@code command} with its output (stderr too) in a temporary log, not on the console: the JVM lists
     * every class it could not archive, noise unless the run fails. Stops it after {@code limitSeconds}.
     */
    private static Run run(List<String> command, long limitSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("netlab-class-archive", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(limitSeconds, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            return new Run(ended ? OptionalInt.of(p.exitValue()) : OptionalInt.empty(), Files.readAllLines(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static JsonObject codeAt(String code, int cursor) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("cursor_pos", cursor);
        return content;
    }

    /**
     * Asks the training agent to exit (SIGTERM, the JVM's orderly exit) and waits while it writes its AOT record:
     * closing the engine would kill an agent that has not exited within a second, and writing the 15 MB record
     * took longer than that here, which left a truncated record ("Must be a valid AOT configuration").
     */
    private static void endRecordingAgent(long pid) throws InterruptedException {
        Optional<ProcessHandle> agent = ProcessHandle.of(pid);
        if (agent.isPresent() && agent.get().destroy()) {
            try {
                agent.get().onExit().get(AGENT_CACHE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the record is then incomplete, and createAgentCache says so
            }
        }
    }

    /**
     * The training session's cells: what students type in a first session (expressions, declarations,
     * methods, a class, a record, imports, printing, a display, a lessons call, a runtime error and a compile
     * error), so the classes of javac's paths for each kind of snippet, and of the agent's for each kind of
     * result, are in the caches.
     */
    static final List<String> TRAINING_CELLS = List.of(
            "1 + 1",
            "int x = 3;",
            "String twice(String s) { return s + s; }",
            "System.out.println(twice(\"ab\") + x);",
            "record Point(int x, int y) { int sum() { return x + y; } }",
            "class Counter { private int n; int next() { return ++n; } }",
            "import java.util.*;",
            "List<Integer> xs = new ArrayList<>(List.of(3, 1, 2)); Collections.sort(xs); xs",
            "new Point(1, 2).sum() + new Counter().next()",
            "for (int i = 0; i < 3; i++) { x += i; }",
            "Subnet.parse(\"192.168.1.0/24\")",
            "Html.of(\"<b>x</b>\", \"x\")",
            "throw new IllegalStateException(\"training\");",
            "int broken = ;",
            "x");

    /**
     * The agent's AOT cache from the record of the training session's agent: {@code java -XX:AOTMode=create}
     * with the agent's own command line, so the cache matches the JVM that later maps it (class path, GC and
     * heap options). Measured (kernel_info, then {@code 1 + 1}, through jupyter_client, 4 starts each, load
     * 1.9-3.2): the agent JVM used 240-260 ms CPU up to the first result with the cache against 430-510 ms
     * without, and the first result came 80-380 ms sooner.
     */
    private static void createAgentCache(EngineOptions options, Path record, Path cache, PrintStream err)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(record)) {
            err.println("netlab: the training agent left no AOT record (" + record + "); no agent class archive");
            return;
        }
        List<String> command = new ArrayList<>(JShellEngine.agentJvmCommand(options));
        command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + record, "-XX:AOTCache=" + cache));
        Run run = run(command, AGENT_CACHE_TIMEOUT_SECONDS);
        if (!run.succeeded() || !Files.isRegularFile(cache)) {
            Files.deleteIfExists(cache);
            err.println("netlab: could not create the agent's class archive: " + String.join(" ", command)
                    + "\n" + String.join("\n", run.output()).strip());
        }
    }
}
