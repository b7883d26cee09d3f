package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class UdpTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void sendAndReceiveOnLoopback() {
        try (UdpEndpoint a = Udp.bind("127.0.0.1", 0); UdpEndpoint b = Udp.bind("127.0.0.1", 0)) {
            assertEquals(5, a.send("hello", "127.0.0.1", b.port()));
            Datagram d = b.receive(WAIT);
            assertEquals("hello", d.text());
            assertEquals(a.port(), d.from().getPort());
            assertEquals("[127.0.0.1:" + a.port() + "] hello", d.toString());
            b.reply(d, "hi back");
            assertEquals("hi back", a.receive(WAIT).text());
        }
    }

    @Test
    void receiveTimeoutSaysWhatDidNotHappen() {
        try (UdpEndpoint u = Udp.bind("127.0.0.1", 0)) {
            TimedOutException e = assertThrows(TimedOutException.class, () -> u.receive(Duration.ofMillis(50)));
            assertEquals("no datagram arrived on port " + u.port() + " within 50 ms", e.getMessage());
            assertEquals("a timeout must be positive, like Duration.ofSeconds(2); was PT0S",
                    assertThrows(IllegalArgumentException.class, () -> u.receive(Duration.ZERO)).getMessage());
        }
    }

    /** 0 picks a port when binding; as a destination it reaches nobody, and the JDK said so only in English. */
    @Test
    void sendingToPortZeroSaysWhatZeroMeans() {
        try (UdpEndpoint u = Udp.bind("127.0.0.1", 0)) {
            assertEquals("cannot send to port 0 of 127.0.0.1: port 0 only means \"let the system pick a free port\" "
                    + "when binding, and nothing receives on it; send to the port the peer listens on",
                    assertThrows(IllegalArgumentException.class, () -> u.send("hi", "127.0.0.1", 0)).getMessage());
        }
    }

    @Test
    void bindingATakenPortNamesItAndSaysWhatToDo() {
        try (UdpEndpoint u = Udp.bind("127.0.0.1", 0)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Udp.bind("127.0.0.1", u.port()));
            assertTrue(e.getMessage().startsWith("cannot bind UDP 127.0.0.1:" + u.port() + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; another socket has port " + u.port()
                    + " — close it, or pick another port (0 lets the system choose)"), e.getMessage());
        }
    }

    @Test
    void broadcastWithoutSoBroadcastIsRefusedWithAHint() {
        // the kernel refuses before anything is sent (EACCES), so no packet leaves loopback
        try (UdpEndpoint u = Udp.bind("127.0.0.1", 0)) {
            assertFalse(u.isBroadcast());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> u.send("x", "255.255.255.255", 9));
            assertTrue(e.getMessage().endsWith("(a broadcast address needs broadcast(true) first)"), e.getMessage());
            assertTrue(u.broadcast(true).isBroadcast());
        }
    }

    @Test
    void echoServerEchoesAndLogsEachDatagram() throws Exception {
        try (Server echo = Udp.echoServer(0).quiet(); UdpEndpoint me = Udp.bind("127.0.0.1", 0)) {
            for (int i = 1; i <= 3; i++) {
                me.send("hello " + i, "127.0.0.1", echo.port());
                Datagram back = me.receive(WAIT);
                assertEquals("hello " + i, back.text());
                assertEquals(echo.port(), back.from().getPort());
            }
            assertTrue(echo.awaitCount(3, WAIT));
            assertEquals(List.of("[127.0.0.1:" + me.port() + "] hello 1", "[127.0.0.1:" + me.port() + "] hello 2",
                    "[127.0.0.1:" + me.port() + "] hello 3"), echo.log());
            assertTrue(echo.isRunning());
            echo.close();
            assertFalse(echo.isRunning());
        }
    }

    @Test
    void chatRoomLogsTimeSenderAndText() throws Exception {
        try (Server room = Udp.chatRoom(0).quiet()) {
            int from;
            try (UdpEndpoint me = Udp.bind("127.0.0.1", 0)) {
                from = me.port();
                me.send("yes, we can", "127.0.0.1", room.port());
            }
            assertTrue(room.awaitCount(1, WAIT));
            String line = room.log().getFirst();
            assertTrue(line.matches("\\[\\d\\d:\\d\\d:\\d\\d] \\[127\\.0\\.0\\.1:" + from + "] yes, we can"), line);
        }
    }

    @Test
    void fullDuplexChatFromAReceiverThreadAndASender() throws Exception {
        List<String> heardByA = new CopyOnWriteArrayList<>();
        List<String> heardByB = new CopyOnWriteArrayList<>();
        UdpEndpoint a = Udp.bind("127.0.0.1", 0);
        UdpEndpoint b = Udp.bind("127.0.0.1", 0);
        try (Server earsA = a.onReceive(d -> heardByA.add(d.text())).quiet();
             Server earsB = b.onReceive(d -> heardByB.add(d.text())).quiet()) {
            Thread talkB = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 5; i++) b.send("from b " + i, "127.0.0.1", a.port());
            });
            for (int i = 0; i < 5; i++) a.send("from a " + i, "127.0.0.1", b.port());
            talkB.join(WAIT);
            assertTrue(earsA.awaitCount(5, WAIT) && earsB.awaitCount(5, WAIT), heardByA + " " + heardByB);
            assertEquals(5, heardByA.stream().filter(s -> s.startsWith("from b ")).count());
            assertEquals(5, heardByB.stream().filter(s -> s.startsWith("from a ")).count());
        }
        assertTrue(a.socket().isClosed() && b.socket().isClosed());
    }

    @Test
    void aFailingHandlerDoesNotStopTheReceiver() throws Exception {
        UdpEndpoint u = Udp.bind("127.0.0.1", 0);
        List<String> ok = new CopyOnWriteArrayList<>();
        try (Server ears = u.onReceive(d -> {
            if (d.text().equals("bad")) throw new IllegalStateException("boom");
            ok.add(d.text());
        }).quiet()) {
            Udp.send("bad", "127.0.0.1", u.port());
            Udp.send("good", "127.0.0.1", u.port());
            assertTrue(ears.awaitCount(2, WAIT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ok.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(List.of("good"), ok);
            assertTrue(ears.log().getFirst().startsWith("[udp-receiver] handler failed on [127.0.0.1:"), ears.log().toString());
        }
    }
}
