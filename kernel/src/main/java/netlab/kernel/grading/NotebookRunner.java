package netlab.kernel.grading;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Runs every code cell of a notebook in order through an {@link Engine}, as nbclient does with a kernel:
 * outputs and execution counts go into the notebook, output and check tables to the terminal, and one
 * progress line per cell ({@code [3/12] cell 5 ok 0.4 s}). A failing cell does not stop the run, so one
 * run shows every problem; the result says whether all cells ran and all checks passed.
 *
 * <pre>{@code
 * NotebookRunner.Result r = new NotebookRunner(engine, Duration.ofSeconds(60), System.out, System.err).run(nb);
 * r.ok()   // every cell ran and every check passed
 * }</pre>
 */
public final class NotebookRunner {

    /** Characters of output one cell keeps in the notebook (and shows). */
    static final long OUTPUT_LIMIT = 10_000_000;

    private final Engine engine;
    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;

    /** A cell that did not run to its end. */
    public record CellProblem(int cellIndex, String what) {
    }

    /**
     * What happened.
     *
     * @param codeCells code cells run
     * @param problems  cells that failed, timed out or lost their agent
     * @param checks    the check reports the cells printed, in order
     */
    public record Result(int codeCells, List<CellProblem> problems, List<CheckResult> checks) {
        public Result {
            problems = List.copyOf(problems);
            checks = List.copyOf(checks);
        }

        /** Every cell ran and every check passed. */
        public boolean ok() {
            return problems.isEmpty() && checks.stream().allMatch(CheckResult::allPassed);
        }
    }

    public NotebookRunner(Engine engine, Duration timeout, PrintStream out, PrintStream err) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.out = out;
        this.err = err;
    }

    /** Runs {@code notebook}'s code cells, replacing their outputs; its own lines are in the notebook's language. */
    public Result run(Notebook notebook) {
        Lang lang = notebook.language().orElse(Lang.current());
        List<Cell> cells = notebook.cells();
        List<Integer> code = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isCode()) {
                code.add(i);
            }
        }
        Map<String, List<JsonObject>> displays = new HashMap<>();
        List<CellProblem> problems = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        int count = 0;
        for (int n = 0; n < code.size(); n++) {
            int index = code.get(n);
            Cell cell = cells.get(index);
            cell.clearOutputs();
            if (cell.source().isBlank()) {
                out.println(Text.in(lang, "cli.cell.empty", n + 1, code.size(), index));
                continue;
            }
            count++;
            cell.setExecutionCount(count);
            OutputRecorder io = new OutputRecorder(cell, out, err, displays, OUTPUT_LIMIT, lang);
            TimedExecution.Result r = TimedExecution.execute(engine, cell.source(), io, timeout);
            String timeoutNote = r.timedOut() ? Text.in(lang, "cli.timeout.note",
                    timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() : timeout.toMillis() / 1000.0) : null;
            io.finish(r.outcome(), count, timeoutNote);
            checks.addAll(io.checks());
            String status = status(r, io.checks(), lang);
            if (!(r.outcome() instanceof ExecuteOutcome.Success)) {
                problems.add(new CellProblem(index, status));
            }
            out.println(Text.in(lang, "cli.cell.done", n + 1, code.size(), index, status,
                    String.format(java.util.Locale.ROOT, "%.1f", r.seconds())));
        }
        return new Result(code.size(), problems, checks);
    }

    private static String status(TimedExecution.Result r, List<CheckResult> checks, Lang lang) {
        String base = switch (r.outcome()) {
            case ExecuteOutcome.Success s -> Text.in(lang, "cli.status.ok");
            case ExecuteOutcome.Failure f -> Text.in(lang, "cli.status.error", f.ename());
            case ExecuteOutcome.Interrupted i -> Text.in(lang, r.timedOut() ? "cli.status.timed.out"
                    : "cli.status.interrupted");
            case ExecuteOutcome.EngineRestarted e -> Text.in(lang, r.timedOut() ? "cli.status.timed.out.restarted"
                    : "cli.status.restarted");
        };
        for (CheckResult c : checks) {
            String key = c.allPassed() ? "cli.status.check.passed" : c.notAnswered() ? "cli.status.check.not.answered"
                    : "cli.status.check.failing";
            base = Text.in(lang, "cli.status.more", base, Text.in(lang, key, c.exercise(), c.passedCount(),
                    c.cases().size()));
        }
        return base;
    }
}
