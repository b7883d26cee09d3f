package netlab.kernel.jshell;

import java.util.List;
import netlab.agent.Control;
import netlab.text.Lang;
import netlab.text.Text;

/** {@code %close 7788} closes what uses that port; {@code %close all} closes everything cells opened. */
final class CloseMagic implements Magic {

    @Override
    public String name() {
        return "close";
    }

    @Override
    public String run(String args, MagicContext context) {
        Control.Request which = parse(args);
        Lang lang = context.language().get();
        List<Control.Resource> closed = context.ask().apply(which) instanceof Control.Released r ? r.what()
                : List.of();
        if (closed.isEmpty()) {
            return (which instanceof Control.ReleasePort p ? Text.in(lang, "magic.close.nothing.port", p.port())
                    : Text.in(lang, "magic.close.nothing")) + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (Control.Resource r : closed) {
            String c = EngineText.released(lang, r);
            b.append(Text.in(lang, "magic.close.done", Character.toUpperCase(c.charAt(0)) + c.substring(1)))
                    .append('\n');
        }
        return b.toString();
    }

    /** What {@code %close all} or {@code %close 7788} (a port 1–65535) asks the agent. */
    static Control.Request parse(String args) {
        String t = args.strip();
        if (t.equalsIgnoreCase("all")) {
            return new Control.ReleaseAll();
        }
        try {
            int port = Integer.parseInt(t);
            if (port > 0 && port < 65536) {
                return new Control.ReleasePort(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(Text.of("magic.close.bad", t));
    }
}
