package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent dies (exit, halt, kill -9) or runs out of memory: the engine says so and carries on. */
class AgentDeathIT {

    private JShellEngine engine;

    @BeforeEach
    void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .heap("128m")
                .startup(List.of("import netlab.display.*;", "int startupRan = 1;")).build());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private String value(String code) {
        ExecuteOutcome outcome = engine.execute(code, new RecordingIO());
        return assertInstanceOf(ExecuteOutcome.Success.class, outcome, outcome::toString)
                .result().map(MimeBundle::plainText).orElse("");
    }

    private void assertFreshAgentWorks(long oldPid) {
        assertNotEquals(oldPid, engine.agentPid());
        assertEquals("1", value("startupRan"), "startup snippets ran again");
        assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute("kept", new RecordingIO()),
                "variables were reset");
        assertEquals("42", value("6 * 7"));
    }

    /**
     * Runs {@code cell}, which ends the agent, and gives the sentence of the restart; a cell still running after a
     * minute fails the test (without {@code ExitGuard}, a shutdown hook that never returns held it for ever).
     */
    private String restartedBy(String cell, RecordingIO io) {
        ExecuteOutcome outcome = CompletableFuture.supplyAsync(() -> engine.execute(cell, io))
                .orTimeout(60, TimeUnit.SECONDS).join();
        return assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome).message();
    }

    @Test
    void systemExitRestartsAndNamesTheStatus() {
        value("int kept = 5;");
        long pid = engine.agentPid();
        RecordingIO io = new RecordingIO();
        assertEquals("The Java process running your code exited with status 3; variables were reset.",
                restartedBy("System.out.println(\"bye\");\nSystem.exit(3);", io));
        assertEquals("bye\n", io.out.toString());
        assertFreshAgentWorks(pid);
    }

    @Test
    void aShutdownHookThatNeverReturnsDoesNotHoldTheExit() {
        value("int kept = 5;");
        value("Runtime.getRuntime().addShutdownHook(new Thread(() -> { "
                + "System.out.println(\"hook ran\"); while (true) { } }));");
        long pid = engine.agentPid();
        RecordingIO io = new RecordingIO();
        long started = System.nanoTime();
        assertEquals("The Java process running your code called System.exit, but a shutdown hook registered with "
                + "Runtime.addShutdownHook was still running 2 s later, so netlab ended the process (a hook must not "
                + "loop or wait without end); variables were reset.", restartedBy("System.exit(3);", io));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
        assertEquals("hook ran\n", io.out.toString(), "what the hook printed is handed over");
        assertFreshAgentWorks(pid);
    }

    @Test
    void aShutdownHookThatEndsKeepsTheExitStatusAndWhatItPrinted() {
        value("Runtime.getRuntime().addShutdownHook(new Thread(() -> { "
                + "try { Thread.sleep(100); } catch (InterruptedException e) { } System.out.println(\"saved\"); }));");
        long pid = engine.agentPid();
        RecordingIO io = new RecordingIO();
        assertEquals("The Java process running your code exited with status 3; variables were reset.",
                restartedBy("System.exit(3);", io));
        assertEquals("saved\n", io.out.toString());
        assertFreshAgentWorks(pid);
    }

    @Test
    void runtimeHaltRestarts() {
        value("int kept = 5;");
        long pid = engine.agentPid();
        ExecuteOutcome outcome = engine.execute("Runtime.getRuntime().halt(7);", new RecordingIO());
        ExecuteOutcome.EngineRestarted r = assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome);
        assertTrue(r.message().contains("exited with status 7"), r.message());
        assertFreshAgentWorks(pid);
    }

    @Test
    void killNineDuringACellRestartsAndSaysSignal9() throws Exception {
        value("int kept = 5;");
        long pid = engine.agentPid();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try {
            killer.schedule(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly), 500,
                    TimeUnit.MILLISECONDS);
            ExecuteOutcome outcome = engine.execute("Thread.sleep(20_000);", new RecordingIO());
            ExecuteOutcome.EngineRestarted r = assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome);
            assertTrue(r.message().contains("was killed (signal 9"), r.message());
            assertTrue(r.message().endsWith("variables were reset."), r.message());
        } finally {
            killer.shutdownNow();
        }
        assertFreshAgentWorks(pid);
    }

    @Test
    void deathBetweenCellsIsReportedOnTheNextCell() throws Exception {
        value("int kept = 5;");
        long pid = engine.agentPid();
        ProcessHandle agent = ProcessHandle.of(pid).orElseThrow();
        agent.destroyForcibly();
        agent.onExit().get(10, TimeUnit.SECONDS);
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = engine.execute("6 * 7", io);
        assertEquals("42", assertInstanceOf(ExecuteOutcome.Success.class, outcome).result().orElseThrow().plainText());
        assertTrue(io.err.toString().contains("variables were reset"), io.err.toString());
        assertFreshAgentWorks(pid);
    }

    @Test
    void outOfMemoryInACellIsAnErrorAndTheAgentSurvives() {
        value("int kept = 5;");
        long pid = engine.agentPid();
        ExecuteOutcome outcome = engine.execute("int[][] big = new int[100_000][100_000];", new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("java.lang.OutOfMemoryError", f.ename());
        assertEquals(pid, engine.agentPid());
        assertEquals("5", value("kept"));
    }

    @Test
    void completionRightAfterARestartReplyWaitsForTheNewAgent() {
        value("int kept = 5;");
        long pid = engine.agentPid();
        assertInstanceOf(ExecuteOutcome.EngineRestarted.class, engine.execute("System.exit(0);", new RecordingIO()));
        var completion = engine.complete("Strin", 5);
        assertTrue(completion.matches().stream().anyMatch(m -> m.text().equals("String")), completion::toString);
        assertFreshAgentWorks(pid);
    }

    @Test
    void anInterruptWhileTheNextCellWaitsForTheRestartStopsItBeforeItRuns() throws Exception {
        engine.close();
        // a startup snippet that takes 2 s makes every restart take that long, so the wait below is certain
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder().heap("128m")
                .startup(List.of("int startupRan = 1;", "Thread.sleep(2_000);")).build());
        value("int kept = 5;");
        long pid = engine.agentPid();
        assertInstanceOf(ExecuteOutcome.EngineRestarted.class, engine.execute("System.exit(0);", new RecordingIO()));
        RecordingIO io = new RecordingIO();
        CompletableFuture<ExecuteOutcome> next = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> next.complete(
                engine.execute("System.out.println(\"ran\"); Thread.sleep(60_000);", io)));
        // interrupts for 1.5 s, all inside the restart's 2 s: however late the cell's thread starts in that time
        for (int i = 0; i < 150 && !next.isDone(); i++) {
            engine.interrupt();
            Thread.sleep(10);
        }
        for (int i = 0; i < 1000 && !next.isDone(); i++) { // 10 s; then end a cell the interrupts missed, and fail
            Thread.sleep(10);
        }
        for (int i = 0; i < 3000 && !next.isDone(); i++) {
            engine.interrupt();
            Thread.sleep(10);
        }
        assertInstanceOf(ExecuteOutcome.Interrupted.class, next.get(10, TimeUnit.SECONDS));
        assertFalse(io.out.toString().contains("ran"), "the cell ran although it was stopped while waiting: " + io.out);
        assertFreshAgentWorks(pid);
    }

    @Test
    void closingRightAfterARestartReplyLeavesNoAgent() throws InterruptedException {
        long old = engine.agentPid();
        Set<Long> before = agents().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertInstanceOf(ExecuteOutcome.EngineRestarted.class, engine.execute("System.exit(0);", new RecordingIO()));
        ProcessHandle fresh = null;
        for (int i = 0; i < 3000 && fresh == null; i++) { // the restart spawns it first thing; 30 s at most
            fresh = agents().filter(p -> !before.contains(p.pid())).findFirst().orElse(null);
            Thread.sleep(10);
        }
        assertNotNull(fresh, "no new agent process appeared");
        engine.close();
        assertFalse(fresh.isAlive(), "the agent started by the restart outlived close()");
        assertFalse(ProcessHandle.of(old).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Agent JVMs this JVM started (other test classes' engines among them). */
    private static Stream<ProcessHandle> agents() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("netlab.agent.AgentMain"));
    }

    @Test
    void agentThatCannotStartGivesAClearError() {
        EngineOptions broken = EngineOptions.defaults().toBuilder().heap("banana")
                .agentStartTimeout(Duration.ofSeconds(10)).build();
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> JShellEngine.start(broken));
        assertTrue(e.getMessage().contains("did not start"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid maximum heap size"), e.getMessage());
    }
}
