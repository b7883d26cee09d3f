package netlab.kernel.jshell;

import java.time.Duration;

/** {@code %timeout 10} stops every following cell after 10 s as an interrupt would; {@code %timeout off}. */
final class TimeoutMagic implements Magic {

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String usage() {
        return "%timeout 10 | %timeout off — stop cells that run longer than 10 s (like an interrupt)";
    }

    @Override
    public String run(String args, MagicContext context) {
        if (args.isBlank()) {
            Duration d = context.limits().timeout();
            return d == null ? "Cells run without a timeout.\n" : "Cells stop after " + d.toSeconds() + " s.\n";
        }
        Duration d = parse(args);
        context.limits().timeout(d);
        return d == null ? "Cells run without a timeout now.\n" : "Cells stop after " + d.toSeconds() + " s now.\n";
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
        throw new IllegalArgumentException("%timeout expects whole seconds such as 10, or off; got \""
                + text.strip() + "\"");
    }
}
