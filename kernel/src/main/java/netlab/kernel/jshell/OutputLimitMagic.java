package netlab.kernel.jshell;

import java.util.Locale;
import netlab.text.Text;

/** {@code %output_limit 20MB}: how much output one cell may print before the rest is dropped. */
final class OutputLimitMagic implements Magic {

    @Override
    public String name() {
        return "output_limit";
    }

    @Override
    public String usage() {
        return Text.of("kernel.magic.output.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        netlab.text.Lang lang = context.language().get();
        if (!args.isBlank()) {
            context.limits().outputLimit(parse(args, lang));
        }
        long limit = context.limits().outputLimit();
        return Text.in(lang, "kernel.magic.output.is", limit == Long.MAX_VALUE
                ? Text.in(lang, "kernel.magic.output.unlimited") : format(limit)) + "\n";
    }

    /** "5MB", "500 kB", "1g", "123456" (bytes), or "off" (unlimited) to bytes. */
    static long parse(String text, netlab.text.Lang lang) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.equals("off") || t.equals("none") || t.equals("unlimited")) {
            return Long.MAX_VALUE;
        }
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1024;
                case 'm' -> unit = 1024 * 1024;
                case 'g' -> unit = 1024L * 1024 * 1024;
                default -> { }
            }
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n > 0) {
                return Math.multiplyExact(n, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new IllegalArgumentException(Text.in(lang, "kernel.magic.output.bad", text.strip()));
    }

    /** "5 MB", "512 kB", "100 bytes". */
    static String format(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024);
            return (mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " kB";
        }
        return bytes + " bytes";
    }
}
