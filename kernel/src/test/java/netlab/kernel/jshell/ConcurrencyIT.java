package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import netlab.kernel.engine.ExecuteOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What chapter 4's cells need from the kernel: continuations, many virtual threads, child processes owned by their cell. */
class ConcurrencyIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .interruptGrace(Duration.ofSeconds(3)).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
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

    @Test
    void percentPercentThreadsRaisesThePlatformCapForThatCellOnly() {
        String cell = "for (int i = 0; i < 2100; i++) new Thread(() -> { try { Thread.sleep(60_000); }"
                + " catch (InterruptedException e) { } }).start();";
        try {
            run("%%threads 2200\n" + cell);
        } finally {
            run("%close all");
        }
        ExecuteOutcome outcome = engine.execute(cell, new RecordingIO());
        try {
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome, outcome::toString);
            assertTrue(f.evalue().contains("%%threads 4000"), f.evalue());
        } finally {
            run("%close all");
        }
    }
}
