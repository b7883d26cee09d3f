package netlab.live;

import java.util.ArrayList;
import java.util.List;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * The kernel's IPv4 neighbour (ARP) cache from {@code /proc/net/arp}: the Linux {@code arp -n} / {@code ip -4 neigh}.
 *
 * <pre>{@code
 * NeighborTable.read()    // 192.0.2.1  02:fc:00:00:00:05  eth0  complete
 * }</pre>
 */
public record NeighborTable(List<Entry> entries) implements Tabular {

    /** One row; {@code complete} is false while the kernel still waits for an ARP reply (MAC 00:00:00:00:00:00). */
    public record Entry(String ip, String mac, String device, boolean complete) {
    }

    /**
     * Reads the neighbour cache now: one row per address the kernel resolved (or is resolving) by ARP. Example:
     * {@code NeighborTable.read()} shows the default gateway's MAC once the machine has talked to it.
     */
    public static NeighborTable read() {
        return parse(Proc.read("/proc/net/arp"));
    }

    /** Parses the text of {@code /proc/net/arp}. */
    public static NeighborTable parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6) {
                int flags = Integer.decode(f[2]);
                out.add(new Entry(f[0], f[3], f[5], (flags & 0x2) != 0));
            }
        }
        return new NeighborTable(List.copyOf(out));
    }

    @Override
    public Table table() {
        Table t = Table.of(Text.of("sim.col.ip"), "MAC", Text.of("live.col.device"), Text.of("live.col.complete"));
        for (Entry e : entries) {
            t.row(e.ip(), e.mac(), e.device(), Text.of(e.complete() ? "common.yes" : "common.no"));
        }
        return t;
    }

    /** The table's text, so printing it reads as showing it does. */
    @Override
    public String toString() {
        return table().text();
    }
}
