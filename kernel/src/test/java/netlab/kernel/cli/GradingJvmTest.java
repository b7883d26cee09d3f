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
}
