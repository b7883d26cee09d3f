package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.text.Lang;
import netlab.text.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A check's case whose answer loops ignoring interrupts (the closed socket's {@code accept()} in a loop that
 * catches its exception) is stopped when it times out, with the thread it started, while the check and the
 * agent go on; the notebook's interrupt still stops a check whose case spins. What is measured is whether the
 * answer's threads end (a dead thread burns no CPU), each waited for a bounded time, never how fast.
 */
class TimedOutCaseIT {

    /** What the answer cell declares: the first call spins and starts a thread that spins too; later calls answer right. */
    private static final String ANSWER = """
            var spinners = new java.util.concurrent.CopyOnWriteArrayList<Thread>();
            var firstCall = new java.util.concurrent.atomic.AtomicBoolean(true);
            String classOf(String ip) throws Exception {
                if (!firstCall.getAndSet(false)) {
                    int first = Integer.parseInt(ip.split("\\\\.")[0]);
                    return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : first < 240 ? "D" : "E";
                }
                var closed = new java.net.ServerSocket(0);
                closed.close();
                Thread helper = new Thread(() -> { while (true) { Thread.interrupted(); } }, "answer-helper");
                spinners.add(Thread.currentThread());
                spinners.add(helper);
                helper.start();
                System.out.println("GO");
                while (true) {
                    try {
                        closed.accept();
                    } catch (java.io.IOException e) {
                        Thread.interrupted(); // "handled"; the interrupt is swallowed with it
                    }
                }
            }
            """;
    /** Prints how many of the answer's threads are still alive, having waited up to 10 s for each to end. */
    private static final String ALIVE = "for (Thread t : spinners) t.join(10_000);\n"
            + "System.out.print(spinners.size() + \" \" + spinners.stream().filter(Thread::isAlive).count());";

    private static JShellEngine engine;
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder().language(Lang.ZH)
                .interruptGrace(Duration.ofSeconds(3)).build());
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        timer.shutdownNow();
        engine.close();
    }

    private static String out(String code) {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = engine.execute(code, io);
        assertInstanceOf(ExecuteOutcome.Success.class, outcome, () -> outcome + " " + io.err);
        return io.out.toString();
    }

    @Test
    void aTimedOutCaseThatIgnoresInterruptsIsStoppedWithTheThreadItStarted() {
        out(ANSWER);
        long pid = engine.agentPid();
        String report = out("var r = netlab.exercise.Check.evaluate(\"ip.class-of\","
                + " (netlab.course.IpExercises.ClassOf) ip -> classOf(ip));\n"
                + "var first = r.outcomes().get(0);\n"
                + "System.out.print(first.status() + \"|\" + first.message() + \"|\""
                + " + r.outcomes().stream().skip(1).map(o -> o.status().name()).distinct().toList());");
        // the check goes on with its other cases, which the later calls answer
        assertEquals("GO\nTIMED_OUT|" + Message.of("check.timeout.stopped.seconds", 2).in(Lang.ZH) + "|[PASSED]", report);
        assertEquals("2 0", out(ALIVE), "the answer's threads still run after the check");
        assertEquals(pid, engine.agentPid(), "the agent was not restarted");
    }

    @Test
    void theNotebooksInterruptStillStopsACheckWhoseCaseSpins() {
        out(ANSWER);
        long pid = engine.agentPid();
        RecordingIO io = new RecordingIO();
        var pending = timer.scheduleWithFixedDelay(() -> {
            if (io.out.indexOf("GO") >= 0) {
                engine.interrupt();
                throw new IllegalStateException("interrupted once; the timer stops repeating this");
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        ExecuteOutcome outcome;
        try {
            // a minute per case: only the interrupt ends the spinning case
            outcome = engine.execute("netlab.exercise.Check.grade(\"ip.class-of\","
                    + " (netlab.course.IpExercises.ClassOf) ip -> classOf(ip), java.time.Duration.ofMinutes(1));", io);
        } finally {
            pending.cancel(false);
        }
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, () -> outcome + " " + io.err);
        assertEquals("2 0", out(ALIVE), "the answer's threads still run after the interrupt");
        assertEquals(pid, engine.agentPid(), "the agent was not restarted");
    }
}
