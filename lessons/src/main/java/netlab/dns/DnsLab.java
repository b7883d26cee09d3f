package netlab.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.text.Text;

/**
 * The DNS hierarchy in miniature, on loopback: a root server (127.0.0.11) that delegates {@code cn.} to a TLD
 * server (127.0.0.12), which delegates {@code itcast.cn.} to its authoritative server (127.0.0.13), which knows
 * {@code www.itcast.cn} (and {@code itheima.com} through a {@code com.} server at 127.0.0.14). All listen on the same
 * free UDP port, so the glue addresses in the referrals are real addresses to ask next.
 *
 * <pre>{@code
 * try (DnsLab dns = DnsLab.start()) {
 *     dns.trace("www.itcast.cn")   // root → cn. → itcast.cn. → 203.0.113.80
 * }
 * }</pre>
 */
public final class DnsLab implements AutoCloseable {

    public static final String ROOT = "127.0.0.11";
    private final List<DnsServer> servers;
    private final int port;
    private volatile boolean closed;

    private DnsLab(List<DnsServer> servers, int port) {
        this.servers = servers;
        this.port = port;
    }

    /** Starts the four servers on one free port (tries a few ports if one is taken on some address). */
    public static DnsLab start() {
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = freePort();
            List<DnsServer> started = new ArrayList<>();
            try {
                started.add(DnsServer.start(ROOT, port, Zone.of(".")
                        .delegate("cn.", "a.dns.cn.", "127.0.0.12")
                        .delegate("com.", "a.gtld-servers.net.", "127.0.0.14")));
                started.add(DnsServer.start("127.0.0.12", port, Zone.of("cn.").delegate("itcast.cn.", "dns1.itcast.cn.", "127.0.0.13")));
                started.add(DnsServer.start("127.0.0.13", port, Zone.of("itcast.cn.")
                        .a("www.itcast.cn.", "203.0.113.80").cname("itcast.cn.", "www.itcast.cn.")));
                started.add(DnsServer.start("127.0.0.14", port, Zone.of("com.")
                        .a("www.itheima.com.", "203.0.113.81")));
                return new DnsLab(List.copyOf(started), port);
            } catch (UncheckedIOException taken) {
                started.forEach(DnsServer::close);
            }
        }
        throw new IllegalStateException(Text.of("dns.lab.no-port"));
    }

    private static int freePort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ROOT, 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UDP port all servers listen on (a real one uses 53, which needs privileges). */
    public int port() {
        return port;
    }

    /** The servers: root, cn., itcast.cn., com. */
    public List<DnsServer> servers() {
        return servers;
    }

    /**
     * An iterative resolver that starts at this lab's root.
     *
     * @throws IllegalStateException once the lab is closed, whose servers no longer answer
     */
    public Resolver resolver() {
        if (closed) {
            throw new IllegalStateException(Text.of("dns.lab.closed"));
        }
        return new Resolver(new InetSocketAddress(ROOT, port));
    }

    /** Resolves {@code name} from the root, step by step. */
    public Resolution trace(String name) {
        return resolver().walk(name);
    }

    @Override
    public void close() {
        closed = true;
        servers.forEach(DnsServer::close);
    }

    /** {@code DNS lab: root 127.0.0.11, cn. 127.0.0.12, itcast.cn. 127.0.0.13, com. 127.0.0.14, UDP port 54947}. */
    @Override
    public String toString() {
        return Text.of("dns.lab.shown", ip(0), ip(1), ip(2), ip(3), port)
                + (closed ? " " + Text.of("net.tcp.closedShort") : "");
    }

    private String ip(int server) {
        return servers.get(server).address().getAddress().getHostAddress();
    }
}
