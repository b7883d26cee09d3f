package netlab.course;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.exercise.Background;
import netlab.exercise.Case;
import netlab.exercise.Exercise;
import netlab.exercise.ExerciseSet;
import netlab.exercise.Values;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The server exercises of chapter 4, one per server model: a thread per connection, a non-blocking poll loop, a
 * {@link Selector} loop, worker listeners sharing a port with SO_REUSEPORT; and two questions, what a fixed pool
 * does to a ninth client and what an epoll instance behind a Selector watches. Everything runs on 127.0.0.1, and
 * every server the student writes runs until the case closes its listening socket.
 *
 * <pre>{@code
 * void serve(ServerSocket server) throws IOException { ... }        // answer cell
 * Check.serverThreadPerConnection(server -> serve(server));         // check cell
 * }</pre>
 */
public final class ServerExercises implements ExerciseSet {

    /** The last line of a server case's outcome: {@code serve} returned once its listening socket was closed. */
    private static final Message SERVE_RETURNED = Message.of("course4.outcome.returned");

    /** {@code server.thread-per-connection}: accept until {@code server} is closed, each client on a thread of its own, echoing lines. */
    @FunctionalInterface
    public interface ThreadPerConnection {
        void serve(ServerSocket server) throws Exception;
    }

    /** {@code server.poll-loop}: one thread, non-blocking channels, echo bytes until {@code server} is closed. */
    @FunctionalInterface
    public interface PollLoop {
        void serve(ServerSocketChannel server) throws Exception;
    }

    /** {@code server.selector}: one thread, one {@link Selector}, echo bytes until {@code server} is closed. */
    @FunctionalInterface
    public interface SelectorLoop {
        void serve(Selector selector, ServerSocketChannel server) throws Exception;
    }

    /** {@code server.reuseport}: a listener on 127.0.0.1:{@code port} that another listener may share. */
    @FunctionalInterface
    public interface SharedListener {
        ServerSocket listen(int port) throws Exception;
    }

    static final int WAIT_MS = 1500;

    /**
     * More than the kernel can hold for a reader that does not read: the largest send buffer Linux grows a socket
     * to (the third field of tcp_wmem; Java cannot set SO_SNDBUF on a listener for what it accepts) and a MiB more,
     * so the server's writes to the slow reader must come back partial.
     */
    private static final int SLOW_BYTES = largestSendBuffer() + (1 << 20);

    public static final Exercise<ThreadPerConnection> THREAD_PER_CONNECTION = Exercise.of("server.thread-per-connection",
                    Message.of("course.server.thread-per-connection.title"), ThreadPerConnection.class)
            .add(threadCase(1, false))
            .add(threadCase(1, true))
            .hiddenCases(2)
            .build();

    public static final Exercise<PollLoop> POLL_LOOP = Exercise.of("server.poll-loop",
                    Message.of("course.server.poll-loop.title"), PollLoop.class)
            .add(pollCase(Workload.CLOSE, 2))
            .add(pollCase(Workload.SLOW_READER, 1))
            .hiddenCases(2)
            .build();

    public static final Exercise<SelectorLoop> SELECTOR = Exercise.of("server.selector",
                    Message.of("course.server.selector.title"), SelectorLoop.class)
            .add(selectorCase(Workload.CLOSE, 2))
            .add(selectorCase(Workload.SLOW_READER, 1))
            .hiddenCases(2)
            .build();

    public static final Exercise<SharedListener> REUSEPORT = Exercise.of("server.reuseport",
                    Message.of("course.server.reuseport.title"), SharedListener.class)
            .add(reusePortCase(2, 40))
            .hiddenCases(1)
            .build();

    /** {@code server.predict-pool}: lines a ninth client gets back from a pool of 8 threads whose 8 clients stay quiet. */
    public static final Exercise<Prediction.Count> PREDICT_POOL = Prediction.count("server.predict-pool", 0);

    /**
     * {@code epoll.predict-fdinfo}: the "tfd:" lines of the epoll instance behind a Selector after one listening and
     * three connected channels are registered and {@code selectNow()} has run: four channels and the selector's own
     * wake-up descriptor (an eventfd), which is why a Selector can be woken from another thread.
     */
    public static final Exercise<Prediction.Count> PREDICT_FDINFO = Prediction.count("epoll.predict-fdinfo", 3 + 1 + 1);

    // --- cases: the grader's hidden cases are made by the same factories --------------------------------------

    /**
     * {@code idle} clients connect and stay quiet, then one more says hello and must hear it back; with {@code reset}
     * a client first vanishes with a reset (RST) mid-line, and the server must survive it. Last, the listening
     * socket is closed and {@code serve} must return.
     */
    public static Case<ThreadPerConnection> threadCase(int idle, boolean reset) {
        List<Object> expected = new ArrayList<>();
        expected.add("hello");
        expected.add(Message.of("course4.outcome.quiet", "still here"));
        expected.add(SERVE_RETURNED);
        return Case.<ThreadPerConnection>named(Message.of(reset ? "course4.case.thread-reset" : "course4.case.idle", idle))
                .hint(Message.of("course4.hint.thread-per-connection"))
                .expect(expected, a -> {
                    InetAddress lo = InetAddress.getLoopbackAddress();
                    List<Socket> quiet = new ArrayList<>();
                    ServerSocket server = new ServerSocket(0, 200, lo);
                    try (server) {
                        Background<Void> running = Background.run(() -> a.serve(server));
                        for (int i = 0; i < idle; i++) {
                            Socket s = new Socket(lo, server.getLocalPort());
                            s.setSoTimeout(WAIT_MS);
                            quiet.add(s);
                        }
                        if (reset) {
                            try (Socket rude = new Socket(lo, server.getLocalPort())) {
                                rude.getOutputStream().write("half a li".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                rude.setSoLinger(true, 0); // close sends RST, not FIN
                            }
                        }
                        List<Object> got = new ArrayList<>();
                        try (Socket talker = new Socket(lo, server.getLocalPort())) {
                            talker.setSoTimeout(WAIT_MS);
                            got.add(lineOrBlame(talker, "hello", running, Text.of("course4.blame.idle", idle)));
                        }
                        got.add(Message.of("course4.outcome.quiet", lineOrBlame(quiet.get(0), "still here", running,
                                Text.of("course4.blame.quiet"))));
                        server.close();
                        try {
                            running.await(WAIT_MS);
                        } catch (java.util.concurrent.TimeoutException e) {
                            throw new IllegalStateException(Text.of("course4.blame.no-return", WAIT_MS));
                        }
                        got.add(SERVE_RETURNED);
                        return got;
                    } finally {
                        for (Socket s : quiet) {
                            s.close();
                        }
                    }
                });
    }

    /** What a byte-echo case asks of the server. */
    public enum Workload {
        /** Clients say a line each, then one closes its sending side: the server must close that connection (read −1) and go on. */
        CLOSE,
        /** One client sends 1 MiB and reads nothing for a while; another must be answered meanwhile, and every byte must come back. */
        SLOW_READER,
        /** A client resets its connection mid-message; the others go on. */
        RESET
    }

    public static Case<PollLoop> pollCase(Workload workload, int clients) {
        return Case.<PollLoop>named(caseName(workload, clients))
                .hint(Message.of("course4.hint.poll-loop"))
                .expect(echoExpected(workload, clients, false), a -> {
                    ServerSocketChannel server = listener();
                    return echoConversation(server, Background.run(() -> a.serve(server)), workload, clients, null);
                });
    }

    public static Case<SelectorLoop> selectorCase(Workload workload, int clients) {
        return Case.<SelectorLoop>named(caseName(workload, clients))
                .hint(Message.of("course4.hint.selector"))
                .expect(echoExpected(workload, clients, true), a -> {
                    Selector selector = Selector.open();
                    ServerSocketChannel server = listener();
                    try (selector) {
                        return echoConversation(server, Background.run(() -> a.serve(selector, server)), workload, clients, selector);
                    }
                });
    }

    /**
     * Says why a selector loop met a null when its selected-key set still holds the listening socket's key with no
     * connection waiting: select() only adds keys to that set, so a loop that never removes the keys it handled meets
     * the listening key again in its next round, where accept() returns null, and the student read only the
     * NullPointerException at their own line. A listening key selected in the round that failed, before the loop came
     * to it, has a connection waiting (taken and closed here). Returns when that is not so. Read after the answer's
     * thread has ended ({@code failed} ended it), while {@code server} is open.
     */
    private static void blameKeptKeys(Selector selector, ServerSocketChannel server, NullPointerException failed)
            throws IOException {
        if (server.isBlocking() // the answer's doing: accept() would wait here
                || selector.selectedKeys().stream().noneMatch(key -> key.channel() == server)) {
            return;
        }
        try (SocketChannel waiting = server.accept()) {
            if (waiting != null) {
                return;
            }
        }
        throw new AssertionError(Text.of("course4.blame.kept-keys", selector.selectedKeys().size(),
                Values.summary(failed)));
    }

    private static Message caseName(Workload workload, int clients) {
        return Message.of("course4.case." + workload.name().toLowerCase(java.util.Locale.ROOT), clients, SLOW_BYTES >> 20);
    }

    /** A non-blocking listener on a free loopback port. */
    private static ServerSocketChannel listener() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.configureBlocking(false);
        return server;
    }

    private static List<Object> echoExpected(Workload workload, int clients, boolean selector) {
        List<Object> expected = new ArrayList<>();
        switch (workload) {
            case CLOSE -> {
                for (int i = 1; i <= clients; i++) {
                    expected.add("#" + i + " → line " + i);
                }
                expected.add("#1 shutdownOutput() → read() = -1");
                if (clients > 1) {
                    expected.add("#2 → still served");
                }
            }
            case SLOW_READER -> {
                expected.add(Message.of("course4.outcome.slow-reader", "ping"));
                expected.add(Message.of("course4.outcome.slow-got", SLOW_BYTES));
            }
            case RESET -> {
                for (int i = 1; i <= clients; i++) {
                    expected.add("#" + i + " → after a reset");
                }
            }
        }
        if (selector) {
            expected.add(Message.of("course4.outcome.write-interest", 0L));
        }
        expected.add(SERVE_RETURNED);
        return expected;
    }

    /** The conversation of {@code workload}, then the server channel closed (and the selector woken) and {@code serve}'s return awaited. */
    private static List<Object> echoConversation(ServerSocketChannel server, Background<Void> running,
                                                 Workload workload, int clients, Selector selector) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        int port = server.socket().getLocalPort();
        List<Socket> sockets = new ArrayList<>();
        List<Object> got = new ArrayList<>();
        try {
            switch (workload) {
                case CLOSE -> {
                    for (int i = 1; i <= clients; i++) {
                        sockets.add(connect(lo, port));
                    }
                    for (int i = 1; i <= clients; i++) {
                        got.add("#" + i + " → " + lineOrBlame(sockets.get(i - 1), "line " + i, running,
                                Text.of("course4.blame.no-echo", i)));
                    }
                    Socket first = sockets.get(0);
                    first.shutdownOutput();
                    got.add("#1 shutdownOutput() → " + endOfStream(first, running));
                    if (clients > 1) {
                        String again = lineOrBlame(sockets.get(1), "still served", running, Text.of("course4.blame.after-close"));
                        got.add("#2 → " + again);
                    }
                }
                case SLOW_READER -> slowReader(lo, port, running, got);
                case RESET -> {
                    try (Socket rude = connect(lo, port)) {
                        rude.getOutputStream().write(new byte[1000]);
                        rude.setSoLinger(true, 0);
                    }
                    for (int i = 1; i <= clients; i++) {
                        sockets.add(connect(lo, port));
                        got.add("#" + i + " → " + lineOrBlame(sockets.get(i - 1), "after a reset", running,
                                Text.of("course4.blame.after-reset")));
                    }
                }
            }
            if (selector != null) {
                got.add(Message.of("course4.outcome.write-interest", writeInterestAtRest(selector)));
            }
        } catch (NullPointerException failed) {
            if (selector != null) {
                blameKeptKeys(selector, server, failed); // while the listener is open: it asks it
            }
            throw failed;
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            server.close();
            if (selector != null) {
                selector.wakeup();
            }
        }
        try {
            running.await(WAIT_MS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(Text.of("course4.blame.no-return", WAIT_MS));
        }
        got.add(SERVE_RETURNED);
        return got;
    }

    private static int largestSendBuffer() {
        try {
            String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_wmem")).get(0).trim().split("\\s+");
            return Math.min(Integer.parseInt(fields[2]), 16 << 20);
        } catch (IOException | RuntimeException e) {
            return 4 << 20; // Linux's default
        }
    }

    /**
     * Client 1 sends 1 MiB with a tiny receive buffer and reads nothing until client 2 has been answered: the
     * server's writes to client 1 come back partial (or 0), and a loop that waits for one write to finish stalls
     * client 2. Then client 1 reads everything and compares.
     */
    private static void slowReader(InetAddress lo, int port, Background<Void> running, List<Object> got)
            throws Exception {
        byte[] data = new byte[SLOW_BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 11));
        }
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(16 * 1024);
            slow.connect(new InetSocketAddress(lo, port), WAIT_MS);
            slow.setSoTimeout(WAIT_MS);
            Background<Void> sender = Background.run(() -> {
                OutputStream out = slow.getOutputStream();
                for (int at = 0; at < data.length; at += 65536) {
                    out.write(data, at, Math.min(65536, data.length - at));
                }
                slow.shutdownOutput();
            });
            Thread.sleep(150); // the server's writes to client 1 now find its window closed
            // a loop that died on the slow client is reported before another client connects: that connection
            // would be waiting when the kept keys are read, as a listener's work is, and hide the trap
            throwIfFailed(running);
            try (Socket quick = connect(lo, port)) {
                String heard = lineOrBlame(quick, "ping", running, Text.of("course4.blame.stalled"));
                got.add(Message.of("course4.outcome.slow-reader", heard));
            }
            InputStream in = slow.getInputStream();
            byte[] back = new byte[data.length];
            int n = 0;
            try {
                for (int r; n < back.length && (r = in.read(back, n, back.length - n)) > 0; ) {
                    n += r;
                }
            } catch (SocketTimeoutException e) {
                // fewer bytes came back: the comparison below says how many
            }
            sender.await(WAIT_MS);
            got.add(n == data.length && Arrays.equals(data, back)
                    ? Message.of("course4.outcome.slow-got", n)
                    : Text.of("course4.blame.lost", n, data.length));
        }
    }

    private static Socket connect(InetAddress lo, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(lo, port), WAIT_MS);
        s.setSoTimeout(WAIT_MS);
        return s;
    }

    /** Throws what the answer failed with, if it has ended so. */
    private static void throwIfFailed(Background<?> answer) throws Exception {
        Exception failed = answer.isDone() ? answer.failure(null) : null;
        if (failed != null) {
            throw failed;
        }
    }

    /** Sends {@code line} and reads the line that comes back; says {@code why} when none comes, or the answer's own failure. */
    static String lineOrBlame(Socket s, String line, Background<?> answer, String why) throws Exception {
        TcpExercises.writeLine(s.getOutputStream(), line);
        BufferedReader in = TcpExercises.reader(s);
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (!in.ready()) {
            if (answer.isDone()) {
                throwIfFailed(answer);
                throw new IllegalStateException(Text.of("course4.blame.returned"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(blockingChannel(answer).map(call -> Text.of(
                        "course4.blame.blocking-channel." + call, why)).orElse(why));
            }
            Thread.sleep(5);
        }
        return in.readLine();
    }

    /**
     * The call ({@code read} or {@code write}) of a channel in blocking mode the answer waits in, if it does: a
     * channel accept() returns blocks until configureBlocking(false), so a poll or selector loop that forgot it waits
     * in one client's read() while the others go unanswered, which the case saw only as a line that never came back.
     */
    private static Optional<String> blockingChannel(Background<?> answer) throws InterruptedException {
        for (String call : List.of("read", "write")) {
            if (answer.waitsIn("sun.nio.ch.SocketChannelImpl", call, 3, 20)) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    private static String endOfStream(Socket s, Background<?> answer) throws Exception {
        try {
            int b = s.getInputStream().read();
            return "read() = " + b;
        } catch (SocketTimeoutException e) {
            throw answer.failure(new IllegalStateException(Text.of("course4.blame.no-close", WAIT_MS)));
        }
    }

    /** How many of the selector's valid keys want OP_WRITE once every client is quiet (a busy selector would say why not). */
    private static long writeInterestAtRest(Selector selector) throws InterruptedException {
        Thread.sleep(50);
        for (int attempt = 0; ; attempt++) {
            try {
                return selector.keys().stream()
                        .filter(SelectionKey::isValid)
                        .filter(k -> (k.interestOps() & SelectionKey.OP_WRITE) != 0)
                        .count();
            } catch (ConcurrentModificationException | java.nio.channels.CancelledKeyException e) {
                if (attempt > 20) {
                    throw e;
                }
                Thread.sleep(10); // the serving thread was registering or cancelling: look again
            }
        }
    }

    /**
     * {@code listeners} calls of the answer on one free port, each listener accepting on a thread of its own; then
     * {@code connections} clients connect one after another. The Linux kernel spreads them by a hash of the
     * four-tuple, so every listener gets some (the chance that one gets none of 40 is below 10⁻¹¹).
     */
    public static Case<SharedListener> reusePortCase(int listeners, int connections) {
        return Case.<SharedListener>named(Message.of("course4.case.reuseport", listeners, connections))
                .hint(Message.of("course4.hint.reuseport"))
                .expect(List.of("listen(port) × " + listeners, "accept() × " + connections,
                        Message.of("course4.outcome.idle-listeners", 0L)), a -> {
                    InetAddress lo = InetAddress.getLoopbackAddress();
                    int port;
                    try (ServerSocket probe = new ServerSocket(0, 1, lo)) {
                        port = probe.getLocalPort();
                    }
                    List<ServerSocket> opened = new ArrayList<>();
                    List<AtomicInteger> counts = new ArrayList<>();
                    try {
                        for (int i = 0; i < listeners; i++) {
                            ServerSocket s = a.listen(port);
                            if (s == null) {
                                throw new IllegalStateException(Text.of("course4.blame.null-listener"));
                            }
                            opened.add(s);
                            if (s.getLocalPort() != port || !s.getInetAddress().isLoopbackAddress()) {
                                throw new IllegalStateException(Text.of("course4.blame.wrong-address", s.getLocalSocketAddress(), port));
                            }
                            AtomicInteger count = new AtomicInteger();
                            counts.add(count);
                            Thread.ofVirtual().start(() -> {
                                try {
                                    while (true) {
                                        s.accept().close();
                                        count.incrementAndGet();
                                    }
                                } catch (IOException closed) {
                                    // the case closed the listener
                                }
                            });
                        }
                        for (int i = 0; i < connections; i++) {
                            connect(lo, port).close();
                        }
                        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
                        while (counts.stream().mapToInt(AtomicInteger::get).sum() < connections && System.nanoTime() < deadline) {
                            Thread.sleep(5);
                        }
                        long idle = counts.stream().filter(c -> c.get() == 0).count();
                        return List.of("listen(port) × " + opened.size(),
                                "accept() × " + counts.stream().mapToInt(AtomicInteger::get).sum(),
                                Message.of("course4.outcome.idle-listeners", idle));
                    } finally {
                        for (ServerSocket s : opened) {
                            s.close();
                        }
                    }
                });
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(THREAD_PER_CONNECTION, POLL_LOOP, SELECTOR, REUSEPORT, PREDICT_POOL, PREDICT_FDINFO);
    }
}
