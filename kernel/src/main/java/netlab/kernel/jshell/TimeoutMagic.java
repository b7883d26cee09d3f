package netlab.kernel.jshell;

import netlab.text.Text;

import java.time.Duration;

/** {@code %timeout 10} stops every following cell after 10 s as an interrupt would; {@code %timeout off}. */
final class TimeoutMagic implements Magic {

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String run(String args, MagicContext context) {
        if (args.isBlank()) {
            Duration d = context.limits().timeout();
            return (d == null ? Text.of("magic.timeout.none") : Text.of("magic.timeout.current", d.toSeconds())) + "\n";
        }
        Duration d = parse(args);
        context.limits().timeout(d);
        return (d == null ? Text.of("magic.timeout.none.now") : Text.of("magic.timeout.current.now", d.toSeconds()))
                + "\n";
    }

    /** Whole seconds ("10", "10s"), or "off"/"0" for none (null). */
    static Duration parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("off") || t.equals("none") || t.equals("0")) {
            return null;
        }
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            long seconds = Long.parseLong(t);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(Text.of("magic.timeout.bad", text.strip()));
    }
}
