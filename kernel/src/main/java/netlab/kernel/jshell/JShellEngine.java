package netlab.kernel.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;

/**
 * The {@link Engine} for Java: JShell compiles in this (kernel) JVM, student code runs in an agent JVM
 * that the engine restarts whenever it dies or must be killed.
 *
 * <pre>{@code
 * try (JShellEngine engine = JShellEngine.start(EngineOptions.defaults())) {
 *     ExecuteOutcome outcome = engine.execute("1 + 1", io);   // Success with text/plain "2"
 * }
 * }</pre>
 *
 * <p>Threading: as {@link Engine} says — one shell thread calls everything except {@link #interrupt()}
 * (and {@link #close()}, which the kernel may call from its shutdown thread). After a kill the reply does
 * not wait for the new agent: it starts in the background, and every later call waits for it.
 */
public final class JShellEngine implements Engine {

    private static final System.Logger LOG = System.getLogger("netlab.engine");
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netlab-interrupt-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final EngineOptions options;
    private final CellOutput output = new CellOutput();
    private final SnippetOrigins origins = new SnippetOrigins();
    /** The session cells run in; after a kill, the next one is built in the background (see SessionSlot). */
    private final SessionSlot<Session> sessions = new SessionSlot<>(JShellEngine::closeSession);
    private long cellSerial;
    private volatile RunningCell running;
    private final CellLimits limits = CellLimits.fromEnvironment(System.getenv());
    private final Magics magics = Magics.standard();
    /** Kept across agent restarts: the lessons do not change, and their parsed javadoc is reused. */
    private final LessonsJavadoc lessonsJavadoc;
    /** The student's language: the notebook's at start, then %lang's. */
    private final SessionLanguage language;

    /** One JShell and the agent it runs code in; replaced as a whole on restart. */
    private record Session(JShell shell, AgentExecutionProvider provider, KernelExecutionControl control,
                           CellSplitter splitter, CodeAssist assist, DeclarationPlanner declarations) {
    }

    /** The cell being executed, as seen by {@link #interrupt()}. */
    private static final class RunningCell {
        volatile boolean interrupted;
        volatile boolean killedAfterInterrupt;
        volatile java.time.Duration timedOutAfter;
        volatile boolean done;
        /** System.nanoTime() of the first interrupt, or 0. */
        volatile long interruptedAt;
    }

    /** How often the engine asks whether an interrupted cell's threads have ended. */
    private static final long STILL_RUNNING_POLL_MILLIS = 20;
    /** How long a killed agent may take to die; SIGKILL normally takes milliseconds. */
    private static final java.time.Duration KILL_WAIT = java.time.Duration.ofSeconds(2);

    private JShellEngine(EngineOptions options) {
        this.options = options;
        this.lessonsJavadoc = LessonsJavadoc.on(options.studentClasspath());
        this.language = new SessionLanguage(options.language());
    }

    /** Starts an engine: its first agent JVM and JShell, with the startup snippets run. */
    public static JShellEngine start(EngineOptions options) throws IOException {
        JShellEngine engine = startInBackground(options);
        if (engine.sessions.await() == null) {
            throw asIOException(engine.sessions.failure());
        }
        return engine;
    }

    /**
     * An engine whose first agent JVM and JShell start on their own thread: returns at once, so the Jupyter
     * kernel answers {@code kernel_info} while they start (a student opens a notebook and reads before running
     * a cell), and the first call that needs the session waits for it. A start that fails is reported by the
     * first cell and retried, as after a failed restart.
     */
    public static JShellEngine startInBackground(EngineOptions options) {
        JShellEngine engine = new JShellEngine(options);
        engine.sessions.begin(engine::newSession);
        return engine;
    }

    private static IOException asIOException(Exception failure) {
        return failure instanceof IOException io ? io
                : new IOException("JShell could not start: " + failure, failure);
    }

    /** Starts an agent and a JShell on it; runs on the slot's restart thread, so it touches no cell state. */
    private Session newSession() throws IOException {
        AgentExecutionProvider provider = new AgentExecutionProvider(options, output);
        JShell shell;
        try {
            shell = JShell.builder()
                    .executionEngine(provider, Map.of())
                    .compilerOptions("--class-path", options.studentClasspathString())
                    .build();
        } catch (IllegalStateException e) {
            IOException failure = provider.startFailure();
            throw failure != null ? failure : new IOException("JShell could not start: " + e.getMessage(), e);
        }
        Session s = new Session(shell, provider, provider.control(), new CellSplitter(shell.sourceCodeAnalysis()),
                new CodeAssist(shell, lessonsJavadoc, language::get),
                new DeclarationPlanner(DeclarationBatch.on(shell)));
        for (String snippet : options.startup()) {
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                    LOG.log(System.Logger.Level.WARNING, "startup snippet failed: " + snippet.strip()
                            + (e.exception() != null ? " threw " + e.exception() : " did not compile: "
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList()));
                }
            }
        }
        if (language.get() != options.language()) { // %lang changed it after the agent's -Dnetlab.lang
            shell.eval(SessionLanguage.agentSnippet(language.get()));
        }
        if (options.warmCompletion()) {
            s.assist().warmUp();
            warmCellPath(shell);
        }
        output.drain();
        return s;
    }

    /**
     * Runs a throwaway expression and drops its variable, so a student's first cell does not pay for the
     * first compile of an expression snippet and the first value sent back by the agent (javac's and the
     * agent's classes are loaded and initialised while the student still reads the notebook).
     */
    private static void warmCellPath(JShell shell) {
        for (SnippetEvent e : shell.eval("\"warm\".length() + 1")) {
            if (e.snippet() instanceof VarSnippet v && shell.status(v).isActive()) {
                shell.drop(v);
            }
        }
    }

    /**
     * Kills {@code old}'s agent and starts building a fresh agent and JShell in the background. Returns once
     * the old agent is dead, so the reply saying "variables were reset" need not wait for the new JVM; every
     * later use of the session {@linkplain SessionSlot#await() waits} for it. False if the engine is closed:
     * then nothing new is started.
     */
    private boolean restartInBackground(Session old) {
        AgentProcess agent = old.control().agent();
        agent.kill();
        agent.awaitExit(KILL_WAIT);
        // the dead agent's last output goes to its cell; the new agent's startup output belongs to no cell
        output.attach(CellOutput.DISCARD);
        origins.clear();
        boolean started = sessions.begin(() -> {
            old.shell().close();
            return newSession();
        });
        if (!started) {
            old.shell().close();
        }
        return started;
    }

    /**
     * The session to run a cell in: waits for a restart under way; if the agent died after the last cell, or
     * the last restart failed, restarts now and tells the student in {@code io}.
     *
     * @throws UncheckedIOException if no agent could be started
     */
    private Session readySession(CellIO io) {
        Session s = sessions.await();
        if (s != null && !s.control().terminated()) {
            return s;
        }
        String what;
        boolean started;
        if (s == null) {
            what = "could not be started";
            origins.clear();
            started = sessions.begin(this::newSession);
        } else {
            what = describeDeath(s);
            started = restartInBackground(s);
        }
        if (!started) {
            throw new UncheckedIOException(new IOException("the kernel is shutting down"));
        }
        s = sessions.await();
        if (s == null) {
            throw new UncheckedIOException(asIOException(sessions.failure()));
        }
        io.stderr("netlab: The Java process running your code " + what
                + " after the last cell; variables were reset.\n");
        return s;
    }

    private static void closeSession(Session s) {
        s.shell().close();
        s.control().agent().close();
    }

    /** The agent's process id, for tests and diagnostics; waits for a restart under way. */
    public long agentPid() {
        Session s = sessions.await();
        if (s == null) {
            throw new IllegalStateException("no agent is running: " + sessions.failure());
        }
        return s.control().agent().pid();
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        RunningCell cell = new RunningCell();
        long serial = ++cellSerial;
        // set before waiting for a restart, so an interrupt (or the grader's step timeout) during the wait counts
        running = cell;
        try {
            Session session = readySession(io);
            output.attach(io);
            session.assist().forgetSignatures(); // the cell may redeclare what completions showed
            TempVariables.dropAllButLatest(session.shell(), TempVariables.KEPT);
            Magics.Split split = Magics.split(code);
            CellPlan plan = new CellPlan();
            for (String line : split.magicLines()) {
                try {
                    io.stdout(magics.run(line, magicContext(session, plan)));
                } catch (IllegalArgumentException e) {
                    return new ExecuteOutcome.Failure("MagicError", e.getMessage(),
                            List.of("\u001b[0;31mMagicError: " + e.getMessage() + "\u001b[0m"));
                }
            }
            if (plan.exitAsked()) {
                io.askExit();
            }
            if (plan.resetAsked()) {
                if (!restartInBackground(session)) {
                    throw new UncheckedIOException(new IOException("the kernel is shutting down"));
                }
                session = readySession(io);
                output.attach(io);
            }
            code = plan.loaded() + split.code();
            if (!split.magicLines().isEmpty() && code.isBlank()) {
                return ExecuteOutcome.Success.empty();
            }
            KernelExecutionControl control = session.control();
            control.clearStop();
            String key = cellKey(code, io);
            for (String released : control.beginCell(key, limits.outputLimit())) {
                io.stderr("netlab: " + released + " that this cell opened last time\n");
            }
            java.time.Duration timeout = limits.timeout();
            java.util.concurrent.ScheduledFuture<?> timer = timeout == null ? null : WATCHDOG.schedule(() -> {
                if (!cell.done) {
                    cell.timedOutAfter = timeout;
                    interrupt();
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            long wallStart = System.nanoTime();
            java.time.Duration cpuStart = plan.timed() ? TimeCellMagic.cpuOf(control.agent().pid()) : null;
            try {
                ExecuteOutcome outcome = run(session, code, serial, cell);
                if (plan.timed()) {
                    java.time.Duration cpuEnd = control.terminated() ? null : TimeCellMagic.cpuOf(control.agent().pid());
                    io.stdout(TimeCellMagic.report(java.time.Duration.ofNanos(System.nanoTime() - wallStart),
                            cpuStart == null || cpuEnd == null ? null : cpuEnd.minus(cpuStart)));
                }
                if (outcome instanceof ExecuteOutcome.Interrupted && !control.terminated()) {
                    // the stop may have come between two invokes, when the agent had nothing to stop
                    control.closeResources("cell:" + key);
                    outcome = unlessStillRunning(session, key, cell, outcome);
                }
                if (!(outcome instanceof ExecuteOutcome.EngineRestarted) && !control.terminated()) {
                    noteDroppedOutput(control.endCell(), io);
                }
                return outcome;
            } finally {
                if (timer != null) {
                    timer.cancel(false);
                }
            }
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.ERROR, "agent restart failed", e);
            return new ExecuteOutcome.EngineRestarted("The Java process running your code could not be "
                    + "restarted (" + e.getCause().getMessage().lines().findFirst().orElse("") + "); "
                    + "netlab will try again with the next cell.");
        } finally {
            cell.done = true;
            running = null;
            output.drain();
        }
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
        KernelExecutionControl control = session.control();
        return new MagicContext(limits, control::resources, control::closeResources, session.shell(),
                options.startup(), plan, language, lang -> {
                    language.set(lang);
                    session.shell().eval(SessionLanguage.agentSnippet(lang));
                });
    }

    private void noteDroppedOutput(long dropped, CellIO io) {
        if (dropped > 0) {
            io.stderr("\nnetlab: output over the " + OutputLimitMagic.format(limits.outputLimit())
                    + " limit per cell was dropped (" + OutputLimitMagic.format(dropped) + " more). "
                    + "Raise the limit with %output_limit 50MB or the NETLAB_OUTPUT_LIMIT environment variable.\n");
        }
    }

    private ExecuteOutcome run(Session session, String code, long serial, RunningCell cell) {
        List<Piece> pieces = session.splitter().splitAndGroup(code);
        // runs of declarations compile together; each still yields its own snippet's events, in order
        DeclarationPlanner.Plan declarations = session.declarations().plan(pieces);
        Optional<MimeBundle> value = Optional.empty();
        for (int i = 0; i < pieces.size(); i++) {
            if (cell.interrupted) {
                return interrupted(cell);
            }
            Piece piece = pieces.get(i);
            if (!piece.complete()) {
                return ErrorReports.compileError(code, List.of(new ErrorReports.CellDiagnostic(code.length(),
                        CompileExplainer.INCOMPLETE, "reached end of file while parsing")), explainer(session, code));
            }
            boolean last = i == pieces.size() - 1;
            List<SnippetEvent> events;
            boolean shellClosed = false;
            try {
                events = declarations.events(i, () -> cell.interrupted || session.control().lastInvokeStopped())
                        .orElseGet(() -> session.shell().eval(piece.source()));
            } catch (IllegalStateException e) {
                // JShell closes itself when its engine terminates (the agent died while loading classes).
                events = List.of();
                shellClosed = true;
            }
            output.drain();
            KernelExecutionControl control = session.control();
            if (shellClosed || control.terminated()) {
                String message;
                if (cell.killedAfterInterrupt) {
                    message = (cell.timedOutAfter != null ? "The cell ran longer than its "
                            + cell.timedOutAfter.toSeconds() + " s timeout and " : "The cell ")
                            + "did not stop within " + graceText() + " of the interrupt, so its Java process"
                            + " was restarted; variables were reset.";
                } else {
                    message = "The Java process running your code " + describeDeath(session)
                            + "; variables were reset.";
                }
                restartInBackground(session);
                return new ExecuteOutcome.EngineRestarted(message);
            }
            if (control.lastInvokeStopped() || cell.interrupted) {
                return interrupted(cell);
            }
            ExecuteOutcome failure = failureOf(session, code, serial, piece, events);
            if (failure != null) {
                return failure;
            }
            if (last && !piece.endsWithSemicolon()) {
                value = shownValue(session, events);
            }
        }
        return new ExecuteOutcome.Success(value);
    }

    /**
     * {@code interrupted}, once everything the stopped and released cell started has ended. A thread blocked on
     * a monitor (a deadlock) is deaf to interrupts and closed sockets: if the agent finds the cell's remaining
     * threads deadlocked, or any still runs when the grace period after the interrupt is over, the agent is
     * killed and restarted instead of replying "interrupted" while the code still runs. Threads a release did
     * end (an accept() whose socket was closed) end within milliseconds and cost one or two questions.
     */
    private ExecuteOutcome unlessStillRunning(Session session, String key, RunningCell cell,
                                              ExecuteOutcome interrupted) {
        KernelExecutionControl control = session.control();
        long from = cell.interruptedAt != 0 ? cell.interruptedAt : System.nanoTime();
        long deadline = from + options.interruptGrace().toNanos();
        String[] answer = control.liveThreads(key);
        if (answer == null) {
            return interrupted; // the agent is gone: the next cell restarts it and says how it died
        }
        StillRunning left = StillRunning.parse(answer);
        while (!left.none() && !left.allDeadlocked() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(STILL_RUNNING_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = control.liveThreads(key);
            if (answer == null) {
                break; // the watchdog killed the agent at the end of the grace period: keep what we saw
            }
            left = StillRunning.parse(answer);
        }
        if (left.none()) {
            return interrupted;
        }
        LOG.log(System.Logger.Level.INFO, "cell left threads running after its interrupt; killing agent "
                + control.agent().pid() + ": " + left.what());
        restartInBackground(session);
        return new ExecuteOutcome.EngineRestarted(left.sentence(cell.timedOutAfter, graceText()));
    }

    private static ExecuteOutcome interrupted(RunningCell cell) {
        java.time.Duration t = cell.timedOutAfter;
        if (t != null) {
            return new ExecuteOutcome.Interrupted("The cell ran longer than its " + t.toSeconds() + " s timeout "
                    + "(%timeout, NETLAB_CELL_TIMEOUT) and was stopped; variables defined before it still exist.");
        }
        return new ExecuteOutcome.Interrupted("Interrupted: the cell was stopped; "
                + "variables defined before it still exist.");
    }

    private String graceText() {
        long ms = options.interruptGrace().toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private String describeDeath(Session s) {
        AgentProcess agent = s.control().agent();
        agent.awaitExit(java.time.Duration.ofSeconds(2));
        return agent.describeDeath();
    }

    /** The failure of this piece's evaluation, or null; records where its snippets came from. */
    private ExecuteOutcome failureOf(Session session, String code, long serial, Piece piece,
                                     List<SnippetEvent> events) {
        int firstLine = SnippetOrigins.lineOf(code, piece.start());
        List<ErrorReports.CellDiagnostic> errors = new ArrayList<>();
        JShellException exception = null;
        for (SnippetEvent e : events) {
            Snippet snippet = e.snippet();
            if (e.causeSnippet() != null) {
                continue;
            }
            origins.record(snippet.id(), serial, firstLine);
            if (e.status() == Snippet.Status.REJECTED) {
                session.shell().diagnostics(snippet).filter(Diag::isError).forEach(d -> errors.add(
                        new ErrorReports.CellDiagnostic(piece.cellOffset((int) position(d)), d.getCode(),
                                d.getMessage(null))));
                if (errors.isEmpty()) {
                    errors.add(new ErrorReports.CellDiagnostic(piece.start(), CompileExplainer.INVALID, ""));
                }
            } else if (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                output.io().stderr(UnresolvedNotes.note(session.shell(), snippet, e.status(), language.get()) + "\n");
            }
            if (e.status() == Snippet.Status.VALID) {
                StringComparison.note(snippet.source(), firstLine, session.shell(), language.get())
                        .ifPresent(note -> output.io().stderr(note + "\n"));
            }
            if (e.exception() != null && exception == null) {
                exception = e.exception();
            }
        }
        if (!errors.isEmpty()) {
            return ErrorReports.compileError(code, errors, explainer(session, code));
        }
        if (exception != null) {
            return ErrorReports.runtimeError(exception, origins, serial, language.get());
        }
        return null;
    }

    /** Explains compile errors of {@code code} in the student's language, suggesting names the session knows. */
    private CompileExplainer explainer(Session session, String code) {
        return new CompileExplainer(language.get(), (offset, prefix) -> session.assist().namesAt(code, offset, prefix));
    }

    private static long position(Diag d) {
        long p = d.getPosition();
        return p >= 0 ? p : Math.max(0, d.getStartPosition());
    }

    /** The value an expression snippet shows: rich when it is {@code Displayable}. */
    private Optional<MimeBundle> shownValue(Session session, List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null || e.value() == null || e.exception() != null) {
                continue;
            }
            Snippet.SubKind kind = e.snippet().subKind();
            boolean expression = kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    || kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                    || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
            if (!expression || (e.snippet() instanceof VarSnippet v && v.typeName().equals("void"))) {
                continue;
            }
            String[] rich = session.control().lastValueBundle();
            if (rich != null && rich.length >= 2) {
                Map<String, String> data = new LinkedHashMap<>();
                for (int i = 0; i + 1 < rich.length; i += 2) {
                    data.put(rich[i], rich[i + 1]);
                }
                return Optional.of(new MimeBundle(data, Map.of()));
            }
            return Optional.of(MimeBundle.text(e.value()));
        }
        return Optional.empty();
    }

    /**
     * Drops every variable and type the cells declared under one of {@code names}, and returns the names
     * dropped. The grader calls it with {@code netlab} and {@code java}, so a student's {@code class netlab}
     * or {@code var java} cannot take the place of the packages its check snippet names.
     */
    public java.util.Set<String> dropDeclarations(java.util.Set<String> names) {
        Session s = sessions.await();
        java.util.Set<String> dropped = new java.util.TreeSet<>();
        if (s == null) {
            return dropped;
        }
        List<jdk.jshell.PersistentSnippet> doomed = new ArrayList<>();
        s.shell().variables().filter(v -> names.contains(v.name())).forEach(doomed::add);
        s.shell().types().filter(t -> names.contains(t.name())).forEach(doomed::add);
        for (jdk.jshell.PersistentSnippet p : doomed) {
            s.shell().drop(p);
            dropped.add(p.name());
        }
        return dropped;
    }

    @Override
    public Completion complete(String code, int cursor) {
        Session s = sessions.await();
        return s == null ? Completion.none(cursor) : s.assist().complete(code, cursor);
    }

    @Override
    public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
        Session s = sessions.await();
        return s == null ? Optional.empty() : s.assist().inspect(code, cursor, detailLevel);
    }

    @Override
    public IsComplete isComplete(String code) {
        Magics.Split split = Magics.split(code); // magics and JShell commands are complete lines
        if (!split.magicLines().isEmpty() && split.code().isBlank()) {
            return IsComplete.of(IsComplete.Status.COMPLETE);
        }
        Session s = sessions.await();
        return s == null ? IsComplete.of(IsComplete.Status.UNKNOWN) : s.assist().isComplete(split.code());
    }

    @Override
    public ExecuteOutcome evaluate(String expression) {
        return execute(expression, CellOutput.DISCARD);
    }

    @Override
    public void interrupt() {
        RunningCell cell = running;
        if (cell == null) {
            return;
        }
        if (cell.interruptedAt == 0) {
            cell.interruptedAt = System.nanoTime();
        }
        cell.interrupted = true;
        Session s = sessions.current();
        if (s == null) {
            return; // the cell waits for a restart: it sees cell.interrupted before running anything
        }
        s.control().requestStop();
        WATCHDOG.schedule(() -> {
            if (!cell.done) {
                LOG.log(System.Logger.Level.INFO, "cell did not stop within " + graceText() + "; killing agent "
                        + s.control().agent().pid());
                cell.killedAfterInterrupt = true;
                s.control().agent().kill();
            }
        }, options.interruptGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public LanguageFacts languageFacts() {
        return new LanguageFacts("java", System.getProperty("java.version"), "text/x-java-source", ".jshell",
                "java", "java",
                "netlab — Java " + System.getProperty("java.version") + " with JShell; code runs in its own process",
                List.of(new LanguageFacts.HelpLink("Java SE 25 API",
                                "https://docs.oracle.com/en/java/javase/25/docs/api/index.html"),
                        new LanguageFacts.HelpLink("JShell guide",
                                "https://docs.oracle.com/en/java/javase/25/jshell/introduction-jshell.html")));
    }

    @Override
    public void close() {
        // a restart under way is waited for, so its new agent is killed before the kernel exits
        sessions.close(options.agentStartTimeout().plusSeconds(30));
    }
}
