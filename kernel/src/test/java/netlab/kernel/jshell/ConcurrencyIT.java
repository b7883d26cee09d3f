package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
}
