package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TcpTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void listenAcceptAndTalkBothWays() {
        try (TcpListener server = Tcp.listen("127.0.0.1", 0, 5);
             TcpConnection client = Tcp.connect("127.0.0.1", server.port(), WAIT);
             TcpConnection served = server.accept(WAIT)) {
            assertEquals(client.localPort(), served.remote().getPort());
            client.sendLine("hello");
            assertEquals("hello", served.readLine(WAIT));
            served.send("thank you !");
            assertEquals("thank you !", client.receive(1024, WAIT));
            assertEquals(5, server.backlog());
        }
    }

    @Test
    void echoServerEchoesAndLogs() throws Exception {
        try (Server echo = Tcp.echoServer(0).quiet();
             TcpConnection c = Tcp.connect("127.0.0.1", echo.port(), WAIT)) {
            assertEquals("hello", c.request("hello", WAIT));
            assertEquals("你好", c.request("你好", WAIT));
            assertTrue(echo.awaitCount(1, WAIT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (echo.log().size() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(List.of("[127.0.0.1:" + c.localPort() + "] hello", "[127.0.0.1:" + c.localPort() + "] 你好"), echo.log());
        }
    }

    @Test
    void halfCloseLetsTheServerAnswerAfterEndOfStream() {
        // the server reads until the client's FIN, then answers with what it counted
        try (Server counter = Tcp.serve(0, c -> {
            String all = c.readAll(WAIT);
            c.sendLine(all.length() + " chars");
        }).quiet(); TcpConnection c = Tcp.connect("127.0.0.1", counter.port(), WAIT)) {
            c.send("abc").send("def");
            c.shutdownOutput();
            assertEquals("6 chars", c.readLine(WAIT));
            assertNull(c.readLine(WAIT)); // then the server closed too
            assertEquals("", c.receive(10, WAIT));
        }
    }

    @Test
    void chatServerRelaysLinesToTheOthers() {
        try (Server chat = Tcp.chatServer(0).quiet();
             TcpConnection alice = Tcp.connect("127.0.0.1", chat.port(), WAIT)) {
            assertEquals("[127.0.0.1:" + alice.localPort() + " joined]", chat.log().isEmpty() ? awaitLine(chat) : chat.log().getFirst());
            try (TcpConnection bob = Tcp.connect("127.0.0.1", chat.port(), WAIT)) {
                assertEquals("[127.0.0.1:" + bob.localPort() + " joined]", alice.readLine(WAIT));
                bob.sendLine("hi alice");
                assertEquals("[127.0.0.1:" + bob.localPort() + "] hi alice", alice.readLine(WAIT));
                alice.sendLine("hi bob");
                assertEquals("[127.0.0.1:" + alice.localPort() + "] hi bob", bob.readLine(WAIT));
            }
            assertTrue(alice.readLine(WAIT).endsWith(" left]"));
        }
    }

    private static String awaitLine(Server s) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (s.log().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);   // not a spin: the server's virtual thread needs a core on a loaded machine
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(!s.log().isEmpty(), "the chat server logged nothing within " + WAIT);
        return s.log().getFirst();
    }

    @Test
    void aBadConnectionNeverKillsTheListenerAndThreadsAreNamedAfterThePeer() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<String> threadNames = new CopyOnWriteArrayList<>();
        try (Server s = Tcp.serve(0, c -> {
            threadNames.add(Thread.currentThread().getName() + "|" + c.peer());
            if (n.incrementAndGet() == 1) {
                throw new IllegalStateException("handler bug on the first client");
            }
            c.sendLine("ok");
        }).quiet()) {
            try (TcpConnection first = Tcp.connect("127.0.0.1", s.port(), WAIT)) {
                assertNull(first.readLine(WAIT)); // closed by the server after the handler threw
            }
            try (TcpConnection second = Tcp.connect("127.0.0.1", s.port(), WAIT)) {
                assertEquals("ok", second.readLine(WAIT));
            }
            assertTrue(s.isRunning());
            assertEquals(2, s.count());
            assertTrue(s.log().getFirst().matches("\\[tcp-server] connection 127\\.0\\.0\\.1:\\d+ failed: handler bug on the first client"),
                    s.log().toString());
            for (String t : threadNames) {
                String[] parts = t.split("\\|");
                assertEquals("tcp-server " + parts[1], parts[0]);
            }
        }
    }

    @Test
    void closingTheServerClosesOpenConnections() {
        Server s = Tcp.serve(0, c -> c.readLine()).quiet();
        try (TcpConnection c = Tcp.connect("127.0.0.1", s.port(), WAIT)) {
            assertEquals(1, awaitCount(s));
            s.close();
            assertNull(c.readLine(WAIT));
        }
        assertTrue(!s.isRunning());
    }

    private static long awaitCount(Server s) {
        try {
            s.awaitCount(1, WAIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return s.count();
    }

    @Test
    void errorsNameWhatWasExpected() {
        int freePort;
        try (TcpListener l = Tcp.listen("127.0.0.1", 0, 1)) {
            freePort = l.port();
            TimedOutException e = assertThrows(TimedOutException.class, () -> l.accept(Duration.ofMillis(50)));
            assertEquals("no client connected to port " + freePort + " within 50 ms", e.getMessage());
            try (TcpConnection c = Tcp.connect("127.0.0.1", freePort, WAIT); TcpConnection s = l.accept(WAIT)) {
                TimedOutException r = assertThrows(TimedOutException.class, () -> c.readLine(Duration.ofMillis(50)));
                assertEquals("no complete line from 127.0.0.1:" + freePort + " within 50 ms", r.getMessage());
            }
        }
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> Tcp.connect("127.0.0.1", freePort, WAIT));
        assertTrue(refused.getMessage().startsWith("cannot connect to 127.0.0.1:" + freePort + ": Connection refused"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; nothing listens on port " + freePort
                + " there — start the server first, or check the port"), refused.getMessage());
        assertEquals("port -1 is out of range; a port is 0–65535 (0 = let the system choose)",
                assertThrows(IllegalArgumentException.class, () -> Tcp.listen(-1)).getMessage());
    }

    @Test
    void aServerServesAtMostMaxConnectionsAtOnceAndTheNextWhenOneEnds() throws Exception {
        AtomicInteger started = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (Server server = Tcp.serve(0, 2, c -> {
            started.incrementAndGet();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.sendLine("done");
        })) {
            List<TcpConnection> clients = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(Tcp.connect("127.0.0.1", server.port(), WAIT)); // the third waits in the listen queue
            }
            for (int i = 0; i < 500 && started.get() < 2; i++) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // room for a third handler to start, which the cap must prevent
            assertEquals(2, started.get());
            release.countDown();
            for (TcpConnection c : clients) {
                assertEquals("done", c.readLine(WAIT)); // the third is served once a permit is free
                c.close();
            }
            assertEquals(3, started.get());
        }
    }

    @Test
    void theDefaultCapHoldsAC10KRun() {
        assertTrue(Tcp.MAX_CONNECTIONS >= 10_000, "chapter 4 holds 10,000 connections on one server");
        assertThrows(IllegalArgumentException.class, () -> Tcp.serve(0, 0, c -> { }));
    }
}
