package netlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import netlab.ip.Ipv4;
import netlab.ip.Subnet;
import netlab.sim.Frame.Arp;
import netlab.sim.Frame.Icmp;
import netlab.sim.Frame.IcmpType;
import netlab.sim.Frame.Ip;
import netlab.text.Text;

/**
 * What hosts and routers share: IP interfaces, a routing table, an ARP cache, and packets waiting for an ARP
 * reply. A router forwards packets not addressed to it (TTL − 1, ICMP errors); a host drops them.
 */
public abstract sealed class IpNode extends Device permits Host, Router {

    /** How long a sender waits for an ARP reply before giving up on the packets queued behind it. */
    static final long ARP_TIMEOUT_MICROS = 1_000_000;

    final List<Iface> ifaces = new ArrayList<>();
    final RoutingTable routes = new RoutingTable();
    final ArpCache arp = new ArpCache();
    private final Map<Ipv4, Queue<Ip>> waiting = new HashMap<>();
    boolean forwarding;

    IpNode(Lab lab, String name) {
        super(lab, name);
    }

    /** The routing table ({@code route print}, {@code ip route}). */
    public RoutingTable routes() {
        return routes;
    }

    /** The ARP cache ({@code arp -a}, {@code ip neigh}). */
    public ArpCache arp() {
        return arp;
    }

    /** The IP interfaces, port 0 first: a host has one, a router one per address. Example: {@code r0.interfaces()}. */
    public List<Iface> interfaces() {
        return List.copyOf(ifaces);
    }

    Iface addIface(String cidr) {
        Subnet s = Subnet.parse(cidr);
        Ipv4 ip = Ipv4.parse(cidr.substring(0, cidr.indexOf('/')));
        Iface i = new Iface(addPort(), ip, s.prefix(), lab.nextMac());
        ifaces.add(i);
        routes.add(new Route(i.subnet(), Optional.empty(), i));
        return i;
    }

    Iface setIface(int index, String cidr) {
        Iface old = ifaces.get(index);
        routes.removeVia(old);
        Subnet s = Subnet.parse(cidr);
        Iface i = new Iface(old.port(), Ipv4.parse(cidr.substring(0, cidr.indexOf('/'))), s.prefix(), old.mac());
        ifaces.set(index, i);
        routes.add(new Route(i.subnet(), Optional.empty(), i));
        arp.clear();
        return i;
    }

    Iface ifaceOn(Port p) {
        for (Iface i : ifaces) {
            if (i.port() == p) {
                return i;
            }
        }
        throw new IllegalStateException("no interface on " + p);
    }

    boolean owns(Ipv4 ip) {
        return ifaces.stream().anyMatch(i -> i.ip().equals(ip));
    }

    /** Sends an IP packet this node originates or forwards: route, then ARP for the next hop, then the frame. */
    void send(Ip packet) {
        Optional<Route> route = routes.lookup(packet.dst());
        if (route.isEmpty()) {
            undeliverable(packet, IcmpType.NET_UNREACHABLE, Optional.empty());
            return;
        }
        Iface out = route.get().out();
        Ipv4 next = route.get().nextHop(packet.dst());
        Optional<Mac> mac = packet.dst().equals(out.subnet().broadcast()) ? Optional.of(Mac.BROADCAST) : arp.get(next);
        if (mac.isPresent()) {
            lab.transmit(out.port(), new Frame(out.mac(), mac.get(), packet));
            return;
        }
        Queue<Ip> queue = waiting.computeIfAbsent(next, k -> new ArrayDeque<>());
        queue.add(packet);
        if (queue.size() == 1) {
            lab.transmit(out.port(), new Frame(out.mac(), Mac.BROADCAST, new Arp(true, out.mac(), out.ip(), Mac.ZERO, next)));
            lab.after(ARP_TIMEOUT_MICROS, () -> {
                Queue<Ip> left = waiting.remove(next);
                if (left != null) {
                    lab.note(this, Text.of("sim.note.arp-timeout", next));
                    left.forEach(p -> undeliverable(p, IcmpType.HOST_UNREACHABLE, Optional.of(out)));
                }
            });
        }
    }

    /** {@code packet} cannot go on: a router tells its source with ICMP; a host tells the program that sent it. */
    abstract void undeliverable(Ip packet, IcmpType why, Optional<Iface> near);

    /** An ICMP error or echo reply addressed to this node. */
    abstract void icmpArrived(Ip packet, Icmp icmp);

    @Override
    void receive(Port in, Frame frame) {
        Iface me = ifaceOn(in);
        if (!frame.dst().equals(me.mac()) && !frame.dst().isBroadcast()) {
            lab.note(this, Text.of("sim.note.not-my-mac", frame.dst()));
            return;
        }
        switch (frame.payload()) {
            case Arp a -> arpArrived(me, a);
            case Ip ip -> ipArrived(me, ip);
        }
    }

    private void arpArrived(Iface me, Arp a) {
        boolean forMe = a.targetIp().equals(me.ip());
        // RFC 826: update an entry we already have, add one when the request is for us. A host that believes
        // unsolicited replies for addresses it knows is what ARP poisoning exploits.
        if (forMe || arp.knows(a.senderIp())) {
            arp.put(a.senderIp(), a.senderMac(), lab.nowMicros());
            Queue<Ip> queued = waiting.remove(a.senderIp());
            if (queued != null) {
                queued.forEach(p -> lab.transmit(me.port(), new Frame(me.mac(), a.senderMac(), p)));
            }
        }
        if (a.request() && forMe) {
            lab.transmit(me.port(), new Frame(me.mac(), a.senderMac(), new Arp(false, me.mac(), me.ip(), a.senderMac(), a.senderIp())));
        }
    }

    private void ipArrived(Iface me, Ip ip) {
        if (owns(ip.dst()) || ip.dst().equals(me.subnet().broadcast()) || ip.dst().isLimitedBroadcast()) {
            deliver(me, ip);
        } else if (!forwarding) {
            lab.note(this, Text.of("sim.note.not-my-ip", ip.dst()));
        } else if (ip.ttl() <= 1) {
            lab.note(this, Text.of("sim.note.ttl-expired", ip.src()));
            icmpError(me, ip, IcmpType.TIME_EXCEEDED);
        } else {
            send(ip.hop());
        }
    }

    void deliver(Iface me, Ip ip) {
        switch (ip.body()) {
            case Icmp icmp when icmp.type() == IcmpType.ECHO_REQUEST ->
                    send(new Ip(me.ip(), ip.src(), Host.INITIAL_TTL, new Icmp(IcmpType.ECHO_REPLY, icmp.id())));
            case Icmp icmp -> icmpArrived(ip, icmp);
            case Frame.Udp u -> udpArrived(me, ip, u);
        }
    }

    void udpArrived(Iface me, Ip ip, Frame.Udp udp) {
        icmpError(me, ip, IcmpType.PORT_UNREACHABLE);
    }

    /** Answers {@code cause} with an ICMP error from {@code me}; never about an ICMP error (RFC 1122). */
    void icmpError(Iface me, Ip cause, IcmpType type) {
        if (cause.body() instanceof Icmp i && i.type().isError()) {
            return;
        }
        int id = cause.body() instanceof Icmp i ? i.id() : 0;
        send(new Ip(me.ip(), cause.src(), Host.INITIAL_TTL, new Icmp(type, id)));
    }
}
