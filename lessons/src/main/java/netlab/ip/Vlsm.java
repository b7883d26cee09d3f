package netlab.ip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netlab.display.Displayable;
import netlab.display.Html;
import netlab.display.Svg;
import netlab.display.Table;
import netlab.text.Text;

/**
 * A variable-length subnet mask (VLSM) plan: each network gets the smallest block that holds its hosts,
 * allocated largest first so the blocks stay aligned and nothing is wasted between them.
 *
 * <pre>{@code
 * Vlsm plan = Vlsm.allocate(Subnet.parse("192.168.1.0/24"), 100, 50, 20, 2);
 * plan          // a table: 100 hosts → 192.168.1.0/25, 50 → .128/26, 20 → .192/27, 2 → .224/30
 * plan.free()   // what is left: [192.168.1.228/30, 192.168.1.232/29, 192.168.1.240/28]
 * Vlsm.allocate(Subnet.parse("10.0.0.0/24"), Map.of("Sales", 60, "HR", 25))   // with names
 * }</pre>
 *
 * Block sizes use the classic rule (a block of size s holds s − 2 hosts), so a link of 2 hosts gets a /30;
 * /31 point-to-point blocks are not chosen automatically. Immutable and thread safe.
 *
 * @param base        the block being divided
 * @param allocations one per requested network, in allocation order (largest first)
 */
public record Vlsm(Subnet base, List<Allocation> allocations) implements Displayable {

    /** One network of the plan. */
    public record Allocation(String name, int hostsNeeded, Subnet subnet) {
        /** Addresses in the block that no host needs. Example: {@code allocation.spare()}. */
        public long spare() {
            return subnet.hostCount() - hostsNeeded;
        }
    }

    public Vlsm {
        allocations = List.copyOf(allocations);
    }

    /** Plans networks for these host counts, named "net 1", "net 2", … in the given order. Example: {@code Vlsm.allocate(Subnet.parse("192.168.1.0/24"), 100, 50)}. */
    public static Vlsm allocate(Subnet base, int... hostCounts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        for (int i = 0; i < hostCounts.length; i++) {
            named.put("net " + (i + 1), hostCounts[i]);
        }
        return allocate(base, named);
    }

    /**
     * Plans networks for named host counts. Example: {@code Vlsm.allocate(Subnet.parse("10.0.0.0/24"), Map.of("Sales", 60, "HR", 25))}.
     *
     * @throws IllegalArgumentException if a count is below 1 or the blocks do not fit in {@code base},
     *         saying how many addresses were needed and how many there are
     */
    public static Vlsm allocate(Subnet base, Map<String, Integer> hostsByName) {
        if (base == null || hostsByName == null || hostsByName.isEmpty()) {
            throw new IllegalArgumentException(Text.of("ip.vlsm.none", "Vlsm.allocate(Subnet.parse(\"192.168.1.0/24\"), 100, 50)"));
        }
        List<Map.Entry<String, Integer>> wanted = new ArrayList<>(hostsByName.entrySet());
        wanted.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue()).reversed());
        long needed = 0;
        List<Integer> prefixes = new ArrayList<>();
        for (Map.Entry<String, Integer> e : wanted) {
            int p = prefixFor(e.getKey(), e.getValue());
            prefixes.add(p);
            needed += 1L << (32 - p);
        }
        if (needed > base.size()) {
            throw new IllegalArgumentException(Text.of("ip.vlsm.tooBig", needed, prefixes.stream().map(p -> "/" + p).toList(),
                    base, base.size()));
        }
        List<Allocation> out = new ArrayList<>();
        long next = base.network().toLong();
        for (int i = 0; i < wanted.size(); i++) {
            // largest first: every block starts at a multiple of its own size, so no gaps are needed
            out.add(new Allocation(wanted.get(i).getKey(), wanted.get(i).getValue(), new Subnet(Ipv4.ofLong(next), prefixes.get(i))));
            next += 1L << (32 - prefixes.get(i));
        }
        return new Vlsm(base, out);
    }

    private static int prefixFor(String name, int hosts) {
        if (hosts < 1) {
            throw new IllegalArgumentException(Text.of("ip.vlsm.tooFew", name, hosts));
        }
        int p = 30;
        while (p > 0 && (1L << (32 - p)) - 2 < hosts) {
            p--;
        }
        if ((1L << (32 - p)) - 2 < hosts) {
            throw new IllegalArgumentException(Text.of("ip.vlsm.tooMany", name, hosts));
        }
        return p;
    }

    /** The blocks of {@code base} no network received, summarized. Example: {@code plan.free()}. */
    public List<Subnet> free() {
        long used = allocations.stream().mapToLong(a -> a.subnet().size()).sum();
        if (used == base.size()) {
            return List.of();
        }
        Ipv4 start = base.network().plus(used);
        // the free space is one range [start, broadcast]; summarize splits it into aligned blocks
        List<Subnet> pieces = new ArrayList<>();
        long s = start.toLong();
        long end = base.broadcast().toLong();
        while (s <= end) {
            int size = Math.min(32, Long.numberOfTrailingZeros(s));
            while ((1L << size) - 1 > end - s) {
                size--;
            }
            pieces.add(new Subnet(Ipv4.ofLong(s), 32 - size));
            s += 1L << size;
        }
        return pieces;
    }

    /** The plan as a table. Example: {@code plan.table()}. */
    public Table table() {
        Table t = Table.captioned(Text.of("ip.vlsm.caption", base), Text.of("ip.vlsm.col.network"),
                Text.of("ip.vlsm.col.needed"), Text.of("ip.describe.subnet"), Text.of("ip.describe.mask"),
                Text.of("ip.vlsm.col.hosts"), Text.of("ip.vlsm.col.first"), Text.of("ip.vlsm.col.last"),
                Text.of("ip.describe.broadcast"), Text.of("ip.vlsm.col.spare"));
        for (Allocation a : allocations) {
            Subnet s = a.subnet();
            t.row(a.name(), a.hostsNeeded(), s, s.mask(), s.hostCount(), s.firstHost(), s.lastHost(), s.broadcast(), a.spare());
        }
        for (Subnet f : free()) {
            t.row(Text.of("ip.vlsm.free"), "", f, f.mask(), f.hostCount(), "", "", "", "");
        }
        return t;
    }

    /**
     * The base block as a bar, one coloured piece per network, grey where free, drawn to scale.
     * Example: {@code Display.show(plan.picture())}.
     */
    public Svg picture() {
        int width = 640;
        int height = 56;
        double scale = width / (double) base.size();
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + width + "' height='" + height
                + "' font-family='sans-serif' font-size='11'>");
        String[] colours = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7"};
        StringBuilder text = new StringBuilder(base + ": ");
        int i = 0;
        for (Allocation a : allocations) {
            bar(svg, a.subnet(), a.name(), colours[i++ % colours.length], scale);
            text.append(a.name()).append(' ').append(a.subnet()).append(" | ");
        }
        for (Subnet f : free()) {
            bar(svg, f, "free", "#d0d0d0", scale);
            text.append("free ").append(f).append(" | ");
        }
        return Svg.of(svg.append("</svg>").toString(), text.substring(0, text.length() - 3));
    }

    private void bar(StringBuilder svg, Subnet s, String label, String colour, double scale) {
        double x = (s.network().toLong() - base.network().toLong()) * scale;
        double w = s.size() * scale;
        svg.append(String.format(java.util.Locale.ROOT,
                "<rect x='%.2f' y='4' width='%.2f' height='28' fill='%s' stroke='white'><title>%s %s</title></rect>",
                x, w, colour, Html.escape(label), s));
        if (w > 40) {
            svg.append(String.format(java.util.Locale.ROOT, "<text x='%.2f' y='22' fill='white'>%s</text>", x + 3, Html.escape(label)));
            svg.append(String.format(java.util.Locale.ROOT, "<text x='%.2f' y='48' fill='#333'>%s</text>", x + 1, "/" + s.prefix()));
        }
    }

    /** The picture above the table in notebooks; the table alone in terminals. */
    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", table().text(), "text/html", picture().svg() + table().html());
    }

    @Override
    public String toString() {
        return table().text();
    }
}
