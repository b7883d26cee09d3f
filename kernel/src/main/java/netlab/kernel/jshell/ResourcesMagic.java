package netlab.kernel.jshell;

import java.util.List;
import netlab.agent.Control;
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
        List<Control.OpenResource> open = context.openResources().get();
        if (open.isEmpty()) {
            return Text.of("magic.resources.none") + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (Control.OpenResource r : open) {
            b.append(Text.of("magic.resources.cell", r.description(), r.cellKey())).append('\n');
        }
        return b.append(Text.of("magic.resources.hint")).append('\n').toString();
    }
}
