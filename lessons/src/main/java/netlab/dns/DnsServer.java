package netlab.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.net.Udp;
import netlab.text.Text;

/**
 * A tiny authoritative DNS server on a loopback address, answering from one {@link Zone} over UDP on a thread
 * of its own until closed. Malformed queries are ignored, as real servers do.
 *
 * <pre>{@code
 * try (DnsServer s = DnsServer.start("127.0.0.13", 0, Zone.of("itcast.cn.").a("www.itcast.cn.", "203.0.113.80"))) {
 *     ... send DnsMessage.query(1, "www.itcast.cn", DnsMessage.A).encode() to s.address() ...
 * }
 * }</pre>
 */
public final class DnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    /** Where it listens, kept: a closed DatagramSocket forgets. */
    private final InetSocketAddress address;
    private final Zone zone;
    private final Thread thread;
    private final int delayMillis;
    private final AtomicInteger answered = new AtomicInteger();

    private DnsServer(DatagramSocket socket, Zone zone, int delayMillis) {
        this.socket = socket;
        this.address = (InetSocketAddress) socket.getLocalSocketAddress();
        this.zone = zone;
        this.delayMillis = delayMillis;
        this.thread = Thread.ofVirtual().name("dns " + zone.apex() + " " + address).start(this::serve);
    }

    /** Serves {@code zone} on {@code ip}:{@code port} (port 0: any free port). {@code ip} must be a loopback address. */
    public static DnsServer start(String ip, int port, Zone zone) {
        return start(ip, port, zone, 0);
    }

    /** Like {@link #start(String, int, Zone)}, answering each query after {@code delayMillis} (a far-away server). */
    public static DnsServer start(String ip, int port, Zone zone, int delayMillis) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(Text.of("dns.server.loopback-only", ip));
            }
            // bound as every course socket is: a taken port said in the student's words, and the socket the
            // notebook's cell's own, closed when the cell runs again
            return new DnsServer(Udp.bind(address.getHostAddress(), port).socket(), zone, delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where it listens, also once closed. Example: {@code s.address()} is {@code /127.0.0.13:53001}. */
    public InetSocketAddress address() {
        return address;
    }

    /** The UDP port it listens on. Example: {@code DnsServer.start("127.0.0.13", 0, zone).port()}. */
    public int port() {
        return address.getPort();
    }

    /** How many queries this server has answered. */
    public int answered() {
        return answered.get();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                DnsMessage q;
                try {
                    q = DnsMessage.decode(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                } catch (IllegalArgumentException malformed) {
                    continue;
                }
                if (q.isResponse() || q.questions().isEmpty()) {
                    continue;
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                byte[] reply = zone.answer(q.id(), q.flags(), q.questions().getFirst()).encode();
                socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                answered.incrementAndGet();
            } catch (IOException | InterruptedException e) {
                return; // closed
            }
        }
    }

    /** {@code DNS server 127.0.0.13:53001 for itcast.cn., 3 queries answered}, and whether it is closed. */
    @Override
    public String toString() {
        return Text.of("dns.server.shown", Resolver.shown(address), zone.apex(), answered.get())
                + (socket.isClosed() ? " " + Text.of("net.tcp.closedShort") : "");
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
