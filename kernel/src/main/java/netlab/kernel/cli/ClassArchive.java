package netlab.kernel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.kernel.engine.CellIO;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;

/**
 * The kernel JVM's ahead-of-time cache (JDK 25's AOT cache, JEP 483/514/515), made by {@code netlab install} in
 * the kernelspec directory: a short training run of the installed kernel ({@code netlab kernel --train}) with
 * {@code -XX:AOTCacheOutput}, then kernel.json starts the kernel with {@code -XX:AOTCache}. javac's and
 * JShell's classes are then mapped from the cache already loaded and linked, with the method profiles of the
 * training run, instead of being read from the JDK's modules file and parsed into metaspace.
 * <p>
 * Measured ({@code netlab kernel --train}, the same session as the training run, with the kernel's options,
 * twice each, alternating, machine load 20-27): no archive 2.6-2.8 s CPU, 11.9-14.4 s wall, max RSS 129-131 MB;
 * the AppCDS archive this replaces ({@code -XX:ArchiveClassesAtExit}) 2.2-2.4 s CPU, 12.1-14.5 s wall,
 * 115 MB; the AOT cache 2.0-2.2 s CPU, 7.7-7.8 s wall, 115-117 MB. The cache is 32 MB on disk (the archive 15
 * MB) and the training run takes a few seconds more. A cache that no longer matches (another JDK, changed
 * jars) is ignored by the JVM with a warning, and the kernel starts without it.
 */
final class ClassArchive {

    static final String FILE_NAME = "netlab-kernel.aot";

    private static final long TRAINING_TIMEOUT_SECONDS = 180;

    private ClassArchive() {
    }

    /** The kernel.json option that uses {@code archive}. */
    static String useOption(Path archive) {
        return "-XX:AOTCache=" + archive;
    }

    /**
     * Runs the training kernel and returns whether {@code archive} was written. A failure is reported on
     * {@code err} and leaves no archive: the kernel works without one, only with a larger footprint.
     */
    static boolean create(Path java, Path kernelJar, List<String> jvmOptions, List<String> agentOptions,
                          Path archive, PrintStream err) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(KernelLaunch.DEFAULT_KERNEL_JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + archive);
        command.add("-jar");
        command.add(kernelJar.toString());
        command.add("kernel");
        command.add("--train");
        for (String option : agentOptions) {
            command.add("--agent-option=" + option);
        }
        try {
            Files.deleteIfExists(archive);
            Path log = Files.createTempFile("netlab-class-archive", ".log");
            try {
                // the JVM lists every class it could not archive; that list is noise unless the run fails
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    err.println("netlab: the class archive's training run took over " + TRAINING_TIMEOUT_SECONDS
                            + " s and was stopped; the kernel starts without an archive (a larger footprint)");
                } else if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                    List<String> lines = Files.readAllLines(log);
                    err.println("netlab: could not create the kernel's class archive (exit " + p.exitValue()
                            + "); the kernel starts without it (a larger footprint). Last output:");
                    lines.subList(Math.max(0, lines.size() - 10), lines.size()).forEach(l -> err.println("  " + l));
                }
            } finally {
                Files.deleteIfExists(log);
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
     * print, fail and declare methods, completion, inspection, completeness), so its classes get archived.
     */
    static void train(EngineOptions options) throws IOException {
        try (JShellEngine engine = JShellEngine.start(options)) {
            CellIO quiet = CellIO.discarding("no input during training");
            for (String cell : List.of("1 + 1", "int x = 3;", "String twice(String s) { return s + s; }",
                    "System.out.println(twice(\"ab\") + x);", "Html.of(\"<b>x</b>\", \"x\")",
                    "throw new IllegalStateException(\"training\");", "int broken = ;", "x")) {
                engine.execute(cell, quiet);
            }
            engine.complete("Math.ma", 7);
            engine.complete("Udp.", 4);
            engine.inspect("Math.max", 8, 0);
            engine.inspect("Udp.send", 8, 0);
            engine.isComplete("for (int i = 0; i < 3; i++) {");
        }
    }
}
