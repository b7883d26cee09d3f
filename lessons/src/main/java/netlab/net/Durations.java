package netlab.net;

import java.time.Duration;
import netlab.text.Text;

/** Short human text for durations in messages: "200 ms", "2 s", "1.5 s". */
final class Durations {

    private Durations() {
    }

    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return Text.of("common.millis", ms);
        }
        return Text.of("common.seconds", ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format("%.1f", ms / 1000.0));
    }

    /** A socket timeout in ms; a positive duration never becomes 0 (which would mean "forever"). */
    static int millis(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(Text.of("net.timeout.positive", d));
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
