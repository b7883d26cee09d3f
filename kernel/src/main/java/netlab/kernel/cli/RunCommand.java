package netlab.kernel.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.exercise.Check;
import netlab.kernel.grading.NotebookRunner;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * {@code netlab run NOTEBOOK [--timeout S] [--out FILE]}: runs a notebook headless through the same engine
 * as the kernel (no Jupyter, no Python), shows outputs and check tables, and says how it went in its exit status:
 * {@value #ALL_GOOD} every cell ran and every check passed; {@value #CHECKS_NOT_PASSED} the notebook is unfinished:
 * a check did not pass, or a cell stopped only at a TODO stub (a fresh student notebook: "not answered yet");
 * {@value #CELLS_FAILED} a cell failed otherwise, timed out or lost its agent. So a script can tell an unfinished
 * notebook from a broken one.
 */
final class RunCommand implements Command {

    /** The environment the composition root ({@link Main}) read once. */
    private final java.util.Map<String, String> env;

    RunCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    static final int ALL_GOOD = 0;
    static final int CHECKS_NOT_PASSED = 1;
    static final int CELLS_FAILED = 3;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        // Every argument is checked before the engine starts and before options() takes up the notebook's
        // language: a mistake is the teacher's, said in the terminal's language, and found after a chapter ran
        // it would lose the run.
        Args args = Args.parse(arguments, Set.of(), Set.of("timeout", "out"));
        Path file = notebookArgument(args);
        Duration timeout = timeout(args);
        Path outFile = args.has("out") ? outArgument(args.value("out", "")) : null;
        Notebook nb = readNotebook(file, args.positionals().getFirst());
        NotebookRunner.Result result;
        try (JShellEngine engine = JShellEngine.start(options(file, nb, env))) {
            result = new NotebookRunner(engine, timeout, out, err).run(nb);
        }
        if (outFile != null) {
            nb.write(outFile);
        }
        out.println(summary(result, nb.language().orElse(Lang.current())));
        return status(nb, result);
    }

    static int status(Notebook executed, NotebookRunner.Result r) {
        if (r.ok()) {
            return ALL_GOOD;
        }
        boolean broken = r.problems().stream().anyMatch(p -> !stoppedAtTodo(executed.cells().get(p.cellIndex())));
        return broken ? CELLS_FAILED : CHECKS_NOT_PASSED;
    }

    /** Whether the cell's error is a TODO stub of {@code netlab release}: unanswered, not broken. */
    static boolean stoppedAtTodo(Cell cell) {
        for (JsonElement e : cell.outputs()) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("output_type").getAsString().equals("error")) {
                return o.get("ename").getAsString().endsWith("UnsupportedOperationException")
                        && o.get("evalue").getAsString().strip().startsWith("TODO");
            }
        }
        return false;
    }

    static Path notebookArgument(Args args) throws UsageException {
        if (args.positionals().size() != 1) {
            throw new UsageException(Text.of("teacher.run.one"));
        }
        Path file = Path.of(args.positionals().getFirst()).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new UsageException(Text.of("teacher.no.notebook", args.positionals().getFirst()));
        }
        return file;
    }

    /**
     * The notebook in {@code file} ({@code given} as the teacher typed it), or a usage error when it is no
     * notebook: a wrong file named is a mistake on the command line, not a failure of netlab, so it is said
     * from the catalogue rather than as the reader's exception.
     */
    static Notebook readNotebook(Path file, String given) throws java.io.IOException, UsageException {
        try {
            return Notebook.read(file);
        } catch (java.io.IOException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                throw new UsageException(Text.of("teacher.not.notebook", given));
            }
            throw e;
        }
    }

    /** Where {@code --out} writes the executed notebook: a file in a directory that exists. */
    static Path outArgument(String given) throws UsageException {
        Path out = Path.of(given).toAbsolutePath();
        if (Files.isDirectory(out)) {
            throw new UsageException(Text.of("teacher.run.out.dir", given));
        }
        if (!Files.isDirectory(out.getParent())) {
            throw new UsageException(Text.of("teacher.run.out.parent", given, out.getParent()));
        }
        return out;
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
        throw new UsageException(Text.of("teacher.timeout", s));
    }

    /**
     * The kernel's options, with check markers on (the runner reads them), run in the notebook's directory and
     * in its language.
     */
    static EngineOptions options(Path notebook, Notebook nb, Map<String, String> env) {
        Lang language = nb.language().orElse(Lang.current());
        Lang.use(language); // this JVM runs one notebook: whatever it words is for that notebook's student
        return KernelCommand.engineOptions(List.of()).toBuilder()
                .language(language)
                .jvmOptions(List.of("-D" + Check.MARKERS_PROPERTY + "=true"))
                .workingDirectory(notebook.getParent())
                .warmStart(false)
                .cellLimitsFrom(env)
                .build();
    }

    static String summary(NotebookRunner.Result r, Lang lang) {
        long passed = r.checks().stream().filter(c -> c.allPassed()).count();
        return Text.in(lang, r.ok() ? "cli.summary.good" : "cli.summary", r.codeCells(), r.problems().size(), passed,
                r.checks().size());
    }
}
