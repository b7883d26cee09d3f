package netlab.kernel.jshell;

/** {@code %resources}: the sockets, threads and executors cells opened that are still open, and their cell. */
final class ResourcesMagic implements Magic {

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public String usage() {
        return "%resources — list the sockets, threads and executors cells left open";
    }

    @Override
    public String run(String args, MagicContext context) {
        if (!args.isBlank()) {
            throw new IllegalArgumentException("%resources takes no arguments; got \"" + args.strip() + "\"");
        }
        String[] open = context.openResources().get();
        if (open.length == 0) {
            return "Nothing is open.\n";
        }
        StringBuilder b = new StringBuilder();
        for (String line : open) {
            int tab = line.indexOf('\t');
            b.append(tab < 0 ? line : line.substring(0, tab) + "  (cell " + line.substring(tab + 1) + ")")
                    .append('\n');
        }
        return b.append("Free one with %close <port>, everything with %close all.\n").toString();
    }
}
