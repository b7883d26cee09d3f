package netlab.kernel.jshell;

import netlab.text.Text;

/** {@code %resources}: the sockets, threads and executors cells opened that are still open, and their cell. */
final class ResourcesMagic implements Magic {

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public String usage() {
        return Text.of("kernel.magic.resources.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        netlab.text.Lang lang = context.language().get();
        if (!args.isBlank()) {
            throw new IllegalArgumentException(Text.in(lang, "kernel.magic.resources.args", args.strip()));
        }
        String[] open = context.openResources().get();
        if (open.length == 0) {
            return Text.in(lang, "kernel.magic.resources.nothing") + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (String line : open) {
            int tab = line.indexOf('\t');
            b.append(tab < 0 ? line : Text.in(lang, "kernel.magic.resources.cell", line.substring(0, tab),
                    line.substring(tab + 1))).append('\n');
        }
        return b.append(Text.in(lang, "kernel.magic.resources.free")).append('\n').toString();
    }
}
