package netlab.kernel.jshell;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jdk.jshell.PersistentSnippet;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;
import netlab.text.Text;

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
 * <p>A facade: the session and its restarts are {@link Sessions}', one cell's life is a {@link CellRun} run
 * by {@link CellExecution}, code assist is {@link CodeAssist}'s.
 *
 * <p>Threading: as {@link Engine} says — one shell thread calls everything except {@link #interrupt()}
 * (and {@link #close()}, which the kernel may call from its shutdown thread). After a kill the reply does
 * not wait for the new agent: it starts in the background, and every later call waits for it.
 */
public final class JShellEngine implements Engine {

    /**
     * How long javac may work on a completion, an inspection or an is-complete question before it is stopped
     * (these take well under 1 s; a cell that keeps javac busy for minutes would hold the kernel).
     */
    private static final Duration ASSIST_LIMIT = Duration.ofSeconds(5);

    private final EngineOptions options;
    private final CellLimits limits;
    private final Sessions sessions;
    private final CellExecution cells;
    private final Watchdog watchdog = new Watchdog();
    /** The student's language: the banner and help links kernel_info gives a front end are in it. */
    private final SessionLanguage language;
    private long cellSerial;
    /** The cell being executed, as seen by {@link #interrupt()}. */
    private volatile CellRun running;

    private final Magics magics = Magics.standard();

    private JShellEngine(EngineOptions options) {
        this.options = options;
        this.limits = new CellLimits(options.outputLimit(), options.cellTimeout());
        SnippetOrigins origins = new SnippetOrigins();
        this.language = new SessionLanguage(options.language());
        CellOutput output = new CellOutput(new ThreadFailures(this::currentSession, origins, language), language);
        this.sessions = new Sessions(options, output, origins, language);
        this.cells = new CellExecution(sessions, output, new CellEvaluator(output, origins, language, sessions,
                new CommonPackages(sessions.packageTypes())),
                magics, limits, options, language);
    }

    /** The ready session without waiting, or null: for the thread that reads the agent's output. */
    private Session currentSession() {
        return sessions.current();
    }

    /** Starts an engine: its first agent JVM and JShell, with the startup snippets run. */
    public static JShellEngine start(EngineOptions options) throws IOException {
        JShellEngine engine = startInBackground(options);
        if (engine.sessions.await() == null) {
            throw Sessions.asIOException(engine.sessions.failure());
        }
        return engine;
    }

    /**
     * An engine whose first agent JVM and JShell start on their own thread: returns at once, so the kernel
     * binds its sockets and reads the connection file while they start; {@code kernel_info} is answered once
     * they have ({@link #awaitReady}), and every call that needs the session waits for it. A start that fails
     * is reported by the first cell and retried, as after a failed restart.
     */
    public static JShellEngine startInBackground(EngineOptions options) {
        JShellEngine engine = new JShellEngine(options);
        engine.sessions.startInBackground();
        return engine;
    }

    /**
     * The {@code java} command line (JVM and options, no main class) this engine would start its agent with:
     * the install creates the agent's AOT cache with it.
     */
    public static List<String> agentJvmCommand(EngineOptions options) {
        return AgentProcess.jvmCommand(options);
    }

    /** The agent's process id, for tests and diagnostics; waits for a restart under way. */
    public long agentPid() {
        Session s = sessions.await();
        if (s == null) {
            throw new IllegalStateException("no agent is running: " + sessions.failure());
        }
        return s.agent().pid();
    }

    /** Control round trips to the current agent so far, besides JShell's own: what a test counts per cell. */
    long controlRoundTrips() {
        return sessions.await().agent().control().roundTrips();
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        return run(code, io, null);
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io, Duration timeLimit) {
        return run(code, io, new CellRun.Limit(timeLimit, CellRun.Cause.TIME_LIMIT));
    }

    private ExecuteOutcome run(String code, CellIO io, CellRun.Limit limit) {
        long serial = ++cellSerial;
        // set before waiting for a restart, so an interrupt during the wait counts; the session's %timeout joins
        // the limit when the cell begins, after its magic lines
        CellRun run = new CellRun(serial, limit, options.interruptGrace(), options.compileLimit(), watchdog);
        running = run;
        try {
            return cells.execute(code, io, serial, run);
        } finally {
            running = null;
        }
    }

    /**
     * Drops every variable and type the cells declared under one of {@code names}, and returns the names
     * dropped. The grader calls it with {@code netlab} and {@code java}, so a student's {@code class netlab}
     * or {@code var java} cannot take the place of the packages its check snippet names.
     */
    public Set<String> dropDeclarations(Set<String> names) {
        Session s = sessions.await();
        Set<String> dropped = new TreeSet<>();
        if (s == null) {
            return dropped;
        }
        List<PersistentSnippet> doomed = new ArrayList<>();
        s.shell().variables().filter(v -> names.contains(v.name())).forEach(doomed::add);
        s.shell().types().filter(t -> names.contains(t.name())).forEach(doomed::add);
        for (PersistentSnippet p : doomed) {
            s.shell().drop(p);
            dropped.add(p.name());
        }
        return dropped;
    }

    @Override
    public Completion complete(String code, int cursor) {
        Optional<Completion> magic = magics.complete(code, cursor);
        if (magic.isPresent()) {
            return magic.get();
        }
        Session s = sessions.awaitForRequest();
        return s == null ? Completion.none(cursor)
                : CompileStop.within(watchdog, ASSIST_LIMIT, () -> s.assist().complete(code, cursor),
                        Completion.none(cursor));
    }

    @Override
    public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
        Session s = sessions.awaitForRequest();
        return s == null ? Optional.empty()
                : CompileStop.within(watchdog, ASSIST_LIMIT, () -> s.assist().inspect(code, cursor, detailLevel),
                        Optional.empty());
    }

    @Override
    public IsComplete isComplete(String code) {
        Magics.Split split = Magics.split(code); // magics and JShell commands are complete lines
        if (!split.magicLines().isEmpty() && split.code().isBlank()) {
            return IsComplete.of(IsComplete.Status.COMPLETE);
        }
        Session s = sessions.awaitForRequest();
        return s == null ? IsComplete.of(IsComplete.Status.UNKNOWN)
                : CompileStop.within(watchdog, ASSIST_LIMIT, () -> s.assist().isComplete(split.code()),
                        IsComplete.of(IsComplete.Status.UNKNOWN));
    }

    @Override
    public ExecuteOutcome evaluate(String expression) {
        return execute(expression, CellOutput.DISCARD);
    }

    @Override
    public void interrupt() {
        CellRun run = running;
        if (run != null) {
            run.interrupt();
        }
    }

    @Override
    public void awaitReady(Duration limit) {
        sessions.awaitReady(limit);
    }

    @Override
    public LanguageFacts languageFacts() {
        Lang reader = language.get();
        String version = System.getProperty("java.version");
        return new LanguageFacts("java", version, "text/x-java-source", ".jshell", "java", "java",
                Text.in(reader, "engine.banner", version),
                List.of(new LanguageFacts.HelpLink(Text.in(reader, "engine.help.api"),
                                "https://docs.oracle.com/en/java/javase/25/docs/api/index.html"),
                        new LanguageFacts.HelpLink(Text.in(reader, "engine.help.jshell"),
                                "https://docs.oracle.com/en/java/javase/25/jshell/introduction-jshell.html")));
    }

    @Override
    public void close() {
        sessions.close();
        watchdog.close();
    }
}
