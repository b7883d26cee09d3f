package netlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.function.Consumer;
import netlab.text.Text;

/**
 * A bound UDP socket that sends and receives text or bytes: what the seed's Python calls
 * {@code socket(AF_INET, SOCK_DGRAM)} plus {@code bind}, {@code sendto} and {@code recvfrom}.
 *
 * <pre>{@code
 * try (UdpEndpoint a = Udp.bind(0); UdpEndpoint b = Udp.bind(0)) {
 *     a.send("hello", "127.0.0.1", b.port());
 *     Datagram d = b.receive(Duration.ofSeconds(2));   // [127.0.0.1:<a's port>] hello
 *     b.reply(d, "hi back");
 *     a.receive(Duration.ofSeconds(2)).text();         // "hi back"
 * }
 * }</pre>
 *
 * <p>Full-duplex chat from two building blocks: a receiver on its own virtual thread, and sending from the cell.
 * <pre>{@code
 * UdpEndpoint me = Udp.bind(7788);
 * Server ears = me.onReceive(d -> System.out.println(d));   // thread 1: prints what arrives
 * me.send("你好", "127.0.0.1", 7789);                          // thread 2 (the cell): sends
 * ears.close();                                             // stops the receiver and closes me
 * }</pre>
 *
 * <p>Text is encoded with {@link #charset()}, UTF-8 unless you set another ({@link Encodings#GBK} to talk to the
 * seed's Windows tool). Sending from several threads at once is safe; receive from one thread at a time.
 * Close it (try-with-resources) to free the port.
 */
public final class UdpEndpoint implements AutoCloseable {

    /** The largest UDP payload over IPv4: 65535 − 20 (IP header) − 8 (UDP header). */
    public static final int MAX_PAYLOAD = 65_507;

    private final DatagramSocket socket;
    /** Where it is bound, kept: a closed DatagramSocket forgets its address and says port -1. */
    private final InetSocketAddress address;
    private volatile Charset charset = Encodings.UTF_8;

    /** An endpoint on {@code socket}, which is bound. */
    UdpEndpoint(DatagramSocket socket) {
        this.socket = socket;
        this.address = (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * The local port (the one the system chose if you bound port 0), also once closed.
     * Example: {@code Udp.bind(0).port()}.
     */
    public int port() {
        return address.getPort();
    }

    /** The local address and port. Example: {@code Udp.bind(0).address()} is {@code 0.0.0.0/0.0.0.0:50712}. */
    public InetSocketAddress address() {
        return address;
    }

    /** The charset used for text. Example: {@code u.charset()} is UTF-8. */
    public Charset charset() {
        return charset;
    }

    /** Sets the charset for text sent and received; returns this. Example: {@code u.charset(Encodings.GBK)}. */
    public UdpEndpoint charset(Charset newCharset) {
        this.charset = Objects.requireNonNull(newCharset, "charset");
        return this;
    }

    /**
     * Allows sending to broadcast addresses (SO_BROADCAST); without it the system refuses with
     * "Permission denied". Returns this. Example: {@code Udp.bind(0).broadcast(true)}.
     */
    public UdpEndpoint broadcast(boolean on) {
        try {
            socket.setBroadcast(on);
        } catch (SocketException e) {
            throw closedOr(e, new UncheckedIOException(Text.of("net.udp.broadcast", port(), e.getMessage()), e));
        }
        return this;
    }

    /** Sends {@code text} in the current charset; returns the number of bytes sent. Example: {@code u.send("hi", "127.0.0.1", 7788)}. */
    public int send(String text, String host, int port) {
        return send(text.getBytes(charset), host, port);
    }

    /** Sends {@code text} to an address. Example: {@code u.send("hi", new InetSocketAddress("127.0.0.1", 7788))}. */
    public int send(String text, InetSocketAddress to) {
        return send(text.getBytes(charset), to);
    }

    /** Sends bytes. Example: {@code u.send(new byte[] {0, 1}, "127.0.0.1", 69)}. */
    public int send(byte[] data, String host, int port) {
        Ports.check(port);
        return send(data, new InetSocketAddress(Udp.resolve(host), port));
    }

    /** Sends bytes to an address. Example: {@code u.send(new byte[] {1}, d.from())}. */
    public int send(byte[] data, InetSocketAddress to) {
        if (to.isUnresolved()) {
            throw new IllegalArgumentException(Text.of("net.udp.unresolved", to.getHostString()));
        }
        if (to.getPort() == 0) {
            throw new IllegalArgumentException(Text.of("net.udp.portZero", to.getHostString()));
        }
        if (data.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(Text.of("net.udp.tooBig", data.length, MAX_PAYLOAD));
        }
        try {
            socket.send(new DatagramPacket(data, data.length, to));
            return data.length;
        } catch (IOException e) {
            String needs = isBroadcastTarget(to.getAddress()) && !isBroadcast() ? Text.of("net.udp.needsBroadcast") : "";
            throw closedOr(e, new UncheckedIOException(
                    Text.of("net.udp.send", data.length, port(), show(to), e.getMessage()) + needs, e));
        }
    }

    /** Sends {@code text} back to whoever sent {@code d}. Example: {@code u.reply(d, "got it")}. */
    public int reply(Datagram d, String text) {
        return send(text, d.from());
    }

    /** Waits as long as it takes for one datagram. Example: {@code u.receive()}; interrupt the cell to stop waiting. */
    public Datagram receive() {
        return receive(0, Duration.ZERO);
    }

    /**
     * Waits up to {@code timeout} for one datagram. Example: {@code u.receive(Duration.ofSeconds(2))}.
     *
     * @throws TimedOutException if none arrived in time
     */
    public Datagram receive(Duration timeout) {
        return receive(Durations.millis(timeout), timeout);
    }

    private Datagram receive(int timeoutMillis, Duration timeout) {
        byte[] buffer = new byte[MAX_PAYLOAD];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout(timeoutMillis);
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new TimedOutException(Text.of("net.udp.timeout", port(), Durations.show(timeout)), e);
        } catch (IOException e) {
            throw closedOr(e, new UncheckedIOException(Text.of("net.udp.receive", port(), e.getMessage()), e));
        }
        return new Datagram((InetSocketAddress) packet.getSocketAddress(),
                java.util.Arrays.copyOf(buffer, packet.getLength()), charset, LocalTime.now());
    }

    /**
     * Receives on a background virtual thread, calling {@code handler} for each datagram, until the returned
     * {@link Server} is closed (which also closes this endpoint). A handler that throws is logged; the receiver goes on.
     * Example: {@code Server ears = u.onReceive(d -> System.out.println(d));}
     */
    public Server onReceive(Consumer<Datagram> handler) {
        Objects.requireNonNull(handler, "handler");
        if (socket.isClosed()) {
            throw closed(new java.nio.channels.ClosedChannelException());
        }
        Server server = new Server("udp-receiver", address(), this::close, new LiveLog());
        return server.start(() -> {
            while (!socket.isClosed()) {
                Datagram d;
                try {
                    d = receive();
                } catch (UncheckedIOException e) {
                    if (socket.isClosed() || server.closing()) {
                        return;
                    }
                    throw e.getCause();
                }
                try {
                    handler.accept(d);
                } catch (RuntimeException e) {
                    // one bad datagram or handler bug must not stop the receiver
                    server.logger().line(Text.of("net.log.handler-failed", d, e));
                } finally {
                    server.handledOne();   // counted once handled, so awaitCount(n) sees what the handler did
                }
            }
        });
    }

    /** Whether SO_BROADCAST is on. Example: {@code u.isBroadcast()}. */
    public boolean isBroadcast() {
        try {
            return socket.getBroadcast();
        } catch (SocketException e) {
            return false;
        }
    }

    /** The JDK socket, for options this class does not cover. Example: {@code u.socket().getReceiveBufferSize()}. */
    public DatagramSocket socket() {
        return socket;
    }

    /** Frees the port. Example: {@code u.close()}. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "UDP " + show(address()) + (socket.isClosed() ? " " + Text.of("net.tcp.closedShort") : "") + ", " + charset;
    }

    /**
     * {@code otherwise}, unless the socket is closed: then the {@link ClosedException} that says so (the JDK's
     * "Socket closed" says neither which socket nor what to do).
     */
    private UncheckedIOException closedOr(IOException failure, UncheckedIOException otherwise) {
        return socket.isClosed() ? closed(failure) : otherwise;
    }

    private ClosedException closed(IOException cause) {
        return new ClosedException(Text.of("net.closed.udp", show(address)), cause);
    }

    /** {@code 127.0.0.1:7788}, {@code [::1]:7788}, or {@code *:7788} for "every local address" (0.0.0.0 or ::). */
    static String show(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        if (ip == null) {
            return a.getHostString() + ":" + a.getPort();
        }
        if (ip.isAnyLocalAddress()) {
            return "*:" + a.getPort();
        }
        return (ip instanceof java.net.Inet6Address ? "[" + netlab.ip.Ipv6.of(ip) + "]" : ip.getHostAddress()) + ":" + a.getPort();
    }

    private static boolean isBroadcastTarget(InetAddress a) {
        byte[] b = a == null ? new byte[0] : a.getAddress();
        return b.length == 4 && (b[3] & 255) == 255;
    }
}
