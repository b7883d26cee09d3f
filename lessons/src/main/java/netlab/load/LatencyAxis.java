package netlab.load;

import java.time.Duration;

/**
 * The latency axis {@link Comparison} and {@link Sweep} draw on: logarithmic from 50 µs to 30 s, since the server
 * models differ a hundredfold and more, with a tick at every power of ten from 0.1 ms to 10 s.
 */
final class LatencyAxis {

    private static final double LOWEST_MS = 0.05;
    private static final double LOG_LOW = Math.log10(LOWEST_MS);
    private static final double LOG_HIGH = Math.log10(30_000);
    /** Where the axis has a tick and a label. */
    static final double[] TICKS_MS = {0.1, 1, 10, 100, 1000, 10_000};

    private LatencyAxis() {
    }

    /** Where {@code ms} falls on the axis: 0 at 50 µs (and below), 1 at 30 s. */
    static double position(double ms) {
        return (Math.log10(Math.max(LOWEST_MS, ms)) - LOG_LOW) / (LOG_HIGH - LOG_LOW);
    }

    /** Where {@code latency} falls on the axis; see {@link #position(double)}. */
    static double position(Duration latency) {
        return position(latency.toNanos() / 1e6);
    }

    /** A tick's label: {@code 0.1 ms}, {@code 10 ms}, {@code 10 s}. */
    static String label(double tickMs) {
        return tickMs < 1 ? "0.1 ms" : tickMs < 1000 ? (int) tickMs + " ms" : (int) (tickMs / 1000) + " s";
    }
}
