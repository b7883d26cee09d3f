package netlab.kernel.jshell;

import netlab.text.Text;

/** {@code %close 7788} closes what uses that port; {@code %close all} closes everything cells opened. */
final class CloseMagic implements Magic {

    @Override
    public String name() {
        return "close";
    }

    @Override
    public String usage() {
        return Text.of("kernel.magic.close.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        netlab.text.Lang lang = context.language().get();
        String which = parse(args, lang);
        String[] closed = context.close().apply(which);
        if (closed.length == 0) {
            return (which.equals("all") ? Text.in(lang, "kernel.magic.close.nothing")
                    : Text.in(lang, "kernel.magic.close.port", which)) + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (String c : closed) {
            b.append(Character.toUpperCase(c.charAt(0))).append(c.substring(1)).append(".\n");
        }
        return b.toString();
    }

    /** "all", or a port number 1–65535 as text. */
    static String parse(String args, netlab.text.Lang lang) {
        String t = args.strip();
        if (t.equalsIgnoreCase("all")) {
            return "all";
        }
        try {
            int port = Integer.parseInt(t);
            if (port > 0 && port < 65536) {
                return Integer.toString(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(Text.in(lang, "kernel.magic.close.bad", t));
    }
}
