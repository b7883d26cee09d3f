package netlab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The UDP/TCP/DNS defects of issue 14 (D2, D3, D13) and the servers' default address. */
class Issue14NetTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** D2: the UDP echo server echoes bytes, not text decoded and encoded again. */
    @Test
    void udpEchoServerEchoesBytes() throws Exception {
        byte[] notUtf8 = {(byte) 0xff, 0x00, (byte) 0x80, (byte) 0xc3};
        try (Server echo = Udp.echoServer(0); DatagramSocket me = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            me.setSoTimeout(5000);
            me.send(new DatagramPacket(notUtf8, notUtf8.length, InetAddress.getLoopbackAddress(), echo.port()));
            DatagramPacket back = new DatagramPacket(new byte[100], 100);
            me.receive(back);
            assertArrayEquals(notUtf8, java.util.Arrays.copyOf(back.getData(), back.getLength()));
        }
    }

    /** D3: a timeout keeps the part of a line that arrived. */
    @Test
    void readLineTimeoutKeepsThePartialLine() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpConnection c = Tcp.connect("127.0.0.1", listener.getLocalPort(), WAIT);
             Socket peer = listener.accept()) {
            peer.getOutputStream().write("hel".getBytes(StandardCharsets.UTF_8));
            TimedOutException e = assertThrows(TimedOutException.class, () -> c.readLine(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("3 bytes of the line so far are kept"), e.getMessage());
            peer.getOutputStream().write("lo\nnext".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello", c.readLine(WAIT));
            assertThrows(TimedOutException.class, () -> c.readLine(Duration.ofMillis(100)));
            assertEquals("next", c.receive(100, WAIT));   // kept bytes come first for receive too
            peer.getOutputStream().write("ab".getBytes(StandardCharsets.UTF_8));
            assertThrows(TimedOutException.class, () -> c.readLine(Duration.ofMillis(100)));
            peer.shutdownOutput();
            assertEquals("ab", c.readAll(WAIT));
        }
    }

    /** D13: an empty name is refused, not looked up as localhost. */
    @Test
    void emptyNameIsRefused() {
        for (String empty : new String[] {"", "  "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dns.lookup(empty));
            assertEquals("expected a host name, like example.com, but the name is empty", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Udp.send("x", "", 9));
        assertThrows(IllegalArgumentException.class, () -> Tcp.connect("", 9, WAIT));
    }

    /** D13: a reverse lookup with no name answers the address in RFC 5952 form. */
    @Test
    void reverseOfAnUnnamedIpv6AddressIsRfc5952() {
        String name = Dns.reverse("2001:db8::7");
        assertEquals("2001:db8::7", name);
        String loopback = Dns.reverse("::1");
        assertTrue(loopback.equals("::1") || !loopback.contains(":"), loopback);   // ::1, or a name from /etc/hosts
    }

    /** The servers listen on loopback unless asked for every interface. */
    @Test
    void serversBindLoopbackByDefault() throws Exception {
        for (Server s : new Server[] {Udp.echoServer(0), Udp.chatRoom(0), Tcp.echoServer(0), Tcp.chatServer(0),
                Tcp.serve(0, c -> { })}) {
            try (s) {
                assertTrue(s.address().getAddress().isLoopbackAddress(), s.name() + " " + s.address());
            }
        }
        try (TcpListener l = Tcp.listen(0)) {
            assertTrue(l.address().getAddress().isLoopbackAddress(), l.address().toString());
        }
        for (Server s : new Server[] {Udp.echoServer("0.0.0.0", 0), Udp.chatRoom("0.0.0.0", 0),
                Tcp.echoServer("0.0.0.0", 0), Tcp.chatServer("0.0.0.0", 0), Tcp.serve("0.0.0.0", 0, c -> { })}) {
            try (s) {
                assertTrue(s.address().getAddress().isAnyLocalAddress(), s.name() + " " + s.address());
            }
        }
        try (TcpListener l = Tcp.listen("0.0.0.0", 0, 5)) {
            assertTrue(l.address().getAddress().isAnyLocalAddress(), l.address().toString());
        }
    }

    /** An IPv6 peer prints with brackets, so its port is not read as a ninth group. */
    @Test
    void ipv6PeerPrintsWithBrackets() {
        assertEquals("[::1]:69", UdpEndpoint.show(new InetSocketAddress("::1", 69)));
    }

    /** A TCP server whose listening socket is closed from outside (the notebook stopping its cell) stops instead of spinning. */
    @Test
    void aServerWhoseSocketIsClosedFromOutsideStops() throws Exception {
        java.util.List<Object> tracked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Server s;
        try (var restore = netlab.runtime.TestHost.trackWith(tracked::add)) {
            s = Tcp.serve(0, c -> { }).quiet();
        }
        try (s) {
            ServerSocket listening = tracked.stream().filter(ServerSocket.class::isInstance).map(ServerSocket.class::cast)
                    .findFirst().orElseThrow();
            listening.close();
            long end = System.nanoTime() + 2_000_000_000L;
            while (s.isRunning() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertTrue(!s.isRunning(), "the accept loop still runs: " + s.log().size() + " log lines");
            assertTrue(s.log().size() <= 1, s.log().size() + " log lines");
        }
    }
}
