package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.kernel.grading.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Interrupting cells that loop, sleep, block in accept() or swallow exceptions. */
class InterruptIT {

    private static JShellEngine engine;
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .interruptGrace(Duration.ofSeconds(3)).build());
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        timer.shutdownNow();
        engine.close();
    }

    private ExecuteOutcome runAndInterrupt(String code) {
        var pending = timer.schedule(engine::interrupt, 400, TimeUnit.MILLISECONDS);
        try {
            return engine.execute(code, new RecordingIO());
        } finally {
            pending.cancel(false);
        }
    }

    /** Runs code and interrupts it once it has printed something (so it has reached its hostile part). */
    private ExecuteOutcome runAndInterruptOnceItPrints(String code) {
        RecordingIO io = new RecordingIO();
        var pending = timer.scheduleWithFixedDelay(() -> {
            if (io.out.length() > 0) {
                engine.interrupt();
                throw new IllegalStateException("interrupted once; the timer stops repeating this");
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        try {
            return engine.execute(code, io);
        } finally {
            pending.cancel(false);
        }
    }

    private String value(String code) {
        ExecuteOutcome outcome = engine.execute(code, new RecordingIO());
        return assertInstanceOf(ExecuteOutcome.Success.class, outcome, outcome::toString)
                .result().map(MimeBundle::plainText).orElse("");
    }

    private void assertInterruptedAndAgentKept(String code) {
        value("int survivor = 11;");
        long pid = engine.agentPid();
        ExecuteOutcome outcome = runAndInterrupt(code);
        ExecuteOutcome.Interrupted i = assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertEquals("The cell was stopped; variables defined before it still exist.", i.message());
        assertEquals(pid, engine.agentPid(), "the agent was not restarted");
        assertEquals("11", value("survivor"));
        assertEquals("3", value("1 + 2"));
    }

    /** A value's toString runs on the cell's thread, as the student's other code does: an interrupt stops it. */
    @Test
    void aToStringThatNeverReturns() {
        value("record Forever(int n) { public String toString() { while (true) { } } }");
        assertInterruptedAndAgentKept("new Forever(1)");
    }

    /**
     * {@code /vars} writes every value with its {@code toString}: one that never returns is stopped as the cell's
     * code is (it ran before the cell began, where no interrupt reached it, and only a restart ended it); the
     * listing magics after it, and a {@code %timeout} on the lines above, still apply.
     */
    @Test
    @Timeout(120) // before, the listing never returned
    void aToStringThatNeverReturnsInVars() {
        value("record Spinning(int n) { public String toString() { while (true) { } } }");
        value("Object[] shelf = new Object[1];");
        value("void stock() { shelf[0] = new Spinning(2); }");
        value("stock();");
        assertInterruptedAndAgentKept("/vars");
        long pid = engine.agentPid();
        RecordingIO io = new RecordingIO();
        ExecuteOutcome limited = engine.execute("/vars\n%timeout 1", io);
        assertEquals("The cell ran longer than its 1 s timeout (%timeout, NETLAB_CELL_TIMEOUT) and was stopped;"
                        + " variables defined before it still exist.",
                assertInstanceOf(ExecuteOutcome.Interrupted.class, limited, limited::toString).message());
        assertEquals(pid, engine.agentPid(), "the agent was not restarted");
        value("%timeout off");
        value("shelf[0] = null;");
        RecordingIO listed = new RecordingIO();
        assertInstanceOf(ExecuteOutcome.Success.class, engine.execute("/vars", listed));
        assertTrue(listed.out.toString().contains("  Object[] shelf = Object[1] { null }\n"), listed.out::toString);
    }

    /**
     * javac, not student code, holds the cell: the interrupt stops the compile (CompileStop) within seconds, where
     * it would take minutes; the agent, which ran nothing, is kept with the session's variables.
     */
    @Test
    void aCellJavacWouldCompileForMinutes() {
        value("int survivor = 11;");
        long pid = engine.agentPid();
        long start = System.nanoTime();
        ExecuteOutcome outcome = runAndInterrupt(Corpus.SLOW_TO_COMPILE);
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        ExecuteOutcome.Interrupted i = assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertTrue(i.message().startsWith("The cell was stopped while Java was still compiling it")
                && i.message().contains("split such an expression into steps"), i.message());
        assertTrue(seconds < 20, "the compile ran on for " + seconds + " s after the interrupt");
        assertEquals(pid, engine.agentPid(), "the agent was not restarted");
        assertEquals("11", value("survivor"));
    }

    /**
     * Left alone, such a compile is stopped at the engine's compile limit, with no timeout on the cell: a tab a
     * student forgot would otherwise keep a core of the server busy. The same agent and variables go on.
     */
    @Test
    void aCompileLeftAloneStopsAtTheCompileLimit() throws Exception {
        JShellEngine limited = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .compileLimit(Duration.ofSeconds(4)).build());
        try {
            assertInstanceOf(ExecuteOutcome.Success.class, limited.execute("int survivor = 12;", new RecordingIO()));
            long pid = limited.agentPid();
            long start = System.nanoTime();
            ExecuteOutcome outcome = limited.execute(Corpus.SLOW_TO_COMPILE, new RecordingIO());
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            var i = assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
            assertFalse(i.timedOut(), "not the cell's time limit: " + i);
            assertTrue(i.message().startsWith("Java had been compiling the cell for over 4 s, so the cell was stopped")
                    && i.message().contains("split such an expression into steps"), i.message());
            assertTrue(seconds >= 4 && seconds < 30, "stopped after " + seconds + " s");
            assertEquals(pid, limited.agentPid(), "the agent was not restarted");
            ExecuteOutcome after = limited.execute("survivor", new RecordingIO());
            assertEquals("12", assertInstanceOf(ExecuteOutcome.Success.class, after, after::toString).result()
                    .map(MimeBundle::plainText).orElse(""));
        } finally {
            limited.close();
        }
    }

    /** The grader's step limit stops such a compile the same way, and says the limit ran out while compiling. */
    @Test
    void aTimeLimitStopsACompile() {
        value("<T> T id(T t) { return t; }");
        value("boolean b = true;");
        String slow = Corpus.SLOW_TO_COMPILE.substring(Corpus.SLOW_TO_COMPILE.indexOf("Integer slow"));
        ExecuteOutcome outcome = engine.execute(slow, new RecordingIO(), Duration.ofSeconds(1));
        ExecuteOutcome.Interrupted i = assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertTrue(i.timedOut(), i.toString());
        assertTrue(i.message().startsWith("Java was still compiling the cell when its 1 s time limit ran out"),
                i.message());
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void cpuLoop() {
        assertInterruptedAndAgentKept("while (true) { }");
    }

    @Test
    void cpuLoopInAMethod() {
        assertInterruptedAndAgentKept("long spin() { long n = 0; for (;;) n++; }\nspin()");
    }

    @Test
    void sleep() {
        assertInterruptedAndAgentKept("Thread.sleep(100_000);");
    }

    @Test
    void serverSocketAccept() {
        assertInterruptedAndAgentKept("new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()).accept();");
    }

    @Test
    void datagramReceive() {
        assertInterruptedAndAgentKept("""
                var s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                s.receive(new java.net.DatagramPacket(new byte[10], 10));""");
    }

    /** The stop closes what the stopped cell opened; a socket of an earlier cell only the interrupt unblocks. */
    @Test
    void datagramReceiveOnASocketAnEarlierCellOpened() {
        value("var earlier = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());");
        assertInterruptedAndAgentKept("earlier.receive(new java.net.DatagramPacket(new byte[10], 10));");
    }

    @Test
    void acceptOnAServerSocketAnEarlierCellOpened() {
        value("var earlierServer = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());");
        assertInterruptedAndAgentKept("earlierServer.accept();");
    }

    @Test
    void loopSwallowingExceptions() {
        assertInterruptedAndAgentKept("for (;;) { try { Thread.sleep(1); } catch (Exception e) { } }");
    }

    @Test
    void laterStatementsOfTheCellDoNotRun() {
        RecordingIO io = new RecordingIO();
        var pending = timer.schedule(engine::interrupt, 300, TimeUnit.MILLISECONDS);
        ExecuteOutcome outcome = engine.execute("Thread.sleep(100_000);\nSystem.out.println(\"after\");", io);
        pending.cancel(false);
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome);
        assertEquals("", io.out.toString());
    }

    @Test
    void cellThatIgnoresTheStopIsKilledAfterTheGracePeriod() throws Exception {
        // A stream pipeline made only of JDK code runs for ages: no stop check, deaf to interrupts.
        long pid = engine.agentPid();
        // one block, one invoke: interrupted once it printed, it is in the JDK loop, not still compiling
        ExecuteOutcome outcome = runAndInterruptOnceItPrints(
                "{ System.out.println(\"GO\"); long s = java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum(); }");
        ExecuteOutcome.EngineRestarted r = assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome,
                outcome::toString);
        assertEquals("The cell did not stop within 3 s of the interrupt, so its Java process was restarted; "
                + "variables were reset.", r.message());
        assertTrue(pid != engine.agentPid());
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void deadlockedThreadsOfTheCellGetTheAgentRestartedWithAReason() {
        value("int lost = 5;");
        long pid = engine.agentPid();
        ExecuteOutcome outcome = runAndInterruptOnceItPrints("""
                Object la = new Object(), lb = new Object();
                Thread d1 = new Thread(() -> { synchronized (la) { try { Thread.sleep(100); } catch (Exception e) { }
                    synchronized (lb) { } } }, "d1");
                Thread d2 = new Thread(() -> { synchronized (lb) { try { Thread.sleep(100); } catch (Exception e) { }
                    synchronized (la) { } } }, "d2");
                d1.start(); d2.start(); Thread.sleep(300); System.out.println("GO"); d1.join();""");
        ExecuteOutcome.EngineRestarted r = assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome,
                outcome::toString);
        assertTrue(r.message().startsWith("Interrupted, but 2 threads started by this cell were deadlocked")
                && r.message().contains("thread 'd1' (BLOCKED)") && r.message().endsWith("variables were reset."),
                r.message());
        assertTrue(pid != engine.agentPid(), "the agent was not restarted");
        assertEquals("Nothing is open.\n", output("%resources"));
        assertEquals("0", value("Thread.getAllStackTraces().keySet().stream()"
                + ".filter(t -> t.getName().matches(\"d[12]\")).count()"));
        assertTrue(engine.execute("lost", new RecordingIO()) instanceof ExecuteOutcome.Failure);
    }

    @Test
    void aThreadDeafToTheStopThatStillRunsAfterTheGraceGetsTheAgentRestarted() {
        // JDK code only: no stop check, and the interrupt is ignored; the cell's own thread stops at once
        ExecuteOutcome outcome = runAndInterruptOnceItPrints("""
                var deaf = new Thread(() -> java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum(), "deaf");
                deaf.start(); System.out.println("GO"); deaf.join();""");
        ExecuteOutcome.EngineRestarted r = assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome,
                outcome::toString);
        assertEquals("Interrupted, but 1 thread started by this cell was still running 3 s after the interrupt "
                + "(thread 'deaf' (RUNNABLE)); its Java process was restarted to end it, so variables were reset.",
                r.message());
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void virtualThreadsDeadlockedOnMonitorsAreFoundBlockedAfterTheGrace() {
        // the JVM's deadlock detection sees platform threads only: these are caught by the grace period
        // one block, so both threads start within one invoke: as separate snippets, a loaded machine can start
        // the second more than 100 ms after the first, which then takes both locks and no deadlock forms
        ExecuteOutcome outcome = runAndInterruptOnceItPrints("""
                { Object va = new Object(), vb = new Object();
                var v1 = Thread.ofVirtual().name("v1").start(() -> { synchronized (va) {
                    try { Thread.sleep(100); } catch (Exception e) { } synchronized (vb) { } } });
                var v2 = Thread.ofVirtual().name("v2").start(() -> { synchronized (vb) {
                    try { Thread.sleep(100); } catch (Exception e) { } synchronized (va) { } } });
                Thread.sleep(300); System.out.println("GO"); v1.join(); }""");
        ExecuteOutcome.EngineRestarted r = assertInstanceOf(ExecuteOutcome.EngineRestarted.class, outcome,
                outcome::toString);
        assertTrue(r.message().startsWith("Interrupted, but 2 threads started by this cell were still blocked 3 s "
                + "after the interrupt (deadlock?)"), r.message());
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void aServerThreadLeftByAFinishedCellSurvivesTheInterruptOfAnother() {
        value("""
                var echo = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                var echoThread = new Thread(() -> { var p = new java.net.DatagramPacket(new byte[64], 64);
                    try { while (true) { echo.receive(p); echo.send(p); } } catch (Exception e) { } });
                echoThread.start();""");
        long pid = engine.agentPid();
        assertInterruptedAndAgentKept("Thread.sleep(100_000);");
        assertEquals(pid, engine.agentPid());
        assertEquals("true", value("echoThread.isAlive()"));
        assertEquals("hi", value("""
                var c = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                c.setSoTimeout(5000);
                c.send(new java.net.DatagramPacket("hi".getBytes(), 2, echo.getLocalSocketAddress()));
                var back = new java.net.DatagramPacket(new byte[64], 64); c.receive(back); c.close();
                new String(back.getData(), 0, back.getLength())""").replace("\"", ""));
        engine.execute("%close all", new RecordingIO());
    }

    @Test
    void aThreadBlockedInAcceptEndsWhenTheReleaseClosesItsSocketSoTheAgentIsKept() {
        assertInterruptedAndAgentKept("""
                var blockedServer = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                var acceptor = new Thread(() -> { try { blockedServer.accept(); } catch (Exception e) { } });
                acceptor.start(); acceptor.join();""");
    }

    private String output(String code) {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = engine.execute(code, io);
        assertInstanceOf(ExecuteOutcome.Success.class, outcome, outcome::toString);
        return io.out.toString();
    }

    @Test
    void interruptWithNoCellRunningDoesNothing() {
        engine.interrupt();
        assertEquals("3", value("1 + 2"));
    }
}
