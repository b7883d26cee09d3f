package netlab.sim;

import java.util.List;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.ip.Ipv4;
import netlab.text.Text;

/** The hops a {@link Lab#traceroute} found: probe TTL, who answered, and how. */
public record Traceroute(Ipv4 from, Ipv4 to, List<Ping> probes) implements Tabular {

    /** The addresses that answered, in order: the routers on the way, then the target if it was reached. */
    public List<String> hops() {
        return probes.stream().map(p -> p.responder().map(Ipv4::toString).orElse("*")).toList();
    }

    @Override
    public Table table() {
        Table t = Table.captioned(Text.of("sim.traceroute.caption", from, to), "TTL", Text.of("sim.col.responder"), Text.of("sim.col.answer"));
        for (int i = 0; i < probes.size(); i++) {
            Ping p = probes.get(i);
            t.row(i + 1, p.responder().map(Ipv4::toString).orElse("*"), p.outcome());
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
