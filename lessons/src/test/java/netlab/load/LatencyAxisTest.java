package netlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LatencyAxisTest {

    @Test
    void spansFiftyMicrosecondsToThirtySecondsWithEveryPowerOfTenEquallyApart() {
        assertEquals(0, LatencyAxis.position(0.05), 1e-9);
        assertEquals(1, LatencyAxis.position(30_000), 1e-9);
        assertEquals(0, LatencyAxis.position(0.001), 1e-9, "a latency below the axis sits at its start");
        double decade = LatencyAxis.position(10) - LatencyAxis.position(1);
        assertEquals(decade, LatencyAxis.position(1000) - LatencyAxis.position(100), 1e-9);
        assertEquals(LatencyAxis.position(10), LatencyAxis.position(Duration.ofMillis(10)), 1e-9);
    }

    @Test
    void labelsItsTicks() {
        assertEquals(List.of("0.1 ms", "1 ms", "10 ms", "100 ms", "1 s", "10 s"),
                Arrays.stream(LatencyAxis.TICKS_MS).mapToObj(LatencyAxis::label).toList());
    }

    @Test
    void aSweepPointOfTenMillisecondsLiesOnTheTenMillisecondTick() {
        LoadReport run = new LoadReport("echo", 4, 10, Duration.ZERO, 40, 0, Duration.ofSeconds(1),
                Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(12), 4, 5, 50L << 20, 0.5, java.util.Optional.empty());
        String svg = new Sweep(List.of(run)).svg();
        Matcher tick = Pattern.compile(
                "<text x=\"\\d+\" y=\"([\\d.]+)\" text-anchor=\"end\" fill=\"#666\">10 ms</text>").matcher(svg);
        Matcher p99 = Pattern.compile(
                "<circle cx=\"[\\d.]+\" cy=\"([\\d.]+)\" r=\"3\" fill=\"#dc322f\"/>").matcher(svg);
        assertTrue(tick.find() && p99.find(), svg);
        // the tick's label is drawn 4 px below its line
        assertEquals(Double.parseDouble(tick.group(1)) - 4, Double.parseDouble(p99.group(1)), 0.11, svg);
    }
}
