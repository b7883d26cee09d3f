package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jdk.jshell.Diag;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;

/**
 * Evaluates one cell's code in JShell, piece by piece ({@link CellSplitter}), and turns JShell's events into
 * the cell's outcome: compile errors pointing at the cell's lines, the first exception, notes about
 * declarations that cannot run yet, and the value of a last expression. Stops between pieces when its
 * {@link CellRun} was stopped; reports, but does not restart, an agent that died meanwhile.
 */
final class CellEvaluator {

    private final CellOutput output;
    private final SnippetOrigins origins;
    private final SessionLanguage language;
    private final Sessions sessions;
    private final CommonPackages packages;

    CellEvaluator(CellOutput output, SnippetOrigins origins, SessionLanguage language, Sessions sessions,
                  CommonPackages packages) {
        this.output = output;
        this.origins = origins;
        this.language = language;
        this.sessions = sessions;
        this.packages = packages;
    }

    /**
     * Runs {@code code} (cell number {@code serial}, written in {@code source}) in {@code session}. A value shown
     * is its plain text; the caller makes it rich from the agent's {@code Ended} reply. An {@code EngineRestarted}
     * outcome means the agent died (or was killed by {@code run}'s grace period) and must be replaced.
     */
    ExecuteOutcome run(Session session, String code, long serial, CellRun run, CodeSource source) {
        Notes notes = new Notes();
        ExecuteOutcome outcome;
        try {
            outcome = evaluate(session, code, serial, run, source, notes);
        } catch (RuntimeException | Error e) {
            if (CompileStop.stopped(e)) { // JShell's parse, analysis or compile of a piece, stopped in javac
                return interrupted(run);
            }
            throw e;
        }
        if (!session.terminated()) {
            notes.say(text -> output.io().stderr(text + "\n"));
        }
        return outcome;
    }

    /**
     * What a declaration of the cell that JShell kept waiting for a name still waits for, now that the cell has
     * ended: one the same cell went on to complete ({@code sealed interface Shape permits Sq, Ci {}} and then the
     * two records) waits for nothing, and a note on it would send the student looking for a mistake that is not there.
     */
    private Optional<String> stillWaiting(Session session, Snippet snippet, String code, Piece piece,
                                          CodeSource source) {
        Snippet.Status now = session.shell().status(snippet);
        return now == Snippet.Status.RECOVERABLE_DEFINED || now == Snippet.Status.RECOVERABLE_NOT_DEFINED
                ? Optional.of(UnresolvedNotes.note(session.shell(), snippet, now, code, piece,
                        explainer(session, code), source))
                : Optional.empty();
    }

    /**
     * Runs the cell's pieces; {@code notes} collects what its declarations leave to say once it has ended (see
     * {@link #stillWaiting}, {@link ChangeNotes}).
     */
    private ExecuteOutcome evaluate(Session session, String code, long serial, CellRun run, CodeSource source,
                                    Notes notes) {
        int tooDeep = CompilerLimits.tooDeep(code);
        if (tooDeep >= 0) { // before the splitter, whose parser is javac's
            return ErrorReports.compileError(code, List.of(new ErrorReports.CellDiagnostic(tooDeep,
                    CompileExplainer.TOO_DEEP, "")), explainer(session, code), source);
        }
        List<Piece> pieces = session.splitter().splitAndGroup(code);
        // runs of declarations compile together; each still yields its own snippet's events, in order
        DeclarationPlanner.Plan declarations = session.declarations().plan(pieces);
        Optional<MimeBundle> value = Optional.empty();
        for (int i = 0; i < pieces.size(); i++) {
            if (run.stopped()) {
                return interrupted(run);
            }
            Piece piece = pieces.get(i);
            if (!piece.complete()) {
                int comment = CompilerLimits.unclosedComment(code);
                ErrorReports.CellDiagnostic end = comment >= 0
                        ? new ErrorReports.CellDiagnostic(comment, CompileExplainer.UNCLOSED_COMMENT, "unclosed comment")
                        : session.splitter().lacksCatch(piece)
                        ? new ErrorReports.CellDiagnostic(code.length(), CompileExplainer.TRY_ALONE,
                                "'try' without 'catch', 'finally' or resource declarations")
                        : new ErrorReports.CellDiagnostic(code.length(), CompileExplainer.INCOMPLETE,
                                "reached end of file while parsing");
                return ErrorReports.compileError(code, List.of(end), explainer(session, code), source);
            }
            int tooLong = CompilerLimits.tooLongString(piece.source());
            if (tooLong >= 0) {
                return ErrorReports.compileError(code, List.of(new ErrorReports.CellDiagnostic(
                        piece.cellOffset(tooLong), "compiler.err.limit.string", "constant string too long")),
                        explainer(session, code), source);
            }
            boolean shown = i == pieces.size() - 1 && !piece.endsWithSemicolon();
            int firstLine = SnippetOrigins.lineOf(code, piece.start());
            List<SnippetEvent> events;
            boolean shellClosed = false;
            try {
                Optional<List<SnippetEvent>> planned = declarations.events(i, run::stopped);
                // the cell's code runs after what it %loads: its last piece is the cell's last
                boolean endsCell = source == CodeSource.CELL && i == pieces.size() - 1;
                Optional<DirectRun.Outcome> direct = planned.isEmpty() ? DirectRun.evaluate(session, piece.source(),
                        shown, endsCell, id -> origins.record(id, serial, firstLine, source)) : Optional.empty();
                if (direct.orElse(null) instanceof DirectRun.Ran ran) {
                    Optional<ExecuteOutcome> end = afterDirectRun(session, serial, piece, firstLine, source, run, ran);
                    if (end.isPresent()) {
                        return end.get();
                    }
                    if (shown && ran instanceof DirectRun.Value v) {
                        value = Optional.of(MimeBundle.text(v.text()));
                    }
                    continue;
                }
                events = planned
                        .or(() -> shown && direct.isEmpty() ? ValueExpression.evaluate(session.shell(), piece.source())
                                : Optional.empty())
                        .orElseGet(() -> session.shell().eval(piece.source()));
            } catch (IllegalStateException e) {
                if (CompileStop.stopped(e)) {
                    throw e;
                }
                // JShell closes itself when its engine terminates (the agent died while loading classes).
                events = List.of();
                shellClosed = true;
            }
            output.drain();
            Optional<ExecuteOutcome> ended = ended(session, run, shellClosed);
            if (ended.isPresent()) {
                return ended.get();
            }
            ExecuteOutcome failure = failureOf(session, code, serial, piece, firstLine, source, events, notes);
            if (failure instanceof ExecuteOutcome.Failure f && f.ename().equals(ErrorReports.COMPILATION_ERROR)
                    && i > 0 && firstLine > 1) {
                return ErrorReports.afterLinesRan(f, firstLine - 1, language.get(), source);
            }
            if (failure != null) {
                return failure;
            }
            if (shown) {
                value = shownValue(events);
            }
        }
        return new ExecuteOutcome.Success(value);
    }

    /** The cell's end after a piece ran by {@link DirectRun}: a failure, or its agent's end; empty if it goes on. */
    private Optional<ExecuteOutcome> afterDirectRun(Session session, long serial, Piece piece, int firstLine,
                                                    CodeSource source, CellRun run, DirectRun.Ran outcome) {
        output.drain();
        Optional<ExecuteOutcome> ended = ended(session, run, false);
        if (ended.isPresent()) {
            return ended;
        }
        SourceNotes.of(piece.source(), firstLine, source, session.shell(), language.get())
                .forEach(note -> output.io().stderr(note + "\n"));
        if (outcome instanceof DirectRun.Threw t) {
            return Optional.of(runtimeFailure(session, t.exception(), serial));
        }
        return Optional.empty();
    }

    /** The cell's end when its agent died or was killed, or the cell was stopped; empty if it goes on. */
    private Optional<ExecuteOutcome> ended(Session session, CellRun run, boolean shellClosed) {
        if (shellClosed || session.terminated()) {
            return Optional.of(new ExecuteOutcome.EngineRestarted(run.killed() ? EngineText.killed(language.get(), run)
                    : EngineText.died(language.get(), sessions.deathOf(session)), run.stoppedByLimit() != null));
        }
        if (run.stopped()) {
            return Optional.of(interrupted(run));
        }
        return Optional.empty();
    }

    ExecuteOutcome interrupted(CellRun run) {
        return new ExecuteOutcome.Interrupted(EngineText.interrupted(language.get(), run), run.stoppedByLimit() != null);
    }

    /** The failure of this piece's evaluation, or null; records where its snippets came from. */
    private ExecuteOutcome failureOf(Session session, String code, long serial, Piece piece, int firstLine,
                                     CodeSource source, List<SnippetEvent> events,
                                     Notes notes) {
        List<ErrorReports.CellDiagnostic> errors = new ArrayList<>();
        JShellException exception = null;
        for (SnippetEvent e : events) {
            Snippet snippet = e.snippet();
            if (e.causeSnippet() != null) { // a declaration of another cell this one changed
                if (ChangeNotes.reached(e)) {
                    Lang lang = language.get();
                    notes.addChange(snippet, () -> ChangeNotes.note(session.shell(), e, origins, lang));
                }
                continue;
            }
            notes.declaredAgain(snippet);
            origins.record(snippet.id(), serial, firstLine, source);
            if (e.status() == Snippet.Status.REJECTED) {
                session.shell().diagnostics(snippet).filter(Diag::isError).forEach(d -> errors.add(
                        ErrorReports.CellDiagnostic.of(d, piece.cellOffset((int) position(d)), language.get())));
                if (errors.isEmpty()) {
                    errors.add(new ErrorReports.CellDiagnostic(piece.start(), CompileExplainer.INVALID, ""));
                }
            } else if (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<Diag> beyondRepair = session.shell().diagnostics(snippet)
                        .filter(d -> d.isError() && !d.getCode().startsWith(CompileExplainer.CANT_RESOLVE)).toList();
                if (beyondRepair.isEmpty()) {
                    notes.add(() -> stillWaiting(session, snippet, code, piece, source));
                } else {
                    // JShell keeps a snippet that broke a limit of the class file (code too large, a string
                    // constant too long) as waiting for a declaration; no declaration can mend it, and every later
                    // snippet that imported it failed too
                    beyondRepair.forEach(d -> errors.add(ErrorReports.CellDiagnostic.of(d,
                            piece.cellOffset((int) position(d)), language.get())));
                    session.shell().drop(snippet);
                }
            }
            if (e.status() == Snippet.Status.VALID) {
                SourceNotes.of(snippet.source(), firstLine, source, session.shell(), language.get())
                        .forEach(note -> output.io().stderr(note + "\n"));
            }
            if (e.exception() != null && exception == null) {
                exception = e.exception();
            }
        }
        if (!errors.isEmpty()) {
            return ErrorReports.compileError(code, errors, explainer(session, code), source);
        }
        if (exception != null) {
            return runtimeFailure(session, exception, serial);
        }
        return null;
    }

    /** What {@code exception} reads as; the call of a declaration still waiting also says what it waits for. */
    private ExecuteOutcome.Failure runtimeFailure(Session session, JShellException exception, long serial) {
        ExecuteOutcome.Failure failure = ErrorReports.runtimeError(exception, origins, serial, language.get());
        return exception instanceof UnresolvedReferenceException u
                ? UnresolvedNotes.waiting(failure, session.shell(), u.getSnippet(), language.get()) : failure;
    }

    /** Cell {@code serial} is {@code [number]} in the notebook: a frame of its code, met later, is placed so. */
    void numbered(long serial, int number) {
        origins.numbered(serial, number);
    }

    /** Explains compile errors of {@code code} in the student's language, suggesting names the session knows. */
    CompileExplainer explainer(Session session, String code) {
        Lang lang = language.get();
        return new CompileExplainer(lang, (offset, prefix) -> session.assist().namesAt(code, offset, prefix),
                packages, name -> UnresolvedNotes.waitingFor(session.shell(), name, lang));
    }

    private static long position(Diag d) {
        long p = d.getPosition();
        return p >= 0 ? p : Math.max(0, d.getStartPosition());
    }

    /**
     * What a cell's declarations leave to say once it has ended, in order. A change note on a declaration that a
     * later piece of the cell declares again goes: JShell makes a new snippet then, which the note finds replaced,
     * but a declaration run again as the session has it ({@link DeclarationBatch#rerun}) stays the same snippet, and
     * its initializer has just given it its value back.
     */
    private static final class Notes {

        private record Note(Snippet about, Supplier<Optional<String>> text) {
        }

        private final List<Note> notes = new ArrayList<>();

        void add(Supplier<Optional<String>> text) {
            notes.add(new Note(null, text));
        }

        void addChange(Snippet reached, Supplier<Optional<String>> text) {
            notes.add(new Note(reached, text));
        }

        void declaredAgain(Snippet snippet) {
            notes.removeIf(note -> note.about() == snippet);
        }

        void say(Consumer<String> out) {
            notes.forEach(note -> note.text().get().ifPresent(out));
        }
    }

    /** The plain value an expression snippet shows, if it shows one. */
    private static Optional<MimeBundle> shownValue(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null || e.value() == null || e.exception() != null) {
                continue;
            }
            Snippet.SubKind kind = e.snippet().subKind();
            boolean expression = kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    || kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                    || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND
                    || ValueExpression.isValue(e.snippet());
            if (!expression || (e.snippet() instanceof VarSnippet v && v.typeName().equals("void"))) {
                continue;
            }
            return Optional.of(MimeBundle.text(e.value()));
        }
        return Optional.empty();
    }
}
