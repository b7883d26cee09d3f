package netlab.net;

import java.time.Duration;

/** Short human text for durations in messages: "200 ms", "2 s", "1.5 s". */
final class Durations {

    private Durations() {
    }

    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format("%.1f s", ms / 1000.0);
    }

    /** A socket timeout in ms; a positive duration never becomes 0 (which would mean "forever"). */
    static int millis(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive, like Duration.ofSeconds(2); was " + d);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
