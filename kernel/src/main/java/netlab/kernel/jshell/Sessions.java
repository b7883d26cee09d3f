package netlab.kernel.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import netlab.agent.Control;
import netlab.kernel.engine.CellIO;
import netlab.text.Text;

/**
 * The engine's session and its restarts: builds an agent and a JShell on it, kills and replaces them, and
 * says so to the student. After a kill the new session is built in the background ({@link SessionSlot}), so
 * the reply to the killed cell need not wait for the new JVM; everything that needs it waits.
 */
final class Sessions {

    /** How long a killed agent may take to die; SIGKILL normally takes milliseconds. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    /** The warm-up's cell identity: no notebook cell has it, so nothing a cell opens is released for it. */
    private static final String WARM_UP_KEY = "netlab-warm-up";
    /**
     * javac's {@code -g}: the class files keep their local variables' names, so the JDK's text for a null in a
     * method reads {@code because "t" is null} where it would read {@code because "<parameter1>" is null}.
     */
    private static final String LOCAL_NAMES = "-g";

    private final EngineOptions options;
    private final CellOutput output;
    private final SnippetOrigins origins;
    private final LessonsJavadoc lessonsJavadoc;
    /** The student class path's packages, read once for the engine's life (a restart reads the same jars). */
    private final PackageTypes packageTypes;
    private final SessionLanguage language;
    private final SessionSlot<Session> slot = new SessionSlot<>(Sessions::closeSession);
    /**
     * Calls waiting for the session under way. Its start skips the warm-ups left once one waits: the warm-ups
     * do ahead of time what that cell (or completion) would do first anyway, so they only delay it then.
     */
    private final AtomicInteger waiting = new AtomicInteger();

    Sessions(EngineOptions options, CellOutput output, SnippetOrigins origins, SessionLanguage language) {
        this.options = options;
        this.output = output;
        this.origins = origins;
        this.language = language;
        this.lessonsJavadoc = LessonsJavadoc.on(options.studentClasspath());
        this.packageTypes = new PackageTypes(options.studentClasspath());
    }

    /** What every session's {@link ImportPruning} reads of the student class path, for others to share. */
    PackageTypes packageTypes() {
        return packageTypes;
    }

    /** Starts the first session on its own thread; returns at once. */
    void startInBackground() {
        slot.begin(this::newSession);
    }

    /** The session once a start under way has finished; null if it failed (see {@link #failure()}). */
    Session await() {
        return slot.await();
    }

    /**
     * As {@link #await()}, for a student's request (a cell, a completion): a start under way skips its warm-ups
     * left while one waits.
     */
    Session awaitForRequest() {
        waiting.incrementAndGet();
        try {
            return slot.await();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /**
     * Waits at most {@code limit} for a start under way, warm-ups included: unlike a student's request this
     * does not skip them, since what waits here (kernel_info) is followed by that request.
     */
    void awaitReady(Duration limit) {
        slot.await(limit);
    }

    /** The ready session without waiting, or null. */
    Session current() {
        return slot.current();
    }

    Exception failure() {
        return slot.failure();
    }

    static IOException asIOException(Exception failure) {
        return failure instanceof IOException io ? io
                : new IOException("JShell could not start: " + failure, failure);
    }

    /**
     * JShell's file manager with the student class path set on it once. As a {@code --class-path} compiler
     * option it was parsed, and set on the file manager, again by every javac task JShell runs (two to four
     * a cell, over 400 for a cell of 200 declarations, where javac's option processing was 7 % of the
     * kernel's time; JFR).
     */
    private static StandardJavaFileManager onStudentClasspath(StandardJavaFileManager files, EngineOptions options) {
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, options.studentClasspath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Starts an agent and a JShell on it; runs on the slot's restart thread, so it touches no cell state.
     * The agent JVM boots while this thread builds JShell and installs the imports every notebook starts with
     * ({@link PreloadedImports}, without javac; what it cannot install compiles as a snippet,
     * {@link StartingExecutionControl}); only the warm-up piece ({@link #warmCellPath}) waits for the agent.
     * <p>
     * This thread is the start's critical path (timestamps from launch to kernel_info, three starts on 2 cores):
     * JShell built in 40-65 ms, the first import 430-500 ms (javac's first task, run cold: 170-250 ms of this
     * thread's CPU, the rest waiting for a core the agent JVM's boot and the kernel's C1 compiler share), the other
     * five imports 80 ms, the warm-up 110-160 ms (100 of them javac's first expression); the agent is connected
     * 200 ms before this thread needs it. Tried against that and not kept (kernel_info, starts alternating): the C1
     * thread at nice 19 (1,280-1,356 against 1,357-1,380 ms through a traced build, noise), javac's
     * {@code --limit-modules java.se,...} (the first import 435 against 430 ms), an AOT cache without
     * {@code AOTClassLinking} (1,340 against 1,058 ms: the JVM then links javac's classes at first use).
     * <p>
     * On a quieter machine (ipykernel's kernel_info 765-917 ms; timestamps of a traced build, medians of 5-7 starts,
     * from {@code start_kernel}): the kernel's {@code main} at 157-173 ms, this thread at 168-184 ms, JShell built
     * at 204-224 ms, the first import done at 542-581 ms, the other five by 578-625 ms, the warm-up by 650-706 ms;
     * the client's {@code wait_for_ready} returns about 205 ms after that, the same for both kernels (it waits for
     * iopub to stay quiet for 0.2 s). By this thread's {@code /proc/thread-self/schedstat}, from JShell built to the
     * last import it ran 210-250 ms and waited for a core 160-190 ms; it was blocked 0-40 ms. Meanwhile the kernel's
     * C1 thread used 150-170 ms, its main thread 45 ms past {@code main} (22 of them the HMAC's provider, 14 binding
     * the sockets) and the agent JVM its boot. The agent at nice 5 or 10 did not move kernel_info (936 and 917
     * against 919 ms, 8 kernels each, alternating): what this thread waits for is not the agent's boot.
     * <p>
     * Again with the ZMTP transport (a traced build, 6 starts, load about 1): {@code main} 70-85 ms after launch (the
     * JVM's own start is 75 ms of it, 25 without the AOT cache, which loads its classes then), JShell built 30 ms
     * later, the first import done at 320-430 ms (this thread ran 130-160 ms of it, waited for a core 85-117 and
     * stood still ~30 in four young collections), the other five 45 ms later, the warm-up 60-80 ms after them. Tried
     * and not kept, kernel_info medians with the kinds in turns: the six imports as one {@link DeclarationBatch}
     * compile (494 against 500 ms, 25 starts each); {@link PackageIndex}'s seeding held back 1.5 s (534 against 530,
     * 15 each); the kernel's C1 thread and the agent at nice 19 (540 against 452, 8 each: javac ran interpreted
     * longer); {@code -Xmn12m} (536 against 543, 12 each, and 5 MB more idle); no {@code CompileThresholdScaling}
     * (456 against 463, 15 each, for 50 ms less CPU); {@code -XX:-AOTReplayTraining} (448 against 463);
     * {@code AOTAdapterCaching} and {@code AOTStubCaching} in the cache (497 against 474, 8 each). javac's
     * {@code --limit-modules java.base,java.net.http,jdk.httpserver} (what the course uses) took a lone JShell's
     * first import from 109 to 84 ms of CPU, a few percent of the start, but would refuse every other module's
     * import to a student. What moved it: the imports installed without javac ({@link PreloadedImports}), so
     * javac's first task is the warm-up's; kernel_info 445 against 515 ms (15 starts each, ipykernel 526).
     */
    private Session newSession() throws IOException {
        AgentExecutionProvider provider = AgentExecutionProvider.starting(options, output);
        PackageIndex.seed(options.studentClasspath()); // before the first sourceCodeAnalysis(): see why there
        JShell shell;
        try {
            shell = JShell.builder()
                    .executionEngine(provider, Map.of())
                    .fileManager(files -> onStudentClasspath(files, options))
                    .compilerOptions(Stream.concat(EngineOptions.JDK_EXPORTS.stream(), Stream.of(LOCAL_NAMES))
                            .toArray(String[]::new))
                    .build();
        } catch (RuntimeException e) {
            provider.close();
            throw new IOException("JShell could not start: " + e.getMessage(), e);
        }
        boolean importsNarrowed = ImportPruning.install(shell, packageTypes); // before the first snippet
        KernelExecutionControl control;
        CodeAssist assist = new CodeAssist(shell, lessonsJavadoc, language::get);
        try {
            for (String snippet : PreloadedImports.install(shell, options.startup(), packageTypes)) {
                for (SnippetEvent e : shell.eval(snippet)) {
                    if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                        EngineLog.ENGINE.log(System.Logger.Level.WARNING, "startup snippet failed: " + snippet.strip()
                                + (e.exception() != null ? " threw " + e.exception() : " did not compile: "
                                + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList()));
                    }
                }
            }
            if (language.get() != options.language()) { // %lang changed it after the agent's -Dnetlab.lang
                shell.eval(SessionLanguage.agentSnippet(language.get()));
            }
            control = provider.connected();
        } catch (IOException | RuntimeException e) {
            shell.close(); // closes the agent too, also one still starting
            IOException failure = provider.startFailure();
            throw failure != null ? failure : e instanceof IOException io ? io
                    : new IOException("JShell could not start: " + e.getMessage(), e);
        }
        Session session = new Session(shell, control, new CellSplitter(shell.sourceCodeAnalysis()), assist,
                new DeclarationPlanner(DeclarationBatch.on(shell), importsNarrowed), StaleClassFiles.of(shell),
                new PieceFrames());
        if (options.warmStart() && waiting.get() == 0) {
            warmCellPath(session);
        }
        output.drain();
        return session;
    }

    /**
     * Runs a throwaway expression the way a student's value or statement runs: the cell's {@code BeginCell} and
     * {@code EndCell} on the control connection, the splitter and {@link DirectRun}, so the first such cell does not
     * pay for their first use in both JVMs: {@code 1 + 1} sent 3 s after kernel_info answered in 34-57 ms (median 51)
     * against 55-82 ms (73) with no warm-up, 4 kernels each ({@code bench/kernel-bench}'s "first cell 3 s after
     * kernel_info": 58 against 73 ms). It also makes the agent's first load and invoke (no weaving: a value's wrapper
     * needs none, and the agent warms its weaver itself, {@code StopCheckWeaver.warmUpInBackground}). The two control
     * requests take the first cell sent as soon as kernel_info answered from 39.2 to 30.7 ms for 3 ms of kernel_info
     * (724 against 721 ms; medians of 10 kernels each, alternating, with and without them); the {@code BeginCell} is
     * answered while the piece compiles, as a cell's is, which took the warm-up from 93-95 to 80-85 ms (traces of 3
     * starts each: its first answer takes 14-16 ms, both JVMs still interpreting that path). Two more warm-ups are gone
     * since kernel_info waits for the start ({@link #awaitReady}), each costing the start more than it saved later: a
     * value through {@code JShell.eval} (the path of a declaration) added 84 ms to kernel_info (median of 5 kernels
     * each way: 769 against 685 ms) and saved 8 ms of the first declaration cell ({@code int x = 1;} 2 s after
     * kernel_info: 53 against 61 ms); a completion, which started JShell's package indexing (cheap since
     * {@link PackageIndex} seeds it), added 34 ms (8 kernels each way: 672 against 638 ms) and saved 21 ms of the first
     * completion (99 against 120 ms) and 12 ms of the first declaration.
     */
    private void warmCellPath(Session session) {
        String warm = "\"warm\".length() + 1";
        // answered before the agent loads the piece, as a cell's is (CellRun#begin)
        Runnable began = session.askBeforeNextCommand(new Control.BeginCell(0, WARM_UP_KEY, options.outputLimit(), 0),
                reply -> { });
        session.splitter().splitAndGroup(warm);
        DirectRun.evaluate(session, warm, true, true, id -> { });
        began.run();
        session.endCell();
    }

    /**
     * Kills {@code old}'s agent and starts building a fresh agent and JShell in the background. Returns once
     * the old agent is dead, so the reply saying "variables were reset" need not wait for the new JVM. False
     * if the engine is closed: then nothing new is started.
     */
    boolean restart(Session old) {
        AgentProcess agent = old.agent();
        agent.kill();
        agent.awaitExit(KILL_WAIT);
        // the dead agent's last output goes to its cell; the new agent's startup output belongs to no cell
        output.attach(CellOutput.DISCARD, 0);
        origins.clear();
        boolean started = slot.begin(() -> {
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
    Session ready(CellIO io) {
        Session s = awaitForRequest();
        if (s != null && !s.terminated()) {
            return s;
        }
        AgentDeath death;
        boolean started;
        if (s == null) {
            death = new AgentDeath.NotStarted();
            origins.clear();
            started = slot.begin(this::newSession);
        } else {
            death = deathOf(s);
            started = restart(s);
        }
        if (!started) {
            throw new UncheckedIOException(new IOException(Text.in(language.get(), "engine.shutting.down")));
        }
        s = awaitForRequest();
        if (s == null) {
            throw new UncheckedIOException(asIOException(slot.failure()));
        }
        io.stderr(EngineText.diedBefore(language.get(), death));
        return s;
    }

    /** How {@code s}'s agent died, once it has (it may still be on its way out). */
    AgentDeath deathOf(Session s) {
        s.agent().awaitExit(KILL_WAIT);
        return s.agent().death();
    }

    private static void closeSession(Session s) {
        s.shell().close();
        s.agent().close();
    }

    /** Closes the session; a restart under way is waited for, so its new agent is killed before the kernel exits. */
    void close() {
        slot.close(options.agentStartTimeout().plusSeconds(30));
    }
}
