package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import netlab.kernel.engine.ExecuteOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What chapter 4's cells need from the kernel: continuations, many virtual threads, child processes owned by their cell. */
class ConcurrencyIT {

    private static final int PLATFORM_CAP = 100;

    private static JShellEngine engine;

    @BeforeAll
    static void start() throws Exception {
        // a platform cap of 100, not 2000: a container's pids limit (podman's default is 2048) refuses native
        // threads before the default cap is reached, and what is tested is the cap, not the machine's limit
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .jvmOptions(List.of("-Dnetlab.threadCap=" + PLATFORM_CAP))
                .interruptGrace(Duration.ofSeconds(3)).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Runs {@code cell}, interrupting it once it has printed "GO" (so the interrupt meets what it started). */
    private static ExecuteOutcome interruptedOnceItPrintsGo(String cell, RecordingIO io) {
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        var pending = timer.scheduleWithFixedDelay(() -> {
            if (io.out.indexOf("GO") >= 0) {
                engine.interrupt();
                throw new IllegalStateException("interrupted once");
            }
        }, 50, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            return engine.execute(cell, io);
        } finally {
            pending.cancel(false);
            timer.shutdownNow();
        }
    }

    private static RecordingIO run(String code) {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = engine.execute(code, io);
        assertInstanceOf(ExecuteOutcome.Success.class, outcome, () -> outcome + " " + io.err);
        return io;
    }

    @Test
    void aContinuationYieldsAndResumesWithoutAMagic() {
        String out = run("import jdk.internal.vm.*;\n"
                + "var s = new ContinuationScope(\"s\");\n"
                + "var c = new Continuation(s, () -> { System.out.println(\"a\"); Continuation.yield(s);"
                + " System.out.println(\"b\"); });\n"
                + "c.run();\nSystem.out.println(c.isDone());\nc.run();\nSystem.out.println(c.isDone());").out.toString();
        assertEquals("a\nfalse\nb\ntrue\n", out);
    }

    /** A cell's code runs on one thread named main, as a program's does: its thread-locals last from line to cell. */
    @Test
    void aThreadLocalKeepsItsValueFromLineToLineAndCellToCell() {
        assertEquals("5 main\n", run("ThreadLocal<Integer> mine = ThreadLocal.withInitial(() -> 0);\n"
                + "mine.set(5);\n"
                + "System.out.println(mine.get() + \" \" + Thread.currentThread().getName());").out.toString());
        assertEquals("5\n", run("System.out.println(mine.get());").out.toString());
    }

    /** Chapter 4's demo: far more virtual threads than the platform-thread cap; no timing asserted (see bench/). */
    @Test
    void aHundredThousandVirtualThreadsSleepingASecondAllFinish() {
        String out = run("var done = new java.util.concurrent.atomic.AtomicInteger();\n"
                + "try (var ex = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {\n"
                + "  for (int i = 0; i < 100_000; i++) ex.submit(() -> { Thread.sleep(1000); return done.incrementAndGet(); });\n"
                + "}\n"
                + "System.out.println(done.get());").out.toString();
        assertEquals("100000\n", out);
    }

    /**
     * C10K's ten thousand, each tracked on its own (Thread.ofVirtual().start): the release must not be
     * quadratic, and they must end within the interrupt's grace period.
     */
    @Test
    void interruptingACellWithTenThousandSleepingVirtualThreadsKeepsTheAgent() {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interruptedOnceItPrintsGo("var sleepers = new java.util.ArrayList<Thread>();\n"
                + "for (int i = 0; i < 10_000; i++) sleepers.add(Thread.ofVirtual().start(() -> {"
                + " try { Thread.sleep(600_000); } catch (InterruptedException e) { } }));\n"
                + "System.out.println(\"GO\");\nfor (var t : sleepers) t.join();", io);
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, () -> outcome + " " + io.err);
        assertEquals("0", run("System.out.print(sleepers.stream().filter(Thread::isAlive).count());").out.toString());
    }

    @Test
    void percentPercentThreadsRaisesThePlatformCapForThatCellOnly() {
        String cell = "for (int i = 0; i < " + (PLATFORM_CAP + 50) + "; i++) new Thread(() -> { try {"
                + " Thread.sleep(60_000); } catch (InterruptedException e) { } }).start();";
        try {
            run("%%threads " + (PLATFORM_CAP + 100) + "\n" + cell);
        } finally {
            run("%close all");
        }
        ExecuteOutcome outcome = engine.execute(cell, new RecordingIO());
        try {
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome, outcome::toString);
            assertTrue(f.evalue().contains("%%threads " + 2 * PLATFORM_CAP), f.evalue());
        } finally {
            run("%close all");
        }
    }

    /**
     * A worker process for a cell to start: binds a loopback port, prints "pid port" (and its own child's
     * "pid port" in mode parent), then sleeps. Modes: plain; deaf (ignores SIGTERM); parent (starts a deaf
     * child that binds a port too).
     */
    static final String WORKER = """
            import os, signal, socket, subprocess, sys, time
            mode = sys.argv[1]
            if mode != "plain":
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", 0))
            s.listen()
            line = "%d %d" % (os.getpid(), s.getsockname()[1])
            if mode == "parent":
                child = subprocess.Popen([sys.executable, sys.argv[0], "deaf"], stdout=subprocess.PIPE, text=True)
                line += " " + child.stdout.readline().strip()
            print(line, flush=True)
            time.sleep(600)
            """;

    private static java.nio.file.Path workerScript;

    @BeforeAll
    static void writeWorker() throws Exception {
        workerScript = java.nio.file.Files.createTempFile("netlab-worker", ".py");
        java.nio.file.Files.writeString(workerScript, WORKER);
    }

    @AfterAll
    static void deleteWorker() throws Exception {
        java.nio.file.Files.deleteIfExists(workerScript);
    }

    /** A cell starting four workers (plain, deaf, parent of a deaf child, plain) printing "WORKER pid port ...", then GO. */
    private static String fourWorkers(String then) {
        return "var workers = new java.util.ArrayList<Process>();\n"
                + "for (String mode : new String[] {\"plain\", \"deaf\", \"parent\", \"plain\"}) {\n"
                + "  var p = new ProcessBuilder(\"python3\", \"" + workerScript + "\", mode).start();\n"
                + "  workers.add(p);\n"
                + "  System.out.println(\"WORKER \" + new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine());\n"
                + "}\n"
                + "System.out.println(\"GO\");\n" + then;
    }

    /** Pids and ports of the WORKER lines: [pid, port] pairs, five of them for four workers. */
    private static java.util.List<long[]> workers(String out) {
        java.util.List<long[]> found = new java.util.ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("WORKER ")) {
                String[] f = line.substring(7).trim().split(" ");
                for (int i = 0; i + 1 < f.length; i += 2) {
                    found.add(new long[] {Long.parseLong(f[i]), Long.parseLong(f[i + 1])});
                }
            }
        }
        return found;
    }

    /** Each process has ended (gone, or a zombie) and its port can be bound again. */
    private static void assertEndedAndPortsFree(java.util.List<long[]> workers) throws Exception {
        assertEquals(5, workers.size(), "four workers and one grandchild");
        for (long[] w : workers) {
            var h = ProcessHandle.of(w[0]);
            assertTrue(h.isEmpty() || netlab.agent.ProcessTree.ended(h.get()), "process " + w[0] + " still runs");
            try (var server = new java.net.ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), (int) w[1]));
            }
        }
    }

    @Test
    void interruptingACellEndsItsWorkerProcessesTheirChildrenAndFreesTheirPorts() throws Exception {
        String cell = fourWorkers("for (var p : workers) p.waitFor();");
        for (int run = 0; run < 2; run++) { // and a second time: re-running the cell works
            RecordingIO io = new RecordingIO();
            ExecuteOutcome outcome = interruptedOnceItPrintsGo(cell, io);
            assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, () -> outcome + " " + io.err);
            assertEndedAndPortsFree(workers(io.out.toString()));
        }
    }

    /**
     * More threads that never block than there are carriers: the next cell's own virtual thread still runs, as do
     * the cell's sleeps and a virtual thread it starts (before, it never started and the interrupt restarted the agent).
     */
    @Test
    void threadsThatNeverBlockDoNotStarveTheNextCells() {
        run("var spinning = new java.util.concurrent.atomic.AtomicBoolean(true);\n"
                + "for (int i = 0; i <= Runtime.getRuntime().availableProcessors(); i++)\n"
                + "    Thread.ofVirtual().start(() -> { long n = 0; while (spinning.get()) n++; });");
        try {
            String out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    run("Thread.sleep(50);\n"
                            + "var t = Thread.ofVirtual().start(() -> System.out.println(\"started\"));\n"
                            + "t.join();\n"
                            + "System.out.println(\"ran\");").out.toString());
            assertEquals("started\nran\n", out);
        } finally {
            engine.interrupt(); // where the cell above hung (the old agent), it ends; otherwise a no-op
            run("spinning.set(false);");
        }
    }

    @Test
    void rerunningACellEndsTheWorkersItStartedLastTime() throws Exception {
        String cell = fourWorkers("");
        RecordingIO first = run(cell);
        RecordingIO second = run(cell);
        try {
            assertEndedAndPortsFree(workers(first.out.toString()));
            assertTrue(second.err.toString().contains("ended the process"), second.err.toString());
        } finally {
            run("%close all");
        }
        assertEndedAndPortsFree(workers(second.out.toString()));
    }

    @Test
    void anAgentThatExitsTakesItsWorkersWithIt() throws Exception {
        RecordingIO io = new RecordingIO();
        engine.execute(fourWorkers("System.exit(0);"), io);
        java.util.List<long[]> workers = workers(io.out.toString());
        long deadline = System.nanoTime() + 10_000_000_000L; // the kernel ends them once it sees the agent gone
        while (System.nanoTime() < deadline && workers.stream().anyMatch(w -> ProcessHandle.of(w[0])
                .filter(h -> !netlab.agent.ProcessTree.ended(h)).isPresent())) {
            Thread.sleep(50);
        }
        assertEndedAndPortsFree(workers);
        assertEquals("3", run("1 + 2; System.out.print(3);").out.toString());
    }
}
