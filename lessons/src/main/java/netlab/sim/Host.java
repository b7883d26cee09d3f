package netlab.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import netlab.ip.Ipv4;
import netlab.sim.Frame.Arp;
import netlab.sim.Frame.Icmp;
import netlab.sim.Frame.IcmpType;
import netlab.sim.Frame.Ip;
import netlab.text.Text;

/**
 * A PC with one NIC: an address and prefix, an optional default gateway, an ARP cache and a routing table of two
 * rows at most (its own subnet on-link, everything else via the gateway).
 *
 * <pre>{@code
 * Host pc0 = lab.host("pc0", "192.168.1.1/24", "192.168.1.254");
 * pc0.ping("192.168.3.2")      // reply from 192.168.3.2: ttl=62
 * pc0.arp()                    // the gateway's MAC, learned by ARP (not the far host's)
 * }</pre>
 */
public final class Host extends IpNode {

    /** The TTL Linux starts packets with (Windows uses 128). */
    public static final int INITIAL_TTL = 64;

    private final Map<Integer, Ping> answers = new HashMap<>();
    private final Map<Integer, Ipv4> targets = new HashMap<>();
    private int nextId = 1;

    Host(Lab lab, String name, String cidr) {
        super(lab, name);
        addIface(cidr);
    }

    /** This host's interface. */
    public Iface iface() {
        return ifaces.getFirst();
    }

    /** This host's IP address. Example: {@code pc0.ip()} is 192.168.1.1 for a host made with "192.168.1.1/24". */
    public Ipv4 ip() {
        return iface().ip();
    }

    /** The MAC address of this host's NIC, what ARP answers for its IP. Example: {@code pc0.mac()} is 02:00:00:00:00:01 when pc0 has the lab's first NIC. */
    public Mac mac() {
        return iface().mac();
    }

    /** The default gateway, if one is set. */
    public Optional<Ipv4> gateway() {
        return routes.routes().stream().filter(Route::isDefault).findFirst().flatMap(Route::gateway);
    }

    /** Sets address and prefix ({@code "192.168.1.5/24"}); the ARP cache starts empty and the gateway is kept if still on-link. */
    public Host setAddress(String cidr) {
        Optional<Ipv4> gw = gateway();
        setIface(0, cidr);
        gw.ifPresent(g -> gateway(g.toString()));
        return this;
    }

    /** Sets the default gateway: every address outside this host's subnet is sent to it. */
    public Host gateway(String ip) {
        routes.remove(netlab.ip.Subnet.parse("0.0.0.0/0"));
        routes.add(new Route(netlab.ip.Subnet.parse("0.0.0.0/0"), Optional.of(Ipv4.parse(ip)), iface()));
        return this;
    }

    /** Removes the default gateway. */
    public Host noGateway() {
        routes.remove(netlab.ip.Subnet.parse("0.0.0.0/0"));
        return this;
    }

    /** Lets this host forward packets that are not for it, as a router does (an attacker in the middle does this). */
    public Host forwarding(boolean on) {
        forwarding = on;
        return this;
    }

    /** Sends one echo request with TTL 64 and runs the lab until it is quiet; the trace is then {@link Lab#trace()}. */
    public Ping ping(String dst) {
        return ping(dst, INITIAL_TTL);
    }

    /** Sends one echo request with {@code ttl} (a traceroute probe when small) and runs the lab until quiet. */
    public Ping ping(String dst, int ttl) {
        Ipv4 target = Ipv4.parse(dst);
        int id = nextId++;
        targets.put(id, target);
        lab.begin(Text.of("sim.action.ping", name(), dst));
        send(new Ip(ip(), target, ttl, new Icmp(IcmpType.ECHO_REQUEST, id)));
        lab.runUntilQuiet();
        targets.remove(id);
        Ping p = answers.remove(id);
        return p != null ? p : new Ping(target, Ping.Outcome.TIMEOUT, Optional.empty(), 0);
    }

    /**
     * Tells {@code victim}, unasked, that {@code claimedIp} is at this host's MAC (a forged "gratuitous" ARP
     * reply): the first step of ARP poisoning. Only inside the lab.
     */
    public void poison(Host victim, String claimedIp) {
        lab.begin(Text.of("sim.action.poison", name(), victim.name(), claimedIp));
        lab.transmit(iface().port(), new Frame(mac(), victim.mac(), new Arp(false, mac(), Ipv4.parse(claimedIp), victim.mac(), victim.ip())));
        lab.runUntilQuiet();
    }

    @Override
    void undeliverable(Ip packet, IcmpType why, Optional<Iface> near) {
        if (packet.src().equals(ip()) && packet.body() instanceof Icmp icmp && icmp.type() == IcmpType.ECHO_REQUEST) {
            Ping.Outcome o = why == IcmpType.NET_UNREACHABLE ? Ping.Outcome.NET_UNREACHABLE : Ping.Outcome.HOST_UNREACHABLE;
            answers.put(icmp.id(), new Ping(packet.dst(), o, Optional.of(ip()), 0));
            lab.note(this, Text.of(why == IcmpType.NET_UNREACHABLE ? "sim.note.no-route" : "sim.note.host-unreachable", packet.dst()));
        }
    }

    @Override
    void icmpArrived(Ip packet, Icmp icmp) {
        Ping.Outcome o = switch (icmp.type()) {
            case ECHO_REPLY -> Ping.Outcome.REPLY;
            case TIME_EXCEEDED -> Ping.Outcome.TIME_EXCEEDED;
            case NET_UNREACHABLE -> Ping.Outcome.NET_UNREACHABLE;
            case HOST_UNREACHABLE, PORT_UNREACHABLE -> Ping.Outcome.HOST_UNREACHABLE;
            case ECHO_REQUEST -> throw new IllegalStateException("answered in deliver");
        };
        Ipv4 target = targets.get(icmp.id());
        if (target != null) {
            answers.putIfAbsent(icmp.id(), new Ping(target, o, Optional.of(packet.src()), packet.ttl()));
        }
    }

    @Override
    String kind() {
        return "host";
    }
}
