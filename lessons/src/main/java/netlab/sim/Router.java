package netlab.sim;

import java.util.Optional;
import netlab.ip.Ipv4;
import netlab.ip.Subnet;
import netlab.sim.Frame.Icmp;
import netlab.sim.Frame.IcmpType;
import netlab.sim.Frame.Ip;
import netlab.text.Text;

/**
 * A router: one IP interface per port, a routing table (directly connected networks plus static routes), and
 * forwarding: TTL − 1, a new frame with new MAC addresses on every hop, ICMP "time exceeded" when the TTL runs
 * out and "unreachable" when no route or no ARP answer.
 *
 * <pre>{@code
 * Router r0 = lab.router("router0", "192.168.1.254/24", "192.168.2.1/24");
 * r0.route("192.168.3.0/24", "192.168.2.2");
 * }</pre>
 */
public final class Router extends IpNode {

    Router(Lab lab, String name, String... cidrs) {
        super(lab, name);
        forwarding = true;
        for (String c : cidrs) {
            addIface(c);
        }
    }

    /** Adds a static route: packets for {@code destination} go to {@code gateway}, which must be on a connected network. */
    public Router route(String destination, String gateway) {
        Ipv4 gw = Ipv4.parse(gateway);
        Iface out = ifaces.stream().filter(i -> i.subnet().contains(gw)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Text.of("sim.route.gateway-off-link", gateway, name(), ifaces)));
        routes.add(new Route(Subnet.parse(destination), Optional.of(gw), out));
        return this;
    }

    /** Removes the route to {@code destination} (a fault to inject). */
    public Router removeRoute(String destination) {
        if (!routes.remove(Subnet.parse(destination))) {
            throw new IllegalArgumentException(Text.of("sim.route.none", destination, name()));
        }
        return this;
    }

    @Override
    void undeliverable(Ip packet, IcmpType why, Optional<Iface> near) {
        lab.note(this, Text.of(why == IcmpType.NET_UNREACHABLE ? "sim.note.no-route" : "sim.note.host-unreachable", packet.dst()));
        Optional<Iface> back = near.isPresent() ? near : routes.lookup(packet.src()).map(Route::out);
        back.ifPresent(me -> icmpError(me, packet, why));
    }

    @Override
    void icmpArrived(Ip packet, Icmp icmp) {
        lab.note(this, Text.of("sim.note.icmp-for-router", icmp.type(), packet.src()));
    }

    @Override
    String kind() {
        return "router";
    }
}
