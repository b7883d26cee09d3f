package netlab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import netlab.display.Table;
import netlab.text.Text;

/**
 * Name lookups as Java does them ({@code InetAddress}), and where the answers come from.
 *
 * <pre>{@code
 * Dns.lookup("localhost")            // all addresses, IPv4 and IPv6, with the time it took
 * Dns.reverse("127.0.0.1")           // "localhost": the name for an address
 * Dns.hostsFile()                    // /etc/hosts as a table
 * Dns.explain("localhost")           // hosts file vs resolver vs the JVM's cache settings, side by side
 * }</pre>
 *
 * <p><b>Why answers differ.</b> {@code InetAddress} asks the operating system's resolver, which reads the sources
 * in /etc/nsswitch.conf order (usually {@code files dns}: /etc/hosts first, then the servers in /etc/resolv.conf).
 * The JVM then caches answers: successful ones for {@code networkaddress.cache.ttl} seconds (default 30),
 * failures for {@code networkaddress.cache.negative.ttl} (default 10). So {@code nslookup}, which asks a DNS
 * server directly, can disagree with Java, and an edit to /etc/hosts shows up in Java only after the cache expires.
 */
public final class Dns {

    private Dns() {
    }

    /**
     * Every address for {@code name}, in resolver order, waiting at most 3 s for the resolver.
     * Example: {@code Dns.lookup("localhost")}.
     *
     * @throws IllegalArgumentException if the name is empty or the resolver does not know it, saying where Java looked
     * @throws TimedOutException if the resolver did not answer within 3 s
     */
    public static DnsAnswer lookup(String name) {
        return lookup(name, HostNames.DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #lookup(String)}, giving up after {@code timeout} (InetAddress itself has no timeout: a dead DNS
     * server blocks it for 10 s). Example: {@code Dns.lookup("localhost", Duration.ofSeconds(2))}.
     *
     * @throws TimedOutException if the resolver did not answer in time; the lookup goes on in the background
     *         and its answer still fills the JVM cache
     */
    public static DnsAnswer lookup(String name, Duration timeout) {
        String host = HostNames.requireName(name);
        long start = System.nanoTime();
        List<InetAddress> all = Arrays.asList(HostNames.all(host, timeout));
        return new DnsAnswer(host, all, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The name for an address (reverse lookup: /etc/hosts, then a PTR query), waiting at most 3 s; the address
     * itself (IPv6 in RFC 5952 form) if none is found. Example: {@code Dns.reverse("127.0.0.1")} is "localhost".
     *
     * @throws TimedOutException if the resolver did not answer within 3 s
     */
    public static String reverse(String address) {
        InetAddress a = literal(address);
        String shown = a instanceof java.net.Inet6Address ? netlab.ip.Ipv6.of(a).toString() : a.getHostAddress();
        return HostNames.reverse(a, shown, HostNames.DEFAULT_TIMEOUT);
    }

    private static InetAddress literal(String address) {
        try {
            if (address.contains(":")) {
                return netlab.ip.Ipv6.parse(address).toInetAddress();
            }
            return netlab.ip.Ipv4.parse(address).toInetAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Text.of("net.dns.reverseNeedsIp", e.getMessage()), e);
        }
    }

    /** /etc/hosts. Example: {@code Dns.hostsFile().addressesOf("localhost")}. */
    public static HostsFile hostsFile() {
        return HostsFile.read();
    }

    /**
     * The JVM's cache times: {@code networkaddress.cache.ttl} and {@code .negative.ttl}, as set or defaulted.
     * Example: {@code Dns.cacheTtl()} is "positive 30 s (default), negative 10 s".
     */
    public static String cacheTtl() {
        String positive = Security.getProperty("networkaddress.cache.ttl");
        String negative = Security.getProperty("networkaddress.cache.negative.ttl");
        return Text.of("net.dns.ttl", positive == null ? Text.of("net.dns.ttl.default", 30) : seconds(positive),
                negative == null ? Text.of("net.dns.ttl.default", 10) : seconds(negative));
    }

    private static String seconds(String ttl) {
        return "-1".equals(ttl.trim()) ? Text.of("net.dns.ttl.forever") : Text.of("common.seconds", ttl.trim());
    }

    /** Where an answer comes from, side by side. Example: {@code Dns.explain("localhost")}. */
    public static Table explain(String name) {
        List<String> fromFile = hostsFile().addressesOf(name);
        String resolver;
        try {
            DnsAnswer a = lookup(name);
            resolver = String.join(", ", a.ipv4()) + (a.ipv6().isEmpty() ? "" : ", " + String.join(", ", a.ipv6()));
        } catch (IllegalArgumentException e) {
            resolver = netlab.text.Text.of("net.explain.unknown");
        } catch (TimedOutException e) {
            resolver = netlab.text.Text.of("net.explain.silent", Durations.show(HostNames.DEFAULT_TIMEOUT));
        }
        return Table.captioned(Text.of("net.dns.explain.caption", name), Text.of("net.dns.explain.source"),
                        Text.of("net.dns.explain.says"))
                .row("/etc/hosts", fromFile.isEmpty() ? Text.of("net.dns.explain.notListed") : String.join(", ", fromFile))
                .row("InetAddress.getAllByName", resolver)
                .row(Text.of("net.dns.explain.order"), firstLineStarting(Path.of("/etc/nsswitch.conf"), "hosts:"))
                .row(Text.of("net.dns.explain.servers"), String.join(", ", linesStarting(Path.of("/etc/resolv.conf"), "nameserver")))
                .row(Text.of("net.dns.explain.cache"), cacheTtl());
    }

    private static String firstLineStarting(Path file, String prefix) {
        List<String> l = linesStarting(file, prefix);
        return l.isEmpty() ? Text.of("net.dns.explain.orderDefault") : l.getFirst();
    }

    private static List<String> linesStarting(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(s -> s.startsWith(prefix))
                    .map(s -> s.substring(prefix.length()).trim()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
