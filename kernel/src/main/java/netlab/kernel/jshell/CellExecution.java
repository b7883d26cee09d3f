package netlab.kernel.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import netlab.agent.Control;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.runtime.Causes;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Runs one cell from its source to its outcome: the session (restarted if its agent died), the magics that set
 * the cell up, {@code BeginCell}, the listings ({@code /vars}: {@link Magic#runsInCell}) and the evaluation
 * ({@link CellEvaluator}), after a stop the wait for quiet, and
 * {@code EndCell}, whose reply comes behind the cell's last byte of output and carries its rich value. Two
 * control round trips per cell, whatever it holds; the stop state of the run is its {@link CellRun}'s.
 */
final class CellExecution {

    private final Sessions sessions;
    private final CellOutput output;
    private final CellEvaluator evaluator;
    private final Magics magics;
    private final CellLimits limits;
    private final EngineOptions options;
    private final SessionLanguage language;
    /** The number the front end last showed beside each cell, by the cell's key: how a student finds the cell. */
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

    CellExecution(Sessions sessions, CellOutput output, CellEvaluator evaluator, Magics magics, CellLimits limits,
                  EngineOptions options, SessionLanguage language) {
        this.sessions = sessions;
        this.output = output;
        this.evaluator = evaluator;
        this.magics = magics;
        this.limits = limits;
        this.options = options;
        this.language = language;
    }

    /**
     * Runs {@code code} as cell {@code run}; returns once every byte of its output went to {@code io}. What the
     * kernel words meanwhile (magics' answers and errors) is in the session's language, which {@code %lang} may
     * change mid-cell, not in the language this JVM started with.
     */
    ExecuteOutcome execute(String code, CellIO io, long serial, CellRun run) {
        return Lang.readBy(language::get, () -> executeForReader(code, io, serial, run));
    }

    private ExecuteOutcome executeForReader(String code, CellIO io, long serial, CellRun run) {
        try {
            Session session = sessions.ready(io);
            output.attach(io, serial);
            session.assist().forgetSignatures(); // the cell may redeclare what completions showed
            TempVariables.dropAllButLatest(session.shell(), TempVariables.KEPT);
            session.staleClassFiles().ifPresent(StaleClassFiles::forget);
            Magics.Split split = Magics.split(code);
            CellPlan plan = new CellPlan();
            List<String> inCell = new ArrayList<>();
            for (String line : split.magicLines()) {
                if (magics.runsInCell(line)) {
                    inCell.add(line);
                    continue;
                }
                try {
                    io.stdout(magics.run(line, magicContext(session, plan)));
                } catch (IllegalArgumentException e) {
                    return magicError(e);
                }
            }
            if (plan.exitAsked()) {
                io.askExit();
            }
            if (plan.resetAsked()) {
                if (!sessions.restart(session)) {
                    throw new UncheckedIOException(new IOException(Text.in(language.get(), "engine.shutting.down")));
                }
                session = sessions.ready(io);
                output.attach(io, serial);
            }
            code = split.code();
            if (!split.magicLines().isEmpty() && code.isBlank() && plan.loaded().isEmpty() && inCell.isEmpty()) {
                return ExecuteOutcome.Success.empty();
            }
            return evaluate(session, code, inCell, io, serial, run, plan);
        } catch (UncheckedIOException e) {
            EngineLog.ENGINE.log(System.Logger.Level.ERROR, "agent restart failed", e);
            return new ExecuteOutcome.EngineRestarted(e.getCause() instanceof AgentStartFailure f
                    ? Text.in(language.get(), "engine.start.failed", f.forStudent())
                    : Text.in(language.get(), "engine.restart.failed",
                            e.getCause().getMessage().lines().findFirst().orElse("")));
        } catch (StackOverflowError | InternalError e) {
            if (!overflowed(e)) {
                throw e;
            }
            // javac reads and checks nested expressions by recursion: 20,000 parentheses, or 100,000 "+" (which
            // JShell's parser wraps in an InternalError), overflow this thread's stack before any code runs; the
            // cell did not compile, and nothing of it was declared
            String why = Text.in(language.get(), "engine.too-deep");
            return new ExecuteOutcome.Failure(ErrorReports.COMPILATION_ERROR, why, List.of("\u001b[0;31m" + why + "\u001b[0m"));
        } finally {
            run.end();
            output.drain();
        }
    }

    /** Whether {@code e} is, or wraps (JShell's parser: InternalError around IllegalStateException), a stack overflow. */
    private static boolean overflowed(Throwable e) {
        return Causes.include(e, StackOverflowError.class);
    }

    private static ExecuteOutcome magicError(IllegalArgumentException e) {
        return new ExecuteOutcome.Failure("MagicError", e.getMessage(),
                List.of("\u001b[0;31mMagicError: " + e.getMessage() + "\u001b[0m"));
    }

    /**
     * Runs the cell's code and the magic lines that run {@code inCell} before it, with the cell begun in the
     * agent: a stop ends them as it ends the code.
     */
    private ExecuteOutcome evaluate(Session session, String code, List<String> inCell, CellIO io, long serial,
                                    CellRun run, CellPlan plan) {
        String loaded = plan.loaded().stream().map(CellPlan.Loaded::code).collect(Collectors.joining());
        String key = cellKey(loaded + code, io);
        io.executionCount().ifPresent(n -> {
            numbers.put(key, n);
            evaluator.numbered(serial, n);
        });
        run.begin(session, key, limits, plan.threads(), released -> released.forEach(r ->
                io.stderr(Text.in(language.get(), "engine.released", EngineText.released(language.get(), r)) + "\n")));
        long wallStart = System.nanoTime();
        Duration cpuStart = plan.timed() ? TimeCellMagic.cpuOf(session.agent().pid()) : null;
        ExecuteOutcome outcome = runInCell(inCell, session, plan, io, run)
                .orElseGet(() -> runCode(session, plan.loaded(), code, serial, run));
        run.awaitBegan(); // a cell that gave the agent nothing (a compile error) still says what was released
        if (!(outcome instanceof ExecuteOutcome.EngineRestarted) && !(outcome instanceof ExecuteOutcome.Interrupted)
                && !run.finishUnlessStopped()) {
            // the stop came as the last piece returned: the agent has released the cell, so it was stopped
            outcome = evaluator.interrupted(run);
        }
        if (plan.timed()) {
            Duration cpuEnd = session.terminated() ? null : TimeCellMagic.cpuOf(session.agent().pid());
            io.stdout(TimeCellMagic.report(Duration.ofNanos(System.nanoTime() - wallStart),
                    cpuStart == null || cpuEnd == null ? null : cpuEnd.minus(cpuStart)));
        }
        if (outcome instanceof ExecuteOutcome.Interrupted && !session.terminated()) {
            session.forgetEndAsked(); // the cell ends once what it left running has been waited for
            outcome = unlessStillRunning(session, key, run, outcome);
        }
        if (outcome instanceof ExecuteOutcome.EngineRestarted) {
            sessions.restart(session);
            return outcome;
        }
        if (!session.terminated() && session.endCell() instanceof Control.Ended ended) {
            noteDroppedOutput(ended.droppedBytes(), io);
            if (outcome instanceof ExecuteOutcome.Success s && s.result().isPresent()
                    && !ended.valueBundle().isEmpty()) {
                outcome = new ExecuteOutcome.Success(Optional.of(new MimeBundle(ended.valueBundle(), java.util.Map.of())));
            }
        }
        return outcome;
    }

    /**
     * Runs the code {@code %load} read, file by file, then the cell's own: each with its own lines, so an error
     * names the file's line, or the cell's as the student sees it. The first that does not succeed ends the cell.
     */
    private ExecuteOutcome runCode(Session session, List<CellPlan.Loaded> loaded, String code, long serial,
                                   CellRun run) {
        for (CellPlan.Loaded file : loaded) {
            ExecuteOutcome outcome = evaluator.run(session, file.code(), serial, run, file.source());
            if (!(outcome instanceof ExecuteOutcome.Success)) {
                return outcome;
            }
        }
        return code.isBlank() ? ExecuteOutcome.Success.empty()
                : evaluator.run(session, code, serial, run, CodeSource.CELL);
    }

    /**
     * Runs magic lines as part of the begun cell; returns the cell's outcome if one failed or the cell was stopped
     * meanwhile (what a stopped {@code /vars} listed is not shown: its values were cut short).
     */
    private Optional<ExecuteOutcome> runInCell(List<String> lines, Session session, CellPlan plan, CellIO io,
                                               CellRun run) {
        for (String line : lines) {
            String said;
            try {
                said = magics.run(line, magicContext(session, plan));
            } catch (IllegalArgumentException e) {
                return Optional.of(magicError(e));
            }
            if (run.stopped()) {
                return Optional.of(evaluator.interrupted(run));
            }
            io.stdout(said);
        }
        return Optional.empty();
    }

    /**
     * {@code interrupted}, once everything the stopped and released cell started has ended: the agent waits
     * for that itself, for the grace period left. A thread blocked on a monitor (a deadlock) is deaf to
     * interrupts and closed sockets: if the agent finds the cell's remaining threads deadlocked, or any still
     * runs when the grace period is over, the agent is killed and restarted instead of replying "interrupted"
     * while the code still runs.
     */
    private ExecuteOutcome unlessStillRunning(Session session, String key, CellRun run, ExecuteOutcome interrupted) {
        Control.Reply reply = session.ask(new Control.AwaitQuiet(key, run.awaitingQuiet()));
        if (!(reply instanceof Control.StillRunning left)) {
            return interrupted; // quiet; or the agent is gone, and the next cell restarts it and says how it died
        }
        EngineLog.ENGINE.log(System.Logger.Level.INFO, "cell left threads running after its interrupt; killing agent "
                + session.agent().pid() + ": " + left);
        return new ExecuteOutcome.EngineRestarted(EngineText.stillRunning(language.get(), run, left),
                run.stoppedByLimit() != null);
    }

    /** The cell's identity across runs: the front end's cell id, else a hash of its source. */
    private static String cellKey(String code, CellIO io) {
        String id = io.cellId();
        if (id != null) {
            return id;
        }
        return "#" + Integer.toHexString(code.strip().hashCode());
    }

    private MagicContext magicContext(Session session, CellPlan plan) {
        return new MagicContext(limits, session::ask,
                key -> Optional.ofNullable(numbers.get(key)).map(n -> "[" + n + "]").orElse(key),
                session.shell(), options.startup(), plan, language,
                lang -> {
                    language.set(lang);
                    session.shell().eval(SessionLanguage.agentSnippet(lang));
                });
    }

    private void noteDroppedOutput(long dropped, CellIO io) {
        if (dropped > 0) {
            io.stderr("\n" + Text.in(language.get(), "engine.output.dropped",
                    OutputLimitMagic.format(limits.outputLimit()), OutputLimitMagic.format(dropped)) + "\n");
        }
    }
}
