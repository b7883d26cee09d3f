package netlab.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import netlab.exercise.Check;
import netlab.kernel.grading.NotebookRunner;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;
import netlab.kernel.notebook.Notebook;

/**
 * {@code netlab run NOTEBOOK [--timeout S] [--out FILE]}: runs a notebook headless through the same engine
 * as the kernel (no Jupyter, no Python), shows outputs and check tables, and exits 0 only if every cell ran
 * and every check passed.
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a notebook headless, show outputs and check results (exit 0: all cells ran, all checks passed)";
    }

    @Override
    public String usage() {
        return """
                usage: netlab run NOTEBOOK.ipynb [--timeout S] [--out FILE]
                  NOTEBOOK     the notebook; its code cells run in order, in its own directory
                  --timeout S  seconds one cell may run before it is interrupted (default 60)
                  --out FILE   write the executed notebook (outputs, execution counts) to FILE
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of(), Set.of("timeout", "out"));
        Path file = notebookArgument(args);
        Notebook nb = Notebook.read(file);
        NotebookRunner.Result result;
        try (JShellEngine engine = JShellEngine.start(options(file))) {
            result = new NotebookRunner(engine, timeout(args), out, err).run(nb);
        }
        if (args.has("out")) {
            nb.write(Path.of(args.value("out", "")));
        }
        out.println(summary(result));
        return result.ok() ? 0 : 1;
    }

    static Path notebookArgument(Args args) throws UsageException {
        if (args.positionals().size() != 1) {
            throw new UsageException("name one notebook, as in: netlab run 01-ip.ipynb");
        }
        Path file = Path.of(args.positionals().getFirst()).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no notebook at " + args.positionals().getFirst());
        }
        return file;
    }

    static Duration timeout(Args args) throws UsageException {
        String s = args.value("timeout", "60");
        try {
            double seconds = Double.parseDouble(s);
            if (seconds > 0) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--timeout takes seconds greater than 0, like --timeout 30, not '" + s + "'");
    }

    /** The kernel's options, with check markers on (the runner reads them), run in the notebook's directory. */
    static EngineOptions options(Path notebook) {
        return KernelCommand.engineOptions(List.of()).toBuilder()
                .jvmOptions(List.of("-D" + Check.MARKERS_PROPERTY + "=true"))
                .workingDirectory(notebook.getParent())
                .warmCompletion(false)
                .build();
    }

    static String summary(NotebookRunner.Result r) {
        long passed = r.checks().stream().filter(c -> c.allPassed()).count();
        return "%d code cells, %d failed; checks passed %d/%d%s".formatted(r.codeCells(), r.problems().size(), passed,
                r.checks().size(), r.ok() ? " — all good" : "");
    }
}
