package netlab.kernel.jshell;

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
        String[] open = context.openResources().get();
        if (open.length == 0) {
            return Text.of("magic.resources.none") + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (String line : open) {
            int tab = line.indexOf('\t');
            b.append(tab < 0 ? line : Text.of("magic.resources.cell", line.substring(0, tab), line.substring(tab + 1)))
                    .append('\n');
        }
        return b.append(Text.of("magic.resources.hint")).append('\n').toString();
    }
}
