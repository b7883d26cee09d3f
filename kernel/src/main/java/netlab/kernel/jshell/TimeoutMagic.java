package netlab.kernel.jshell;

import java.time.Duration;
import netlab.text.Text;

/** {@code %timeout 10} stops every following cell after 10 s as an interrupt would; {@code %timeout off}. */
final class TimeoutMagic implements Magic {

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String usage() {
        return Text.of("kernel.magic.timeout.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        netlab.text.Lang lang = context.language().get();
        if (args.isBlank()) {
            Duration d = context.limits().timeout();
            return (d == null ? Text.in(lang, "kernel.magic.timeout.none") : Text.in(lang, "kernel.magic.timeout.is",
                    d.toSeconds())) + "\n";
        }
        Duration d = parse(args, lang);
        context.limits().timeout(d);
        return (d == null ? Text.in(lang, "kernel.magic.timeout.none.now") : Text.in(lang, "kernel.magic.timeout.now",
                d.toSeconds())) + "\n";
    }

    /** Whole seconds ("10", "10s"), or "off"/"0" for none (null). */
    static Duration parse(String text, netlab.text.Lang lang) {
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
        throw new IllegalArgumentException(Text.in(lang, "kernel.magic.timeout.bad", text.strip()));
    }
}
