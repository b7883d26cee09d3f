package netlab.net;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.format.DateTimeFormatter;
import netlab.text.Text;

/**
 * UDP from a cell: bind, send, receive, and ready-made servers that run in the background.
 *
 * <pre>{@code
 * Server echo = Udp.echoServer(0);                       // prints "[127.0.0.1:50712] hello" per datagram
 * try (UdpEndpoint me = Udp.bind(0)) {
 *     me.send("hello", "127.0.0.1", echo.port());
 *     me.receive(Duration.ofSeconds(2)).text();          // "hello"
 * }
 * echo.close();
 *
 * Server room = Udp.chatRoom(7788);                      // prints "[22:23:34] [127.0.0.1:50712] yes, we can"
 * Udp.send("yes, we can", "127.0.0.1", 7788);
 * room.close();
 * Server open = Udp.chatRoom("0.0.0.0", 7788);           // every interface: classmates can send to it too
 * open.close();
 * }</pre>
 *
 * <p>To every host on the local network (this one leaves the machine):
 * <pre>{@code
 * Udp.broadcast("Hi", 7788);                             // to 255.255.255.255:7788 with SO_BROADCAST
 * }</pre>
 *
 * <p>The servers run on virtual threads and print to the cell that started them; each returns a {@link Server}
 * to close. They listen on loopback (127.0.0.1) unless you pass another local address: {@code "0.0.0.0"} for
 * every interface, which other machines can reach. {@link #bind(int)} takes every interface, because a socket
 * on 127.0.0.1 can only send to this machine, and receiving broadcasts needs it. Ports: 0 lets the system choose a free one (read it back with {@code port()}); ports below 1024
 * need root. Text is UTF-8.
 */
public final class Udp {

    /** Where servers listen unless told otherwise: nothing outside this machine can reach them. */
    static final String LOOPBACK = "127.0.0.1";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Udp() {
    }

    /**
     * A UDP socket bound to {@code port} on every local address (0.0.0.0), with SO_BROADCAST off (see
     * {@link UdpEndpoint#broadcast(boolean)}). Example: {@code UdpEndpoint u = Udp.bind(0);}
     *
     * @throws UncheckedIOException if the port is taken, naming the port and what to do
     */
    public static UdpEndpoint bind(int port) {
        return bind("0.0.0.0", port);
    }

    /** A UDP socket bound to one local address, e.g. only loopback. Example: {@code Udp.bind("127.0.0.1", 0)}. */
    public static UdpEndpoint bind(String localAddress, int port) {
        Ports.check(port);
        InetSocketAddress where = new InetSocketAddress(resolve(localAddress), port);
        try {
            DatagramSocket socket = netlab.runtime.Resources.track(new DatagramSocket(where));
            // the JDK turns SO_BROADCAST on for every DatagramSocket; C and Python start with it off, as the course
            // teaches ("set SO_BROADCAST or broadcasts are refused"), so netlab does too
            socket.setBroadcast(false);
            return new UdpEndpoint(socket);
        } catch (SocketException e) {
            throw new UncheckedIOException(Text.of("net.udp.bind", UdpEndpoint.show(where), e.getMessage()) + hint(port, e), e);
        }
    }

    /** Sends one datagram from a fresh socket that is closed right after. Example: {@code Udp.send("hi", "127.0.0.1", 7788)}. */
    public static int send(String text, String host, int port) {
        try (UdpEndpoint u = bind(0)) {
            return u.send(text, host, port);
        }
    }

    /**
     * Sends {@code text} to every host on the local link (255.255.255.255) with SO_BROADCAST on.
     * Example: {@code Udp.broadcast("Hi", 7788)}.
     */
    public static int broadcast(String text, int port) {
        return broadcast(text, "255.255.255.255", port);
    }

    /**
     * Sends to a broadcast address, e.g. a subnet's directed broadcast ({@code Subnet.broadcast()}).
     * Example: {@code Udp.broadcast("Hi", "192.168.1.255", 7788)}.
     */
    public static int broadcast(String text, String broadcastAddress, int port) {
        try (UdpEndpoint u = bind(0).broadcast(true)) {
            return u.send(text, broadcastAddress, port);
        }
    }

    /**
     * An echo server on loopback (127.0.0.1): sends every datagram back to its sender, byte for byte, and prints
     * {@code [ip:port] text}. Example: {@code Server echo = Udp.echoServer(7788);}
     */
    public static Server echoServer(int port) {
        return echoServer(LOOPBACK, port);
    }

    /**
     * An echo server on one local address; {@code "0.0.0.0"} listens on every interface, so other machines
     * can reach it. Example: {@code Udp.echoServer("0.0.0.0", 7788)}.
     */
    public static Server echoServer(String localAddress, int port) {
        UdpEndpoint u = bind(localAddress, port);
        Server server = new Server("udp-echo", u.address(), u::close, new LiveLog());
        return server.start(() -> receiveLoop(u, server, d -> {
            server.logger().line(d.toString()); // logged before the reply, so the log is complete when the reply arrives
            u.send(d.data(), d.from());         // the bytes as they came: any payload, not only UTF-8 text
        }));
    }

    /**
     * A chat-room receiver on loopback (127.0.0.1): prints every datagram with the time,
     * {@code [22:23:34] [ip:port] text}, like the seed's 聊天室. Example: {@code Server room = Udp.chatRoom(7788);}
     */
    public static Server chatRoom(int port) {
        return chatRoom(LOOPBACK, port);
    }

    /**
     * A chat-room receiver on one local address; {@code "0.0.0.0"} listens on every interface, so classmates
     * can send to it. Example: {@code Udp.chatRoom("0.0.0.0", 7788)}.
     */
    public static Server chatRoom(String localAddress, int port) {
        UdpEndpoint u = bind(localAddress, port);
        Server server = new Server("udp-chat-room", u.address(), u::close, new LiveLog());
        return server.start(() -> receiveLoop(u, server,
                d -> server.logger().line("[" + d.time().format(CLOCK) + "] " + d)));
    }

    private static void receiveLoop(UdpEndpoint u, Server server, java.util.function.Consumer<Datagram> each)
            throws java.io.IOException {
        while (!server.closing()) {
            Datagram d;
            try {
                d = u.receive();
            } catch (UncheckedIOException e) {
                if (server.closing()) {
                    return;
                }
                throw e.getCause();
            }
            try {
                each.accept(d);
            } catch (RuntimeException e) {
                // e.g. the reply could not be sent: that sender's problem, not the server's
                server.logger().line(Text.of("net.log.not-handled", server.name(), d, e.getMessage()));
            } finally {
                server.handledOne();   // counted once handled, so awaitCount(n) sees its log line
            }
        }
    }

    static InetAddress resolve(String host) {
        return HostNames.address(host, HostNames.DEFAULT_TIMEOUT);
    }

    static String hint(int port, Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("in use")) {
            return Text.of("net.hint.inUse", port);
        }
        if (m.contains("ermission") && port < 1024) {
            return Text.of("net.hint.root");
        }
        return "";
    }
}
