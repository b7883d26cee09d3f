package netlab.kernel.jshell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import netlab.kernel.engine.ExecuteOutcome;

/**
 * Measures cell latency in one process, medians over many runs: netlab's engine against JShell's default
 * JDI engine. Run after {@code ./mvnw -pl kernel -am test-compile}:
 * <pre>
 * java -cp kernel/target/classes:kernel/target/test-classes:lessons/target/classes \
 *     netlab.kernel.jshell.EngineBench [runs]
 * </pre>
 */
public final class EngineBench {

    /** Runs for the slow rows (200 snippets one by one), which take seconds each. */
    private static final int FEW_RUNS = 3;

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String statements = statements(200);
        String method = method(200);
        List<String[]> rows = new ArrayList<>();

        double ours;
        double oursStatements;
        double oursMethod;
        double oursUngrouped;
        try (JShellEngine engine = JShellEngine.start(EngineOptions.defaults())) {
            ok(engine.execute("int total = 0;", new RecordingIO()));
            ours = median(runs, () -> ok(engine.execute("1+1", new RecordingIO())));
            oursStatements = median(runs, () -> ok(engine.execute(statements, new RecordingIO())));
            int[] version = {0};
            // A different body each run, so JShell really recompiles the method.
            oursMethod = median(runs, () -> ok(engine.execute(method.replace("int y = 0;",
                    "int y = " + (version[0]++) + ";"), new RecordingIO())));
            List<String> lines = statements.lines().toList();
            oursUngrouped = median(FEW_RUNS, () -> {
                for (String line : lines) {
                    ok(engine.execute(line, new RecordingIO()));
                }
            });
        }
        double jdi;
        double jdiStatements;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        try (JShell shell = JShell.builder().executionEngine("jdi").out(discard).err(discard).build()) {
            eval(shell, "int total = 0;");
            jdi = median(runs, () -> eval(shell, "1+1"));
            List<String> lines = statements.lines().toList();
            jdiStatements = median(FEW_RUNS, () -> lines.forEach(l -> eval(shell, l)));
        }
        rows.add(new String[] {"trivial cell 1+1", ms(ours), ms(jdi), ratio(jdi, ours)});
        rows.add(new String[] {"200 statements, one cell", ms(oursStatements), ms(jdiStatements),
                ratio(jdiStatements, oursStatements)});
        rows.add(new String[] {"200 statements, no grouping*", ms(oursUngrouped), "", ""});
        rows.add(new String[] {"200-line method declaration", ms(oursMethod), "", ""});

        System.out.printf(Locale.ROOT, "%-30s %14s %14s %8s%n", "median over " + runs + " runs", "netlab (ms)",
                "JShell JDI (ms)", "JDI/ours");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-30s %14s %14s %8s%n", (Object[]) r);
        }
        System.out.println("* one cell per statement; rows with 200 statements of JShell JDI and no grouping: "
                + FEW_RUNS + " runs");
    }

    static String statements(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i % 2 == 0 ? "total += " + i + " * 2;\n" : "System.out.println(" + i + ");\n");
        }
        return sb.toString();
    }

    static String method(int n) {
        StringBuilder sb = new StringBuilder("int longMethod(int x) {\n    int y = 0;\n");
        for (int i = 0; i < n; i++) {
            sb.append("    y += x * ").append(i).append(";\n");
        }
        return sb.append("    return y;\n}\n").toString();
    }

    private static void ok(ExecuteOutcome outcome) {
        if (!(outcome instanceof ExecuteOutcome.Success)) {
            throw new IllegalStateException("benchmark cell failed: " + outcome);
        }
    }

    private static void eval(JShell shell, String code) {
        for (SnippetEvent e : shell.eval(code)) {
            if (e.exception() != null || e.status() == jdk.jshell.Snippet.Status.REJECTED) {
                throw new IllegalStateException("benchmark snippet failed: " + code);
            }
        }
    }

    private static double median(int runs, Runnable body) {
        for (int i = 0; i < Math.min(runs == FEW_RUNS ? 1 : 20, runs); i++) {
            body.run(); // warm up
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            body.run();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.1fx", a / b);
    }
}
