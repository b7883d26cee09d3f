package netlab.kernel.jshell;

import java.util.List;
import netlab.agent.Control;
import netlab.text.Lang;
import netlab.text.Text;

/** {@code %resources}: the sockets, threads and executors cells opened that are still open, and their cell. */
final class ResourcesMagic implements Magic {

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public String run(String args, MagicContext context) {
        Magic.noArguments(name(), args);
        List<Control.OpenResource> open = context.ask().apply(new Control.ListOpen()) instanceof Control.Open o
                ? o.resources() : List.of();
        Lang lang = context.language().get();
        if (open.isEmpty()) {
            return Text.in(lang, "magic.resources.none") + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (Control.OpenResource r : open) {
            b.append(Text.in(lang, "magic.resources.cell", EngineText.resource(lang, r.resource()),
                            context.cellLabel().apply(r.cellKey())))
                    .append('\n');
        }
        return b.append(Text.in(lang, "magic.resources.hint")).append('\n').toString();
    }
}
