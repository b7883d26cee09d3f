package netlab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.display.Svg;
import netlab.ip.Ipv4;
import netlab.ip.Subnet;
import netlab.text.Text;

/**
 * A home router: a DHCP server for the inside network (DISCOVER, OFFER, REQUEST, ACK hands out address, mask,
 * gateway and DNS server) and a {@link Nat} to its one outside address.
 *
 * <pre>{@code
 * HomeRouter home = HomeRouter.create("192.168.1.1/24", "203.0.113.5");
 * HomeRouter.Lease l = home.join(Mac.of(10));   // 192.168.1.100/24, gateway 192.168.1.1, dns 192.168.1.1
 * home.dhcpLadder()                             // the four DHCP messages
 * }</pre>
 */
public final class HomeRouter {

    /** What DHCP gave a device. */
    public record Lease(Mac mac, Ipv4 ip, int prefix, Ipv4 gateway, Ipv4 dns) {

        /** The address DHCP gave the device. Example: {@code home.join(Mac.of(10)).ip()} is 192.168.1.100. */
        public Ipv4 ip() {
            return ip;
        }

        @Override
        public String toString() {
            return Text.of("sim.dhcp.lease", ip, prefix, gateway, dns);
        }
    }

    /** The pool's first address among the LAN's hosts when there are more than this many: .100 of a /24. */
    private static final int POOL_START = 99;

    private final Ipv4 inside;
    private final Subnet lan;
    private final Nat nat;
    private final Map<Mac, Lease> leases = new LinkedHashMap<>();
    private Ladder ladder = new Ladder("DHCP");
    /** The index, among the LAN's hosts, of the next address the pool may lease. */
    private long nextInPool;

    private HomeRouter(String insideCidr, String publicIp) {
        this.lan = Subnet.parse(insideCidr); // says what is wrong with a missing or bad prefix
        this.inside = Ipv4.parse(insideCidr.strip().split("[\\s/]+")[0]);
        if (lan.prefix() <= 30 && (inside.equals(lan.network()) || inside.equals(lan.broadcast()))) {
            String which = Text.of(inside.equals(lan.network()) ? "sim.home.network" : "sim.home.broadcast");
            throw new IllegalArgumentException(Text.of("sim.home.notHost", inside, lan, which, lan.firstHost()));
        }
        this.nat = Nat.of(publicIp);
        this.nextInPool = lan.hostCount() > POOL_START + 1 ? POOL_START : 0;
    }

    /** A home router with LAN address {@code insideCidr} (e.g. 192.168.1.1/24) and WAN address {@code publicIp}. */
    public static HomeRouter create(String insideCidr, String publicIp) {
        return new HomeRouter(insideCidr, publicIp);
    }

    /**
     * The router's NAT table: how inside addresses share its one public address. Example:
     * {@code home.nat().outbound("192.168.1.100:50000", "93.184.216.34:80")} is "203.0.113.5:…".
     */
    public Nat nat() {
        return nat;
    }

    /**
     * A device with {@code mac} joins the LAN and asks for an address: DORA; the same MAC gets the same lease again.
     * The pool starts at the LAN's 100th host address (.100 of a /24; the first host on a LAN too small for that)
     * and ends at its last, never the router's own address.
     *
     * @throws IllegalStateException once the pool is used up, saying to use a larger network
     */
    public Lease join(Mac mac) {
        Lease lease = leases.computeIfAbsent(mac, m -> new Lease(m, nextFree(), lan.prefix(), inside, inside));
        ladder = new Ladder(Text.of("sim.dhcp.ladder", mac));
        ladder.arrow(0, 1, "DISCOVER 0.0.0.0:68 → 255.255.255.255:67", false, "#b58900");
        ladder.arrow(1, 0, "OFFER " + lease.ip(), false, "#268bd2");
        ladder.arrow(0, 1, "REQUEST " + lease.ip() + " (broadcast)", false, "#b58900");
        ladder.arrow(1, 0, "ACK " + lease, false, "#268bd2");
        return lease;
    }

    /** The last DHCP exchange as a ladder. */
    public Svg dhcpLadder() {
        return ladder.svg(List.of(Text.of("sim.dhcp.client"), Text.of("sim.dhcp.server")));
    }

    public List<Lease> leases() {
        return List.copyOf(leases.values());
    }

    private Ipv4 nextFree() {
        while (nextInPool < lan.hostCount()) {
            Ipv4 candidate = lan.firstHost().plus(nextInPool++);
            if (!candidate.equals(inside)) {
                return candidate;
            }
        }
        throw new IllegalStateException(Text.of("sim.dhcp.full", lan, leases.size()));
    }

    @Override
    public String toString() {
        return Text.of("sim.home.shown", inside, lan, nat.publicIp(), leases.size());
    }
}
