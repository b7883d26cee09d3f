package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.Test;

/**
 * A session's start: JShell compiles the startup snippets while the agent JVM boots
 * ({@link StartingExecutionControl}), and what it compiled then is in the agent once a cell runs.
 */
class SessionStartIT {

    @Test
    void declarationsCompiledWhileTheAgentBootsAreLoadedIntoItInOrder() {
        EngineOptions options = EngineOptions.defaults().toBuilder().startup(List.of(
                "import java.util.concurrent.TimeUnit;",
                "class Box { int v = 7; }",
                "int twice(int x) { return 2 * x; }",
                "record Pair(int a, Box b) { int sum() { return a + b.v; } }")).build();
        try (JShellEngine engine = JShellEngine.startInBackground(options)) {
            ExecuteOutcome outcome = engine.execute("twice(new Pair(1, new Box()).sum()) + TimeUnit.SECONDS.toMillis(1)",
                    new RecordingIO());
            ExecuteOutcome.Success success = assertInstanceOf(ExecuteOutcome.Success.class, outcome,
                    () -> "expected success, got " + outcome);
            assertEquals("1016", success.result().map(MimeBundle::plainText).orElse(""));
        }
    }

    @Test
    void aRestartedSessionHasItsStartupDeclarationsToo() throws Exception {
        EngineOptions options = EngineOptions.defaults().toBuilder()
                .startup(List.of("int startedWith = 41;", "int next() { return startedWith + 1; }")).build();
        try (JShellEngine engine = JShellEngine.start(options)) {
            long first = engine.agentPid();
            engine.execute("System.exit(3)", new RecordingIO());
            RecordingIO io = new RecordingIO();
            ExecuteOutcome outcome = engine.execute("next()", io);
            ExecuteOutcome.Success success = assertInstanceOf(ExecuteOutcome.Success.class, outcome,
                    () -> "expected success, got " + outcome + " " + io.err);
            assertEquals("42", success.result().map(MimeBundle::plainText).orElse(""));
            org.junit.jupiter.api.Assertions.assertNotEquals(first, engine.agentPid());
        }
    }
}
