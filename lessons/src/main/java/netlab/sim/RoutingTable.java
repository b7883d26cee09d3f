package netlab.sim;

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
 * A routing table and its one rule: of the routes whose destination contains the address, take the longest
 * prefix (the most specific). 0.0.0.0/0, the default route, contains everything and so is the last resort.
 *
 * <pre>{@code
 * r0.routes().lookup(Ipv4.parse("192.168.3.2"))   // 192.168.3.0/24 via 192.168.2.2
 * }</pre>
 */
public final class RoutingTable implements Tabular {

    private final List<Route> routes = new ArrayList<>();

    void add(Route r) {
        routes.removeIf(old -> old.destination().equals(r.destination()) && old.gateway().isPresent() == r.gateway().isPresent());
        routes.add(r);
        routes.sort(Comparator.comparingInt((Route x) -> -x.destination().prefix()).thenComparing(Route::destination));
    }

    boolean remove(Subnet destination) {
        return routes.removeIf(r -> r.destination().equals(destination));
    }

    void removeVia(Iface out) {
        routes.removeIf(r -> r.out().equals(out));
    }

    /** The longest-prefix match for {@code dst}, if any route contains it. */
    public Optional<Route> lookup(Ipv4 dst) {
        return routes.stream().filter(r -> r.destination().contains(dst))
                .max(Comparator.comparingInt(r -> r.destination().prefix()));
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    @Override
    public Table table() {
        Table t = Table.of(Text.of("sim.col.destination"), Text.of("sim.col.gateway"), Text.of("sim.col.interface"));
        for (Route r : routes) {
            t.row(r.destination(), r.gateway().map(Ipv4::toString).orElse(Text.of("sim.route.on-link")),
                    r.out().port() + " " + r.out());
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
