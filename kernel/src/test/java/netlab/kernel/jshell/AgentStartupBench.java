package netlab.kernel.jshell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.kernel.engine.ExecuteOutcome;

/**
 * Measures what agent JVM flags buy: time from "start an engine" to the first cell's value (what a
 * restart costs the student), the agent's resident memory, and a CPU-heavy cell. Linux only (reads /proc).
 * <pre>
 * java -cp kernel/target/classes:kernel/target/test-classes:lessons/target/classes \
 *     netlab.kernel.jshell.AgentStartupBench [runs]
 * </pre>
 */
public final class AgentStartupBench {

    private static final String CPU_CELL = """
            double s = 0;
            for (int i = 1; i < 30_000_000; i++) s += Math.sqrt(i) / i;
            s""";

    private AgentStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path archive = Files.createTempDirectory("netlab-cds").resolve("agent.jsa");
        Map<String, List<String>> configs = new LinkedHashMap<>();
        configs.put("baseline", List.of());
        configs.put("C1 only", List.of("-XX:TieredStopAtLevel=1"));
        configs.put("AppCDS auto", List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
        configs.put("AppCDS + C1", List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                "-XX:TieredStopAtLevel=1"));
        configs.put("Xss512k+Reserved", List.of("-Xss512k", "-XX:ReservedCodeCacheSize=64m"));

        measure("warm-up", List.of(), 1); // warms the kernel side (javac), not counted
        System.out.printf(Locale.ROOT, "%-18s %16s %14s %14s%n", "agent flags", "start→1+1 (ms)", "agent RSS (MB)",
                "CPU cell (ms)");
        for (Map.Entry<String, List<String>> c : configs.entrySet()) {
            double[] r = measure(c.getKey(), c.getValue(), runs);
            System.out.printf(Locale.ROOT, "%-18s %16.0f %14.1f %14.0f%n", c.getKey(), r[0], r[1], r[2]);
        }
        System.out.println("medians over " + runs + " runs; RSS after the CPU cell");
    }

    private static double[] measure(String name, List<String> flags, int runs) throws Exception {
        List<Double> start = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        EngineOptions options = EngineOptions.defaults().toBuilder().jvmOptions(flags)
                .startup(List.of("import netlab.display.*;")).build();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (JShellEngine engine = JShellEngine.start(options)) {
                ok(engine.execute("1+1", new RecordingIO()));
                start.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                ok(engine.execute(CPU_CELL, new RecordingIO()));
                cpu.add((System.nanoTime() - t1) / 1e6);
                rss.add(rssMegabytes(engine.agentPid()));
            }
        }
        return new double[] {median(start), median(rss), median(cpu)};
    }

    private static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static void ok(ExecuteOutcome outcome) {
        if (!(outcome instanceof ExecuteOutcome.Success)) {
            throw new IllegalStateException("benchmark cell failed: " + outcome);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
