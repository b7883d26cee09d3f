package netlab.sim;

import java.util.Map;
import java.util.TreeMap;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * A switch's MAC address table: which port each source address was last seen on, and when. Entries older than
 * the aging time (300 s by default, as on most switches) are forgotten, so a host that moved or left stops
 * attracting frames to the wrong port.
 */
public final class MacTable implements Tabular {

    /** One learned address. */
    public record Entry(Mac mac, int port, long seenMicros) {
    }

    private final Map<Mac, Entry> entries = new TreeMap<>();
    private long agingMicros = 300_000_000L;

    /** Learns that {@code mac} sits behind {@code port} at {@code nowMicros}. */
    void learn(Mac mac, int port, long nowMicros) {
        if (!mac.isBroadcast()) {
            entries.put(mac, new Entry(mac, port, nowMicros));
        }
    }

    /** The port of {@code mac} at {@code nowMicros}, or -1: unknown or aged out. */
    int lookup(Mac mac, long nowMicros) {
        Entry e = entries.get(mac);
        if (e == null) {
            return -1;
        }
        if (nowMicros - e.seenMicros() > agingMicros) {
            entries.remove(mac);
            return -1;
        }
        return e.port();
    }

    void agingSeconds(long seconds) {
        agingMicros = seconds * 1_000_000L;
    }

    /** Forgets the entries older than the aging time at {@code nowMicros}. */
    void expire(long nowMicros) {
        entries.values().removeIf(e -> nowMicros - e.seenMicros() > agingMicros);
    }

    /** The learned addresses, by MAC. */
    public Map<Mac, Entry> entries() {
        return Map.copyOf(entries);
    }

    /** The port {@code mac} was learned on, or -1. */
    public int portOf(Mac mac) {
        Entry e = entries.get(mac);
        return e == null ? -1 : e.port();
    }

    /** How many MACs the switch knows now (entries older than 300 s are forgotten). Example: {@code sw0.macTable().size()}. */
    public int size() {
        return entries.size();
    }

    @Override
    public Table table() {
        Table t = Table.of("MAC", Text.of("sim.col.port"), Text.of("sim.col.seen"));
        for (Entry e : entries.values()) {
            t.row(e.mac(), e.port(), Lab.millis(e.seenMicros()));
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
