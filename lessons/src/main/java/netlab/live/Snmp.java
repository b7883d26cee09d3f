package netlab.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * The kernel's protocol counters from {@code /proc/net/snmp} (what {@code netstat -s} and {@code nstat} print),
 * as {@code "Tcp.ActiveOpens"} → value. Take one reading before and one after an experiment and
 * {@link #since} shows what changed.
 *
 * <pre>{@code
 * Snmp before = Snmp.read();
 * Tcp.connect("127.0.0.1", port).close();
 * Snmp.read().since(before, "Tcp.")   // ActiveOpens +1, PassiveOpens +1, OutSegs +…
 * }</pre>
 */
public record Snmp(Map<String, Long> counters) implements Tabular {

    /**
     * Reads every counter now. Example: {@code Snmp before = Snmp.read();} before an experiment, then
     * {@code Snmp.read().since(before, "Tcp.")}.
     */
    public static Snmp read() {
        return parse(Proc.read("/proc/net/snmp"));
    }

    /** Parses the header/value line pairs of {@code /proc/net/snmp}. */
    public static Snmp parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String[] names = lines.get(i).trim().split("\\s+");
            String[] values = lines.get(i + 1).trim().split("\\s+");
            String group = names[0].replace(":", "");
            for (int k = 1; k < Math.min(names.length, values.length); k++) {
                out.put(group + "." + names[k], Long.parseLong(values[k]));
            }
        }
        return new Snmp(Map.copyOf(out));
    }

    /** The counter {@code name}, e.g. {@code "Tcp.ActiveOpens"}. */
    public long get(String name) {
        Long v = counters.get(name);
        if (v == null) {
            throw new IllegalArgumentException(Text.of("live.snmp.none", name));
        }
        return v;
    }

    /** The counters starting with {@code prefix} that changed since {@code before}, as a table of differences. */
    public Table since(Snmp before, String prefix) {
        Table t = Table.of(Text.of("live.col.counter"), Text.of("live.col.before"), Text.of("live.col.after"), Text.of("live.col.change"));
        counters.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().forEach(k -> {
            long b = before.counters().getOrDefault(k, 0L);
            long a = counters.get(k);
            if (a != b) {
                t.row(k, b, a, (a > b ? "+" : "") + (a - b));
            }
        });
        return t;
    }

    @Override
    public Table table() {
        Table t = Table.of(Text.of("live.col.counter"), Text.of("live.col.value"));
        counters.keySet().stream().sorted().forEach(k -> t.row(k, counters.get(k)));
        return t;
    }

    /** The table's text, so printing it reads as showing it does. */
    @Override
    public String toString() {
        return table().text();
    }
}
