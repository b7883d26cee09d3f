package netlab.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * What {@link Dns#lookup} found for a name: every address, in the order the resolver gave them.
 *
 * <pre>{@code
 * DnsAnswer a = Dns.lookup("localhost");
 * a.ipv4()       // [127.0.0.1]
 * a.ipv6()       // e.g. [::1], if /etc/hosts lists it
 * a.first()      // what InetAddress.getByName("localhost") returns
 * a.took()       // how long the lookup took (0 ms the second time: the JVM cache)
 * }</pre>
 *
 * @param name      the name looked up
 * @param addresses all addresses, resolver order
 * @param took      how long {@code InetAddress.getAllByName} took
 */
public record DnsAnswer(String name, List<InetAddress> addresses, Duration took) implements Tabular {

    /** Copies the address list. */
    public DnsAnswer {
        addresses = List.copyOf(addresses);
    }

    /** The IPv4 addresses as text. Example: {@code Dns.lookup("localhost").ipv4()}. */
    public List<String> ipv4() {
        return addresses.stream().filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress).toList();
    }

    /** The IPv6 addresses as text (RFC 5952 form). Example: {@code Dns.lookup("localhost").ipv6()}. */
    public List<String> ipv6() {
        return addresses.stream().filter(a -> a instanceof Inet6Address).map(a -> netlab.ip.Ipv6.of(a).toString()).toList();
    }

    /** The address {@code InetAddress.getByName} returns: the first. Example: {@code Dns.lookup("localhost").first()}. */
    public InetAddress first() {
        return addresses.getFirst();
    }

    /** The answer as a table. Example: {@code Dns.lookup("localhost").table()}. */
    public Table table() {
        Table t = Table.captioned(Text.of("net.answer.caption", name, addresses.size(), Durations.show(took)), "#",
                Text.of("net.answer.col.address"), Text.of("net.answer.col.family"), Text.of("net.answer.col.kind"));
        int i = 1;
        for (InetAddress a : addresses) {
            boolean v4 = a instanceof Inet4Address;
            t.row(i++, v4 ? a.getHostAddress() : netlab.ip.Ipv6.of(a).toString(), v4 ? "IPv4" : "IPv6",
                    v4 ? netlab.ip.Ipv4.of(a).kind() : netlab.ip.Ipv6.of(a).kind());
        }
        return t;
    }

    @Override
    public String toString() {
        return name + " → " + addresses.stream().map(a -> a instanceof Inet6Address
                ? netlab.ip.Ipv6.of(a).toString() : a.getHostAddress()).toList();
    }
}
