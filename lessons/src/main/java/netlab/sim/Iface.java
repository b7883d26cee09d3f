package netlab.sim;

import netlab.ip.Ipv4;
import netlab.ip.Subnet;

/**
 * An IP interface: a port with an address, a prefix and a MAC. Example: {@code 192.168.1.254/24 on router0/0}.
 */
public record Iface(Port port, Ipv4 ip, int prefix, Mac mac) {

    /** The subnet this interface is directly attached to. */
    public Subnet subnet() {
        return Subnet.of(ip, prefix);
    }

    @Override
    public String toString() {
        return ip + "/" + prefix;
    }
}
