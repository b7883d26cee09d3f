package netlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The one sentence a cell's exception and a check's both say, chosen by the exception's class. */
class ExceptionExplanationTest {

    @Test
    void chosenByTheExceptionsClassOnly() {
        assertEquals(Optional.of(Message.of("exception.explain.connect")),
                ExceptionExplanation.of("java.net.ConnectException", "Connection refused"));
        assertTrue(ExceptionExplanation.of("java.lang.NullPointerException", null).orElseThrow().in(Lang.EN)
                .startsWith("A value is null"));
        // what a library throws in the student's language already, and what a student throws, get none
        assertEquals(Optional.empty(), ExceptionExplanation.of("netlab.tftp.TransferTimeoutException", "对方没有应答"));
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.IllegalStateException", null));
        // without a message it is an unmodifiable collection's; with one, most often the course's answer stub,
        // whose text netlab run reads as it is
        assertEquals(Optional.of(Message.of("exception.explain.unmodifiable")),
                ExceptionExplanation.of("java.lang.UnsupportedOperationException", null));
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.UnsupportedOperationException",
                "TODO: write your answer here"));
        // a non-blocking connect() on loopback may finish at once, so no cell can be sure to meet this one
        assertEquals(Optional.of(Message.of("exception.explain.connection.pending")),
                ExceptionExplanation.of("java.nio.channels.ConnectionPendingException", null));
        // every kind of format mistake, not only the three a cell meets most (a type, a missing argument, %i)
        assertEquals(Optional.of(Message.of("exception.explain.format")),
                ExceptionExplanation.of("java.util.IllegalFormatPrecisionException", "2"));
    }

    /** A class whose static field's initial value throws, as {@code static DatagramSocket s = new DatagramSocket(80);}. */
    private static final class BrokenInit {
        static final int PORT = Integer.parseInt("eighty");

        static int port() {
            return PORT;
        }
    }

    @Test
    void aStaticInitializerThatThrewIsExplainedAndSoIsEveryLaterUseOfItsClass() {
        Message first = ExceptionExplanation.of(assertThrows(ExceptionInInitializerError.class, BrokenInit::port))
                .orElseThrow();
        assertEquals(Message.of("exception.explain.class.init"), first);
        assertTrue(first.in(Lang.ZH).startsWith("这个类第一次被用到时"), first.in(Lang.ZH));
        Message later = ExceptionExplanation.of(assertThrows(NoClassDefFoundError.class, BrokenInit::port))
                .orElseThrow();
        assertEquals(Message.of("exception.explain.class.unusable"), later);
        assertTrue(later.in(Lang.EN).contains("run the class's cell again"), later.in(Lang.EN));
    }

    /**
     * An {@code IllegalArgumentException} says many things; the JDK methods that refuse a port outside 0–65535 are
     * known by name, so that one is explained, chosen by the method that threw, and no other.
     */
    @Test
    void anArgumentRefusedIsExplainedOnlyWhereTheRefusingMethodSaysWhatItWas() {
        Message port = ExceptionExplanation.of(org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new java.net.InetSocketAddress("127.0.0.1", -1))).orElseThrow();
        assertEquals(Message.of("exception.explain.port.range"), port);
        assertTrue(port.in(Lang.ZH).startsWith("端口号要在 0 到 65535 之间"), port.in(Lang.ZH));
        assertEquals(Optional.of(port), ExceptionExplanation.of(org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new java.net.ServerSocket(70_000))));
        assertEquals(Optional.empty(), ExceptionExplanation.of(org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> "x".repeat(-1))));
        assertEquals(Optional.empty(), ExceptionExplanation.of(new IllegalArgumentException("port out of range:-1")));
    }

    /** Four numbers Java could not read as an address went to the resolver as a name: said as the address it is. */
    @Test
    void anAddressWithANumberPast255IsNotCalledAHostName() {
        assertEquals(Optional.of(Message.of("exception.explain.unknown.host.numbers")),
                ExceptionExplanation.of("java.net.UnknownHostException", "256.1.1.1"));
        assertEquals(Optional.of(Message.of("exception.explain.unknown.host.numbers")),
                ExceptionExplanation.of("java.net.UnknownHostException", "10.0.0.300: Name or service not known"));
        assertEquals(Optional.of(Message.of("exception.explain.unknown.host")),
                ExceptionExplanation.of("java.net.UnknownHostException", "itcast.cn: Name or service not known"));
    }

    /** Chapter 4's raw Continuation run after its end: chosen by the method that refused, and only that case. */
    @Test
    void aContinuationRunAgainIsExplainedByTheMethodThatRefused() {
        StackTraceElement[] run = {new StackTraceElement("jdk.internal.vm.Continuation", "run", null, 238)};
        assertEquals(Optional.of(Message.of("exception.explain.continuation.done")),
                ExceptionExplanation.of("java.lang.IllegalStateException", "Continuation terminated", run));
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.IllegalStateException", null, run),
                "run() from a thread that is not its parent's says nothing, and is not the ended case");
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.IllegalStateException", "Not in scope demo",
                new StackTraceElement[0]), "an IllegalStateException of anyone else's");
    }

    /**
     * Chapter 4's yield with no Continuation of its scope running: yield is a hidden frame, so the first frame is the
     * student's own, and the JDK's words are what tell it; the same words from a JDK frame are someone else's.
     */
    @Test
    void aYieldOutsideItsScopeIsExplainedFromTheStudentsFrame() {
        StackTraceElement[] cell = {new StackTraceElement("REPL.$JShell$12", "do_it$", "#12", 2)};
        assertEquals(Optional.of(Message.of("exception.explain.continuation.scope")),
                ExceptionExplanation.of("java.lang.IllegalStateException", "Not in scope generators", cell));
        StackTraceElement[] jdk = {new StackTraceElement("java.util.Scanner", "ensureOpen", null, 1)};
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.IllegalStateException",
                "Not in scope generators", jdk));
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.IllegalStateException", "Scanner closed",
                cell), "another IllegalStateException the student's code threw");
    }

    /**
     * A datagram to port 0 fails in the JDK's own code, not the system's: that one gets its own sentence; one the
     * system refuses (over 65,507 bytes) says what the system's reasons mean.
     */
    @Test
    void aDatagramToPortZeroIsExplainedAsSuch() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SocketException refused = assertThrows(SocketException.class,
                    () -> socket.send(new DatagramPacket(new byte[1], 1, new InetSocketAddress("127.0.0.1", 0))));
            assertEquals(Optional.of(Message.of("exception.explain.port.zero")), ExceptionExplanation.of(refused));
        }
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SocketException tooLong = assertThrows(SocketException.class, () -> socket.send(
                    new DatagramPacket(new byte[70_000], 70_000, InetAddress.getLoopbackAddress(), 9)));
            assertEquals(Optional.of(Message.of("exception.explain.datagram.send")), ExceptionExplanation.of(tooLong),
                    "the same channel's error from the system: " + tooLong.getMessage());
        }
        assertEquals(Optional.of(Message.of("exception.explain.socket")),
                ExceptionExplanation.of(new SocketException("Socket closed")), "any other socket error");
    }

    /**
     * HttpClient's timeouts (chapter 4's HTTP server exercise, checked through HttpClient): a server that accepted
     * and never answered, told apart from one that never accepted.
     */
    @Test
    void anHttpTimeoutSaysWhatTheServerDidNotSend() {
        Message response = ExceptionExplanation.of(new java.net.http.HttpTimeoutException("request timed out"))
                .orElseThrow();
        assertTrue(response.in(Lang.ZH).startsWith("没有在设定的时间内收到 HTTP 响应：")
                && response.in(Lang.ZH).contains("状态行"), response.in(Lang.ZH));
        assertTrue(response.in(Lang.EN).contains("status line"), response.in(Lang.EN));
        Message connect = ExceptionExplanation.of(
                new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")).orElseThrow();
        String noConnection = connect.in(Lang.ZH);
        assertTrue(noConnection.startsWith("没有在设定的时间内连上 HTTP 服务器："), noConnection);
    }

    /**
     * What HttpClient.send throws for a server that closed the connection without a whole response, and for a
     * malformed one: both taken from a real exchange with such a server.
     */
    @Test
    void anHttpExchangeThatBrokeSaysWhatTheServerMustWrite() throws Exception {
        IOException closed = exchangeWith("");
        assertEquals("java.io.IOException", closed.getClass().getName(), String.valueOf(closed));
        String brokenOff = ExceptionExplanation.of(closed).orElseThrow().in(Lang.ZH);
        assertTrue(brokenOff.startsWith("HTTP 请求失败：服务器在送回完整的响应之前"), brokenOff);
        IOException garbage = exchangeWith("hello\r\n\r\n");
        String malformed = ExceptionExplanation.of(garbage).orElseThrow().in(Lang.ZH);
        assertTrue(malformed.startsWith("HTTP 响应的格式不对"), garbage + ": " + malformed);
        assertEquals(Optional.empty(), ExceptionExplanation.of(
                new java.net.ProtocolException("Invalid HTTP method: GOT")), "HttpURLConnection's, not a response's");
        assertEquals(Optional.empty(), ExceptionExplanation.of(new IOException("disk full")),
                "an IOException made elsewhere");
    }

    /**
     * Chapter 1's and 2's slips with a socket's state or a datagram's destination, each of which the general socket
     * sentence ("closed or reset") would misname.
     */
    @Test
    void aSocketsStateAndADatagramsDestinationAreNamed() throws Exception {
        Optional<Message> state = Optional.of(Message.of("exception.explain.socket.state"));
        try (Socket unconnected = new Socket()) {
            assertEquals(state, ExceptionExplanation.of(assertThrows(SocketException.class,
                    unconnected::getOutputStream)), "Socket is not connected");
        }
        Socket closed = new Socket();
        closed.close();
        assertEquals(state, ExceptionExplanation.of(assertThrows(SocketException.class, closed::getInputStream)),
                "Socket is closed");
        Optional<Message> destination = Optional.of(Message.of("exception.explain.datagram.address"));
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertEquals(destination, ExceptionExplanation.of(assertThrows(IllegalArgumentException.class,
                    () -> socket.send(new DatagramPacket(new byte[1], 1)))), "Address not set");
            socket.connect(InetAddress.getLoopbackAddress(), 9);
            assertEquals(destination, ExceptionExplanation.of(assertThrows(IllegalArgumentException.class,
                    () -> socket.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), 10)))),
                    "Connected and packet address differ");
        }
        DatagramSocket closedDatagrams = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        closedDatagrams.close();
        assertEquals(Optional.of(Message.of("exception.explain.socket")), ExceptionExplanation.of(assertThrows(
                SocketException.class, () -> closedDatagrams.send(new DatagramPacket(new byte[1], 1,
                        InetAddress.getLoopbackAddress(), 9)))), "a closed socket keeps the general sentence");
    }

    /** Chapter 4's Selector and HttpClient refusals that carry no message, or only the JDK's English. */
    @Test
    void aSelectorInterestOrAnAddressTheJdkRefusesIsExplained() throws Exception {
        try (Selector selector = Selector.open(); SocketChannel client = SocketChannel.open();
             ServerSocketChannel server = ServerSocketChannel.open()) {
            client.configureBlocking(false);
            server.configureBlocking(false);
            IllegalArgumentException accept = assertThrows(IllegalArgumentException.class,
                    () -> client.register(selector, SelectionKey.OP_ACCEPT));
            assertEquals(Optional.of(Message.of("exception.explain.selector.ops")), ExceptionExplanation.of(accept));
            SelectionKey key = server.register(selector, SelectionKey.OP_ACCEPT);
            IllegalArgumentException read = assertThrows(IllegalArgumentException.class,
                    () -> key.interestOps(SelectionKey.OP_READ));
            assertEquals(Optional.of(Message.of("exception.explain.selector.ops")), ExceptionExplanation.of(read));
        }
        for (Runnable badAddress : List.<Runnable>of(() -> URI.create("http://127.0.0.1:80/a b"),
                () -> HttpRequest.newBuilder(URI.create("localhost:8080/index.html")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, badAddress::run);
            assertEquals(Optional.of(Message.of("exception.explain.uri")), ExceptionExplanation.of(e), e.toString());
        }
        assertEquals(Optional.empty(), ExceptionExplanation.of(new IllegalArgumentException("mine")));
        try (ServerSocketChannel unbound = ServerSocketChannel.open()) {
            NotYetBoundException e = assertThrows(NotYetBoundException.class, unbound::accept);
            assertEquals(Optional.of(Message.of("exception.explain.not.bound")), ExceptionExplanation.of(e));
        }
    }

    /** Chapter 4's hand-off: add() where put() waits, on a SynchronousQueue with nobody in take(), or a full queue. */
    @Test
    void aFullQueuesAddSaysPutWaits() {
        for (Queue<String> queue : List.<Queue<String>>of(new SynchronousQueue<>(), new ArrayBlockingQueue<>(1, false,
                List.of("taken")))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> queue.add("your turn"));
            assertEquals(Optional.of(Message.of("exception.explain.queue.full")), ExceptionExplanation.of(e),
                    queue.getClass().getSimpleName());
        }
        assertEquals(Optional.empty(), ExceptionExplanation.of(new IllegalStateException("Queue full")),
                "the same words from the student's own code");
    }

    /**
     * What HttpClient.send threw against a server that reads each request, writes {@code reply} and closes (a GET
     * that got no byte is sent again on a new connection, so the server answers a few).
     */
    private static IOException exchangeWith(String reply) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             HttpClient client = HttpClient.newHttpClient()) {
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 5; i++) {
                    try (Socket s = server.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return; // the listener closed: the test is over
                    }
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
            client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("a response from a server that sent " + reply);
        } catch (IOException e) {
            return e;
        }
    }

    /** A thrown exception is explained by its own class, never by its cause's. */
    /**
     * A size or a time computed as 0 or less, where the JDK refuses it: each named by the method that refused it,
     * past the JDK's own exception-making helpers (a buffer's, the bounds checks').
     */
    @Test
    void aSizeOrATimeTheJdkRefusesIsExplainedByWhatRefusedIt() {
        Map<String, List<Executable>> byKey = Map.of(
                "time.negative", List.of(() -> Thread.sleep(-1), () -> {
                    Object lock = new Object();
                    synchronized (lock) {
                        lock.wait(-1);
                    }
                }),
                "latch.count", List.of(() -> new CountDownLatch(-1)),
                "pool.size", List.of(() -> Executors.newFixedThreadPool(0), () -> Executors.newScheduledThreadPool(-1),
                        () -> Executors.newWorkStealingPool(0)),
                "queue.capacity", List.of(() -> new ArrayBlockingQueue<String>(0),
                        () -> new LinkedBlockingQueue<String>(0)),
                "buffer.bounds", List.of(() -> ByteBuffer.allocate(-1), () -> ByteBuffer.allocateDirect(-1),
                        () -> ByteBuffer.allocate(4).limit(5), () -> ByteBuffer.allocate(4).position(5)),
                "datagram.length", List.of(() -> new DatagramPacket(new byte[4], 5),
                        () -> new DatagramPacket(new byte[4], 2, 3, InetAddress.getLoopbackAddress(), 9),
                        () -> new DatagramPacket(new byte[4], 4).setLength(8)));
        byKey.forEach((key, slips) -> {
            for (Executable slip : slips) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, slip);
                assertEquals(Optional.of(Message.of("exception.explain." + key)), ExceptionExplanation.of(e),
                        e.toString());
            }
        });
        assertEquals(Optional.empty(), ExceptionExplanation.of(new IllegalArgumentException("capacity < 0: (-1 < 0)")),
                "the same words from the student's own code");
    }

    @Test
    void aThrowableIsExplainedByItsOwnClass() {
        Message timeout = ExceptionExplanation.of(new SocketTimeoutException("Read timed out")).orElseThrow();
        assertTrue(timeout.in(Lang.ZH).startsWith("等待超时："), timeout.in(Lang.ZH));
        assertTrue(timeout.in(Lang.EN).startsWith("Waiting timed out:"), timeout.in(Lang.EN));
        assertEquals(Optional.empty(), ExceptionExplanation.of(
                new IllegalStateException("server down", new java.net.ConnectException("Connection refused"))));
    }

    /** A wrapper made of its cause alone (a lambda's checked exception rethrown) says nothing: the cause is. */
    @Test
    void aWrapperMadeOfItsCauseIsExplainedByTheCause() {
        SocketTimeoutException timedOut = new SocketTimeoutException("Read timed out");
        Message expected = ExceptionExplanation.of(timedOut).orElseThrow();
        assertEquals(expected, ExceptionExplanation.of(new RuntimeException(timedOut)).orElseThrow());
        assertEquals(expected, ExceptionExplanation.of(
                new RuntimeException(new java.io.UncheckedIOException(timedOut))).orElseThrow());
        assertEquals(Optional.empty(), ExceptionExplanation.of(new RuntimeException(new java.io.IOException("boom"))));
    }
}
