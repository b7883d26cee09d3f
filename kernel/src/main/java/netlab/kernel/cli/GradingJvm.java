package netlab.kernel.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code netlab grade} runs in a JVM with options chosen for it: {@code main} restarts itself once with them
 * when they are missing. Why: the grading JVM compiles every submission's cells with javac (through JShell),
 * a large code base that C2 spends most of a batch's CPU compiling and that a batch of tens or hundreds of
 * submissions never runs long enough to repay. JFR on a 20-submission run: 20 s of JIT compilation in 20 s of
 * wall clock. C1 alone ({@code -XX:TieredStopAtLevel=1}) took a 40-submission {@code bench/grade-bench}
 * batch from 29.8 to 20.8 CPU seconds (grading JVM and agents together) and from 67 to 42 s of wall clock on
 * the 2-core build machine. The restart costs one JVM start (~0.1 s).
 *
 * <p>{@value #OPTIONS_ENV} replaces the options (empty: run in the JVM as started).
 */
final class GradingJvm {

    static final String OPTIONS_ENV = "NETLAB_GRADE_JVM_OPTIONS";
    static final List<String> DEFAULT_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    private static final String RELAUNCHED = "netlab.grade.relaunched";
    /** How long the grading JVM may take to write its partial results after a signal. */
    private static final int STOP_GRACE_SECONDS = 20;

    private GradingJvm() {
    }

    /** The options {@code grade} wants that this JVM was not started with; empty: run here. */
    static List<String> missingOptions(List<String> args, Map<String, String> env) {
        if (args.isEmpty() || !args.getFirst().equals("grade") || Boolean.getBoolean(RELAUNCHED)) {
            return List.of();
        }
        List<String> wanted = env.containsKey(OPTIONS_ENV)
                ? Arrays.stream(env.get(OPTIONS_ENV).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()
                : DEFAULT_OPTIONS;
        List<String> have = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return have.containsAll(wanted) ? List.of() : wanted;
    }

    /** Runs {@code netlab ARGS} in a new JVM with {@code options} added, sharing this one's terminal; its exit status. */
    static int relaunch(List<String> args, List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(options);
        cmd.add("-D" + RELAUNCHED + "=true");
        // netlab.jar's manifest Add-Opens applies to -jar only: without it the grading JVM's JShell compiled a
        // submission's declarations one at a time and imported every declaration into each (DeclarationBatch,
        // ImportPruning), as the classroom image's grading log showed ("does not opens jdk.jshell")
        cmd.add("--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED");
        // as the kernel's: a hostile answer can keep javac busy for good, and the step's time limit stops it by
        // loading netlab.jar as an agent (CompileStop), which the JDK would warn about without this
        cmd.add(KernelLaunch.DYNAMIC_AGENT);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        // a signal to this JVM ends the grading one too, which writes what it has graded before it goes
        Thread forward = new Thread(() -> {
            p.destroy();
            try {
                if (!p.waitFor(STOP_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "netlab-grade-forward-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            int status = p.waitFor();
            removeShutdownHook(forward);
            return status;
        } catch (InterruptedException e) {
            p.destroy();
            return 130;
        }
    }

    /**
     * Removes {@code hook}, unless the JVM is already shutting down (Ctrl-C while the grading JVM ended): then
     * the hook is running or has run, and Runtime would throw "Shutdown in progress" at the teacher.
     */
    static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: nothing to remove any more
        }
    }
}
