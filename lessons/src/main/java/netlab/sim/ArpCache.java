package netlab.sim;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.ip.Ipv4;
import netlab.text.Text;

/** A host's or router's ARP cache: IP → MAC, what {@code arp -a} (Windows) or {@code ip neigh} (Linux) print. */
public final class ArpCache implements Tabular {

    /** One entry and when it was last confirmed. */
    public record Entry(Ipv4 ip, Mac mac, long learnedMicros) {
    }

    private final Map<Ipv4, Entry> entries = new TreeMap<>();

    void put(Ipv4 ip, Mac mac, long now) {
        entries.put(ip, new Entry(ip, mac, now));
    }

    boolean knows(Ipv4 ip) {
        return entries.containsKey(ip);
    }

    /** The MAC of {@code ip}, if known. */
    public Optional<Mac> get(Ipv4 ip) {
        return Optional.ofNullable(entries.get(ip)).map(Entry::mac);
    }

    /** Like {@link #get(Ipv4)}; example: {@code pc0.arp().get("192.168.1.2")}. */
    public Optional<Mac> get(String ip) {
        return get(Ipv4.parse(ip));
    }

    public Map<Ipv4, Entry> entries() {
        return Map.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }

    @Override
    public Table table() {
        Table t = Table.of(Text.of("sim.col.ip"), "MAC", Text.of("sim.col.learned"));
        for (Entry e : entries.values()) {
            t.row(e.ip(), e.mac(), Lab.millis(e.learnedMicros()));
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
