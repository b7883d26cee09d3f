package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingJvmTest {

    @Test
    void onlyGradeAsksForItsOptionsAndTheEnvironmentCanChangeThem() {
        assertEquals(List.of(), GradingJvm.missingOptions(List.of("run", "x.ipynb"), Map.of()));
        assertEquals(List.of(), GradingJvm.missingOptions(List.of(), Map.of()));
        assertEquals(List.of(), GradingJvm.missingOptions(List.of("grade", "subs"), Map.of(GradingJvm.OPTIONS_ENV, " ")),
                "an empty setting means: grade in this JVM");
        assertEquals(List.of("-XX:+UseSerialGC", "-Xss2m"), GradingJvm.missingOptions(List.of("grade", "subs"),
                Map.of(GradingJvm.OPTIONS_ENV, "-XX:+UseSerialGC  -Xss2m")));
        List<String> mine = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertEquals(mine.containsAll(GradingJvm.DEFAULT_OPTIONS) ? List.of() : GradingJvm.DEFAULT_OPTIONS,
                GradingJvm.missingOptions(List.of("grade", "subs"), Map.of()));
    }

    /** A JVM that, shutting down, removes a hook, as relaunch does when Ctrl-C comes as the grading JVM ends. */
    public static final class RemovesAHookWhileShuttingDown {
        public static void main(String[] args) {
            Thread other = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> GradingJvm.removeShutdownHook(other)));
        }
    }

    @Test
    void removingAHookWhileTheJvmShutsDownSaysNothing() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RemovesAHookWhileShuttingDown.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("", output, "no 'Shutdown in progress' for the teacher");
    }
}
