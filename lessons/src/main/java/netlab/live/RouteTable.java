package netlab.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.ip.Ipv4;
import netlab.ip.Subnet;
import netlab.text.Text;

/**
 * The kernel's IPv4 main routing table from {@code /proc/net/route}: the Linux {@code route -n} / {@code ip route}.
 * {@link #lookup} answers "which route would the kernel take for this address" with the same rule the lab's
 * routers use: longest prefix first, then the lowest metric.
 *
 * <pre>{@code
 * RouteTable.read().lookup("8.8.8.8")      // 0.0.0.0/0 via 192.0.2.1 dev eth0 (the default route)
 * RouteTable.read().lookup("192.0.2.77")   // 192.0.2.0/24 dev eth0 (on-link: ARP for the address itself)
 * }</pre>
 */
public record RouteTable(List<Entry> entries) implements Tabular {

    /** One route; {@code gateway} is empty for an on-link network. */
    public record Entry(Subnet destination, Optional<Ipv4> gateway, String device, int metric) {
        @Override
        public String toString() {
            return destination + gateway.map(g -> " via " + g).orElse("") + " dev " + device + (metric == 0 ? "" : " metric " + metric);
        }
    }

    /**
     * Reads the kernel's IPv4 routing table now ({@code ip -4 route}). Example:
     * {@code RouteTable.read().explain("8.8.8.8")} says the default route takes it.
     */
    public static RouteTable read() {
        return parse(Proc.read("/proc/net/route"));
    }

    /** Parses {@code /proc/net/route}: addresses are hex in the machine's (little-endian) byte order. */
    public static RouteTable parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            int flags = Integer.parseInt(f[3], 16);
            if ((flags & 0x1) == 0) {
                continue; // RTF_UP not set
            }
            Ipv4 dst = littleEndian(f[1]);
            Ipv4 gw = littleEndian(f[2]);
            int prefix = Integer.bitCount(littleEndian(f[7]).bits());
            out.add(new Entry(Subnet.of(dst, prefix), (flags & 0x2) != 0 ? Optional.of(gw) : Optional.empty(), f[0], Integer.parseInt(f[6])));
        }
        return new RouteTable(List.copyOf(out));
    }

    private static Ipv4 littleEndian(String hex) {
        return new Ipv4(Integer.reverseBytes((int) Long.parseLong(hex, 16)));
    }

    /** The route the kernel takes for {@code address}: the longest matching prefix, then the lowest metric. */
    public Optional<Entry> lookup(String address) {
        Ipv4 dst = Ipv4.parse(address);
        return entries.stream().filter(e -> e.destination().contains(dst))
                .max(Comparator.comparingInt((Entry e) -> e.destination().prefix()).thenComparing(e -> -e.metric()));
    }

    /** {@link #lookup} in a sentence: which route, and whom the kernel will ARP for. */
    public String explain(String address) {
        return lookup(address).map(e -> Text.of(e.gateway().isPresent() ? "live.route.via" : "live.route.on-link",
                address, e, e.gateway().map(Ipv4::toString).orElse(address), e.device())).orElse(Text.of("live.route.none", address));
    }

    @Override
    public Table table() {
        Table t = Table.of(Text.of("sim.col.destination"), Text.of("sim.col.gateway"), Text.of("live.col.device"), Text.of("live.col.metric"));
        for (Entry e : entries) {
            t.row(e.destination(), e.gateway().map(Ipv4::toString).orElse(Text.of("sim.route.on-link")), e.device(), e.metric());
        }
        return t;
    }
}
