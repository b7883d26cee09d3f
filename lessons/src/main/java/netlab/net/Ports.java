package netlab.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import netlab.display.Table;
import netlab.text.FullWidth;
import netlab.text.Text;

/**
 * Port numbers: which service a well-known port belongs to and back, and which range a port is in.
 *
 * <pre>{@code
 * Ports.name(80)            // "http"
 * Ports.number("ssh")       // 22
 * Ports.describe(69)        // "69: tftp — Trivial File Transfer Protocol (udp); well-known (0–1023): binding it needs root"
 * Ports.ephemeralRange()    // "32768–60999" on most Linux machines: where port 0 binds come from
 * Ports.table()             // every service below as a table
 * }</pre>
 *
 * <p>A port is 16 bits, 0–65535. IANA's ranges: well-known 0–1023 (binding needs root on Linux), registered
 * 1024–49151, dynamic 49152–65535. The course's "dynamic ports 1024–65535" is the older, looser split.
 */
public final class Ports {

    /** One entry of the table: a service, its port and its transport. */
    public record Service(int port, String name, String transport) {

        /** What the service is, in the reader's language. Example: {@code Ports.services().get(0).description()}. */
        public String description() {
            return Text.of("net.ports.service." + name);
        }
    }

    private static final List<Service> SERVICES = List.of(
            new Service(7, "echo", "tcp/udp"),
            new Service(20, "ftp-data", "tcp"),
            new Service(21, "ftp", "tcp"),
            new Service(22, "ssh", "tcp"),
            new Service(23, "telnet", "tcp"),
            new Service(25, "smtp", "tcp"),
            new Service(53, "dns", "udp/tcp"),
            new Service(67, "dhcp-server", "udp"),
            new Service(68, "dhcp-client", "udp"),
            new Service(69, "tftp", "udp"),
            new Service(80, "http", "tcp"),
            new Service(110, "pop3", "tcp"),
            new Service(123, "ntp", "udp"),
            new Service(137, "netbios-ns", "udp"),
            new Service(143, "imap", "tcp"),
            new Service(161, "snmp", "udp"),
            new Service(162, "snmp-trap", "udp"),
            new Service(389, "ldap", "tcp"),
            new Service(443, "https", "tcp"),
            new Service(445, "smb", "tcp"),
            new Service(514, "syslog", "udp"),
            new Service(520, "rip", "udp"),
            new Service(993, "imaps", "tcp"),
            new Service(995, "pop3s", "tcp"),
            new Service(1433, "mssql", "tcp"),
            new Service(1521, "oracle", "tcp"),
            new Service(3306, "mysql", "tcp"),
            new Service(3389, "rdp", "tcp"),
            new Service(5432, "postgresql", "tcp"),
            new Service(6379, "redis", "tcp"),
            new Service(8080, "http-alt", "tcp"),
            new Service(8888, "jupyter", "tcp"),
            new Service(27017, "mongodb", "tcp"));

    private Ports() {
    }

    /** The service name on a port, or "" if the table has none. Example: {@code Ports.name(443)} is "https". */
    public static String name(int port) {
        check(port);
        return SERVICES.stream().filter(s -> s.port() == port).map(Service::name).findFirst().orElse("");
    }

    /**
     * The port of a service (case-insensitive; "domain", "bootps", "bootpc", "www" also work).
     * Example: {@code Ports.number("tftp")} is 69.
     *
     * @throws IllegalArgumentException listing the names it knows
     */
    public static int number(String service) {
        String s = service == null ? "" : service.strip().toLowerCase(Locale.ROOT);
        s = switch (s) {
            case "domain" -> "dns";
            case "bootps", "dhcp" -> "dhcp-server";
            case "bootpc" -> "dhcp-client";
            case "www" -> "http";
            default -> s;
        };
        for (Service x : SERVICES) {
            if (x.name().equals(s)) {
                return x.port();
            }
        }
        throw new IllegalArgumentException(Text.of("net.ports.unknown", service,
                SERVICES.stream().map(Service::name).collect(Collectors.joining(", "))) + FullWidth.hint(service));
    }

    /** Which IANA range a port is in. Example: {@code Ports.range(50000)} is "dynamic (49152–65535)". */
    public static String range(int port) {
        check(port);
        return Text.of(port < 1024 ? "net.ports.range.wellKnown" : port < 49152 ? "net.ports.range.registered"
                : "net.ports.range.dynamic");
    }

    /** One line about a port. Example: {@code Ports.describe(22)}. */
    public static String describe(int port) {
        check(port);
        String range = port < 1024 ? Text.of("net.ports.needsRoot", range(port)) : range(port);
        return SERVICES.stream().filter(s -> s.port() == port).findFirst()
                .map(s -> port + ": " + s.name() + " — " + s.description() + " (" + s.transport() + "); " + range)
                .orElse(Text.of("net.ports.noService", port, range));
    }

    /**
     * The range Linux picks from when you bind port 0 or connect without binding, read from
     * /proc/sys/net/ipv4/ip_local_port_range. Example: {@code Ports.ephemeralRange()} is "32768–60999".
     */
    public static String ephemeralRange() {
        try {
            String[] r = SocketTable.readProc(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return r[0] + "–" + r[1];
        } catch (IOException | RuntimeException e) {
            return Text.of("net.ports.ephemeralUnknown");
        }
    }

    /** Every service this class knows. Example: {@code Ports.services().size()}. */
    public static List<Service> services() {
        return SERVICES;
    }

    /** The services as a table. Example: {@code Ports.table()}. */
    public static Table table() {
        Table t = Table.captioned(Text.of("net.ports.caption"), Text.of("net.ports.col.port"), Text.of("net.ports.col.service"),
                Text.of("net.ports.col.transport"), Text.of("net.ports.col.what"), Text.of("net.ports.col.range"));
        for (Service s : SERVICES) {
            t.row(s.port(), s.name(), s.transport(), s.description(), range(s.port()));
        }
        return t;
    }

    static void check(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(Text.of("net.ports.outOfRange", port));
        }
    }
}
