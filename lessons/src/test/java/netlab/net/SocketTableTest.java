package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SocketTableTest {

    @Test
    void parsesProcNetLines() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000005:00000002 00:00000000 00000000  1000        0 31337 1 0000000000000000 100 0 0 10 0
                   1: 0100007F:1F90 0200007F:C350 06 00000000:00000000 03:00000F9F 00000000     0        0 0 3 0000000000000000
                """;
        List<SocketEntry> rows = SocketTable.parse("tcp", tcp).entries();
        assertEquals(2, rows.size());
        SocketEntry listen = rows.getFirst();
        assertEquals(new InetSocketAddress("127.0.0.1", 8080), listen.local());
        assertEquals(TcpState.LISTEN, listen.state());
        assertEquals(5, listen.sendQueue());
        assertEquals(2, listen.receiveQueue());
        assertEquals(1000, listen.uid());
        assertEquals(31337, listen.inode());
        SocketEntry tw = rows.get(1);
        assertEquals(new InetSocketAddress("127.0.0.2", 50000), tw.remote());
        assertEquals(TcpState.TIME_WAIT, tw.state());
        String udp6 = """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                  12: 00000000000000000000000001000000:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 4242 2 0000000000000000 0
                """;
        SocketEntry dns = SocketTable.parse("udp6", udp6).entries().getFirst();
        assertEquals(new InetSocketAddress("::1", 53), dns.local());
        assertEquals("UNCONN", dns.stateName());
        String text = SocketTable.parse("udp6", udp6).toString();
        assertTrue(text.contains("udp6   0       0       [::1]:53       [::]:*           UNCONN  4242   101"), text);
    }

    @Test
    void findsThisTestsOwnSocketsInProcNet() {
        try (TcpListener server = Tcp.listen("127.0.0.1", 0, 7);
             TcpConnection client = Tcp.connect("127.0.0.1", server.port(), Duration.ofSeconds(5));
             TcpConnection served = server.accept(Duration.ofSeconds(5));
             UdpEndpoint udp = Udp.bind("127.0.0.1", 0)) {
            SocketTable table = SocketTable.read();
            List<SocketEntry> listening = table.localPort(server.port()).state(TcpState.LISTEN).entries();
            assertEquals(1, listening.size(), table.port(server.port()).toString());
            assertTrue(listening.getFirst().ownedHere());
            assertTrue(listening.getFirst().inode() > 0);
            // other processes on this machine may hold connections that share the port number: count ours
            List<SocketEntry> established = table.port(server.port()).state(TcpState.ESTABLISHED).entries()
                    .stream().filter(SocketEntry::ownedHere).toList();
            assertEquals(2, established.size(), "both ends of the connection");
            assertTrue(established.stream().anyMatch(e -> e.localPort() == client.localPort()));
            SocketEntry u = table.udp().localPort(udp.port()).entries().getFirst();
            assertEquals("UNCONN", u.stateName());
            assertTrue(u.ownedHere());
            String html = table.port(server.port()).mimeBundle().get("text/html");
            // IPv4 sockets show up in tcp, or IPv4-mapped in tcp6 when Java uses a dual-stack socket
            assertTrue(html.contains("<td>tcp</td><td>0</td><td>0</td><td>127.0.0.1:" + server.port() + "</td><td>0.0.0.0:*</td><td>LISTEN</td>")
                    || html.contains("<td>tcp6</td><td>0</td><td>0</td><td>::ffff:127.0.0.1:" + server.port() + "</td><td>[::]:*</td><td>LISTEN</td>"), html);
            assertFalse(table.tcp().entries().stream().anyMatch(e -> !e.isTcp()));
        }
    }
}
