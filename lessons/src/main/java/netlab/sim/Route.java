package netlab.sim;

import java.util.Optional;
import netlab.ip.Ipv4;
import netlab.ip.Subnet;

/**
 * One row of a routing table: packets for {@code destination} leave through {@code out}, straight to their
 * destination when the network is directly connected ({@code gateway} empty), else to {@code gateway}.
 */
public record Route(Subnet destination, Optional<Ipv4> gateway, Iface out) {

    /** The address to ARP for when sending a packet for {@code dst} along this route. */
    public Ipv4 nextHop(Ipv4 dst) {
        return gateway.orElse(dst);
    }

    public boolean isDefault() {
        return destination.prefix() == 0;
    }
}
