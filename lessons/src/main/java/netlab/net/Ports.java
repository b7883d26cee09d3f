package netlab.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import netlab.display.Table;
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

    /** One entry of the table: a service, its port, its transport and what it is. */
    public record Service(int port, String name, String transport, String description) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service(7, "echo", "tcp/udp", "Echo: sends back what it receives"),
            new Service(20, "ftp-data", "tcp", "File Transfer Protocol, data connection"),
            new Service(21, "ftp", "tcp", "File Transfer Protocol, control connection"),
            new Service(22, "ssh", "tcp", "Secure Shell"),
            new Service(23, "telnet", "tcp", "Telnet remote terminal (unencrypted)"),
            new Service(25, "smtp", "tcp", "Simple Mail Transfer Protocol"),
            new Service(53, "dns", "udp/tcp", "Domain Name System"),
            new Service(67, "dhcp-server", "udp", "DHCP server (bootps)"),
            new Service(68, "dhcp-client", "udp", "DHCP client (bootpc)"),
            new Service(69, "tftp", "udp", "Trivial File Transfer Protocol"),
            new Service(80, "http", "tcp", "HyperText Transfer Protocol"),
            new Service(110, "pop3", "tcp", "Post Office Protocol 3"),
            new Service(123, "ntp", "udp", "Network Time Protocol"),
            new Service(137, "netbios-ns", "udp", "NetBIOS name service (Windows networking)"),
            new Service(143, "imap", "tcp", "Internet Message Access Protocol"),
            new Service(161, "snmp", "udp", "Simple Network Management Protocol"),
            new Service(162, "snmp-trap", "udp", "SNMP traps"),
            new Service(389, "ldap", "tcp", "Lightweight Directory Access Protocol"),
            new Service(443, "https", "tcp", "HTTP over TLS"),
            new Service(445, "smb", "tcp", "Windows file sharing (SMB)"),
            new Service(514, "syslog", "udp", "System logging"),
            new Service(520, "rip", "udp", "Routing Information Protocol"),
            new Service(993, "imaps", "tcp", "IMAP over TLS"),
            new Service(995, "pop3s", "tcp", "POP3 over TLS"),
            new Service(1433, "mssql", "tcp", "Microsoft SQL Server"),
            new Service(1521, "oracle", "tcp", "Oracle database"),
            new Service(3306, "mysql", "tcp", "MySQL / MariaDB"),
            new Service(3389, "rdp", "tcp", "Windows Remote Desktop"),
            new Service(5432, "postgresql", "tcp", "PostgreSQL"),
            new Service(6379, "redis", "tcp", "Redis"),
            new Service(8080, "http-alt", "tcp", "HTTP, alternative port (proxies, development servers)"),
            new Service(8888, "jupyter", "tcp", "Jupyter Notebook / JupyterLab (default)"),
            new Service(27017, "mongodb", "tcp", "MongoDB"));

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
                SERVICES.stream().map(Service::name).collect(Collectors.joining(", "))));
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
