package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A socket used after it was closed (a student's {@code close()} cell run before a cell that uses it, or the
 * notebook closing what a rerun cell opened) says which socket is closed and what to run, not the JDK's
 * "Socket closed", a port of -1, or a NullPointerException from its own {@code toString}.
 */
class ClosedSocketsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aClosedUdpEndpointKeepsItsPortAndEveryUseSaysItIsClosed() {
        UdpEndpoint u = Udp.bind("127.0.0.1", 0);
        int port = u.port();
        u.close();
        assertEquals(port, u.port());
        assertEquals("UDP 127.0.0.1:" + port + " (closed), UTF-8", u.toString());
        String said = "this UDP endpoint (127.0.0.1:" + port + ") is closed and can no longer send or receive: close()"
                + " closed it, or netlab did when the cell that opened it ran again or was interrupted. To go on, run the"
                + " cell that creates it (Udp.bind(...)) again.";
        assertEquals(said, assertThrows(ClosedException.class, () -> u.receive(WAIT)).getMessage());
        assertEquals(said, assertThrows(ClosedException.class, () -> u.send("hi", "127.0.0.1", port)).getMessage());
        assertEquals(said, assertThrows(ClosedException.class, () -> u.onReceive(d -> { })).getMessage());
        assertEquals(said, assertThrows(ClosedException.class, () -> u.broadcast(true)).getMessage());
    }

    @Test
    void anEndpointClosedWhileAnotherThreadReceivesEndsThatReceiveWithTheSameSentence() throws Exception {
        UdpEndpoint u = Udp.bind("127.0.0.1", 0);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                u.receive(WAIT);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
        });
        Thread.sleep(100);
        u.close();
        Throwable e = thrown.get(10, TimeUnit.SECONDS);
        assertInstanceOf(ClosedException.class, e);
        assertTrue(e.getMessage().startsWith("this UDP endpoint (127.0.0.1:" + u.port() + ") is closed"), e.getMessage());
    }

    @Test
    void aClosedListenerAndAClosedConnectionSayWhichAndWhatToRun() {
        try (TcpListener open = Tcp.listen("127.0.0.1", 0, 5)) {
            TcpConnection c = Tcp.connect("127.0.0.1", open.port(), WAIT);
            String ends = "127.0.0.1:" + c.localPort() + " → 127.0.0.1:" + open.port();
            c.close();
            assertEquals("TCP " + ends + " (closed)", c.toString());
            String said = "this TCP connection (" + ends + ") is closed on this side and can no longer send or receive:"
                    + " close() closed it, or netlab did when the cell that opened it ran again or was interrupted. To go"
                    + " on, make a new connection (Tcp.connect(...)).";
            assertEquals(said, assertThrows(ClosedException.class, () -> c.sendLine("hi")).getMessage());
            assertEquals(said, assertThrows(ClosedException.class, () -> c.readLine(WAIT)).getMessage());
            assertEquals(said, assertThrows(ClosedException.class, () -> c.receive(10, WAIT)).getMessage());
            assertEquals(said, assertThrows(ClosedException.class, c::shutdownOutput).getMessage());
        }
        TcpListener l = Tcp.listen("127.0.0.1", 0, 5);
        l.close();
        assertEquals("this TCP listener (127.0.0.1:" + l.port() + ") is closed and can no longer accept: close() closed"
                        + " it, or netlab did when the cell that opened it ran again or was interrupted. To go on, run the"
                        + " cell that creates it (Tcp.listen(...)) again.",
                assertThrows(ClosedException.class, () -> l.accept(WAIT)).getMessage());
    }
}
