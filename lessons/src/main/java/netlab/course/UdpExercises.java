package netlab.course;

import netlab.exercise.*;
import java.io.BufferedReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The exercises of chapter 1 (network overview and UDP), with their public cases. Every case talks only to
 * 127.0.0.1 on ports the system chooses. Hidden cases are in the grader's jar and reuse the case factories here.
 *
 * <pre>{@code
 * void send(String text, int port) throws Exception { ... }                      // answer cell
 * Check.udpSend((text, port) -> send(text, port));                              // check cell
 * }</pre>
 */
public final class UdpExercises implements ExerciseSet {

    /** {@code net.port-kind}: "well-known" (0–1023), "registered" (1024–49151) or "dynamic" (49152–65535). */
    @FunctionalInterface
    public interface PortKind {
        String portKind(int port) throws Exception;
    }

    /** {@code subnet.host-count}: how many hosts a /prefix network can number (/31: 2, /32: 1, RFC 3021). */
    @FunctionalInterface
    public interface HostCount {
        long hostCount(int prefix) throws Exception;
    }

    /** {@code udp.send}: send {@code text} as UTF-8 in one datagram to 127.0.0.1:{@code port}. */
    @FunctionalInterface
    public interface SendText {
        void send(String text, int port) throws Exception;
    }

    /** {@code udp.receive}: receive one datagram on {@code socket} and return its UTF-8 text. */
    @FunctionalInterface
    public interface ReceiveText {
        String receive(DatagramSocket socket) throws Exception;
    }

    /** {@code udp.echo-server}: send each of the next {@code count} datagrams back to whoever sent it. */
    @FunctionalInterface
    public interface EchoServer {
        void echo(DatagramSocket socket, int count) throws Exception;
    }

    /** {@code udp.chat-room}: receive {@code count} datagrams and return one line each: "IP:PORT says TEXT". */
    @FunctionalInterface
    public interface ChatRoom {
        List<String> receiveLines(DatagramSocket socket, int count) throws Exception;
    }

    /**
     * {@code udp.full-duplex}: a chat. Send every line typed on {@code keyboard} to {@code peer} as UTF-8 until the
     * keyboard ends ({@code readLine()} returns null), while a second thread shows every datagram that arrives on
     * {@code screen} as soon as it arrives. When the keyboard ends, stop the receiving thread (closing the socket
     * makes its {@code receive} throw) and return.
     */
    @FunctionalInterface
    public interface FullDuplex {
        void chat(DatagramSocket socket, InetSocketAddress peer, BufferedReader keyboard, Consumer<String> screen)
                throws Exception;
    }

    static final int WAIT_MS = 1500;

    public static final Exercise<PortKind> PORT_KIND = Exercise.of("net.port-kind", Message.of("course.net.port-kind.title"),
                    PortKind.class)
            .add(portKindCase(80, "well-known"))
            .add(portKindCase(8080, "registered"))
            .add(portKindCase(50000, "dynamic"))
            .hiddenCases(3)
            .build();

    public static final Exercise<HostCount> HOST_COUNT = Exercise.of("subnet.host-count",
                    Message.of("course.subnet.host-count.title"), HostCount.class)
            .add(hostCountCase(24, 254))
            .add(hostCountCase(16, 65_534))
            .add(hostCountCase(30, 2))
            .hiddenCases(3)
            .build();

    public static final Exercise<SendText> SEND = Exercise.of("udp.send", Message.of("course.udp.send.title"), SendText.class)
            .add(sendCase("hello, netlab"))
            .add(sendCase("你好"))
            .hiddenCases(1)
            .build();

    public static final Exercise<ReceiveText> RECEIVE = Exercise.of("udp.receive", Message.of("course.udp.receive.title"),
                    ReceiveText.class)
            .add(receiveCase("thank you"))
            .add(receiveCase("谢谢"))
            .add(receiveCase("好".repeat(2000)))
            .hiddenCases(1)
            .build();

    public static final Exercise<EchoServer> ECHO = Exercise.of("udp.echo-server", Message.of("course.udp.echo-server.title"),
                    EchoServer.class)
            .add(echoCase(List.of("ping")))
            .add(echoCase(List.of("one", "二", "three")))
            .hiddenCases(1)
            .build();

    public static final Exercise<ChatRoom> CHAT_ROOM = Exercise.of("udp.chat-room", Message.of("course.udp.chat-room.title"),
                    ChatRoom.class)
            .add(chatRoomCase(List.of("hi")))
            .add(chatRoomCase(List.of("大家好", "anyone here?")))
            .hiddenCases(1)
            .build();

    public static final Exercise<FullDuplex> FULL_DUPLEX = Exercise.of("udp.full-duplex",
                    Message.of("course.udp.full-duplex.title"), FullDuplex.class)
            .add(fullDuplexCase(List.of("hi", "你好吗?"), List.of("hello", "很好")))
            .hiddenCases(1)
            .build();

    public static Case<PortKind> portKindCase(int port, String expected) {
        return Case.<PortKind>named("portKind(" + port + ")")
                .hint(Message.of("course.net.port-kind.hint"))
                .expect(expected, a -> a.portKind(port));
    }

    public static Case<HostCount> hostCountCase(int prefix, long expected) {
        return Case.<HostCount>named("hostCount(" + prefix + ")")
                .hint(Message.of("course.subnet.host-count.hint"))
                .expect(expected, a -> a.hostCount(prefix));
    }

    public static Case<SendText> sendCase(String text) {
        return Case.<SendText>named("send(\"" + text + "\", port)")
                .failure(Message.of("course.udp.send.failure"))
                .hint(Message.of("course.udp.send.hint"))
                .expect(text, a -> {
                    try (DatagramSocket receiver = loopbackSocket()) {
                        a.send(text, receiver.getLocalPort());
                        return receiveText(receiver);
                    }
                });
    }

    public static Case<ReceiveText> receiveCase(String text) {
        String shown = text.length() <= 20 ? "\"" + text + "\""
                : "\"" + text.substring(0, 3) + "…\" (" + text.getBytes(StandardCharsets.UTF_8).length + " B)";
        return Case.<ReceiveText>named("receive(socket) ← " + shown)
                .hint(Message.of("course.udp.receive.hint"))
                .expect(text, a -> withTwoSockets((socket, sender) -> {
                    sendText(sender, text, socket.getLocalPort());
                    return a.receive(socket);
                }));
    }

    public static Case<EchoServer> echoCase(List<String> texts) {
        return Case.<EchoServer>named("echo(socket, " + texts.size() + ") ← " + texts)
                .failure(Message.of("course.udp.echo-server.failure"))
                .hint(Message.of("course.udp.echo-server.hint"))
                .expect(texts, a -> withTwoSockets((server, client) -> {
                    Background<Void> answer = Background.run(() -> a.echo(server, texts.size()));
                    List<String> back = new ArrayList<>();
                    for (String t : texts) {
                        sendText(client, t, server.getLocalPort());
                        back.add(receiveOrBlame(client, answer));
                    }
                    try {
                        answer.await(WAIT_MS);
                    } catch (TimeoutException | SocketTimeoutException e) {
                        // every echo right, then waiting for one more datagram: still running, or its socket's own
                        // timeout (also WAIT_MS) ran out first. One loop turn too many: say that, not "threw"
                        if (back.equals(texts)) {
                            throw new AssertionError(Text.of("course.udp.echo-server.no-return", texts.size(),
                                    texts.size() + 1));
                        }
                        if (e instanceof SocketTimeoutException) {
                            throw e;
                        }
                    }
                    return back;
                }));
    }

    public static Case<ChatRoom> chatRoomCase(List<String> texts) {
        return Case.<ChatRoom>named("receiveLines(socket, " + texts.size() + ") ← " + texts)
                .hint(Message.of("course.udp.chat-room.hint"))
                .expect(true, a -> withTwoSockets((room, sender) -> {
                    List<String> expected = new ArrayList<>();
                    for (String t : texts) {
                        sendText(sender, t, room.getLocalPort());
                        expected.add("127.0.0.1:" + sender.getLocalPort() + " says " + t);
                    }
                    List<String> lines = a.receiveLines(room, texts.size());
                    if (!expected.equals(lines)) {
                        throw new AssertionError(Text.of("course.expected-got", Values.show(expected), Values.show(lines)));
                    }
                    return true;
                }));
    }

    /**
     * A chat that only a full-duplex answer can hold: the first typed line must reach the peer before the peer says
     * anything (so an answer that receives first waits forever), then the peer sends all of {@code incoming} while
     * the keyboard stays quiet until every one of them is on the screen (so an answer that reads the keyboard
     * before it receives, or takes turns, waits forever). Needs at least two lines each way.
     */
    public static Case<FullDuplex> fullDuplexCase(List<String> outgoing, List<String> incoming) {
        if (outgoing.size() < 2 || incoming.size() < 2) {
            throw new IllegalArgumentException("a full-duplex case needs two lines each way, not " + outgoing
                    + " and " + incoming + ": with one, an answer that takes turns passes");
        }
        return Case.<FullDuplex>named("chat(…): ⌨ " + outgoing + " ⇄ " + incoming)
                .hint(Message.of("course.udp.full-duplex.hint"))
                .expect(List.of(incoming, outgoing), a -> withTwoSockets((mine, peer) -> chat(a, mine, peer, outgoing, incoming)));
    }

    /** Plays the peer of {@link #fullDuplexCase} and types on the answer's keyboard; returns [shown, heard]. */
    private static List<List<String>> chat(FullDuplex a, DatagramSocket mine, DatagramSocket peer, List<String> outgoing,
                                           List<String> incoming) throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        List<String> heard = new ArrayList<>();
        mine.setSoTimeout(0); // a chat waits for as long as it takes; the case closes the socket
        InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
        try (Keyboard keyboard = new Keyboard()) {
            Background<Void> answer = Background.run(
                    () -> a.chat(mine, peerAddress, new BufferedReader(keyboard), shown::add));
            keyboard.type(outgoing.getFirst());
            heard.add(expectLine(peer, answer, Text.of("course.udp.full-duplex.first-line",
                    Values.show(outgoing.getFirst()))));
            for (String t : incoming) {
                sendText(peer, t, mine.getLocalPort());
            }
            awaitShown(shown, incoming, answer);
            outgoing.subList(1, outgoing.size()).forEach(keyboard::type);
            keyboard.close();
            for (String t : outgoing.subList(1, outgoing.size())) {
                heard.add(expectLine(peer, answer, Text.of("course.udp.full-duplex.missing-line", heard,
                        Values.show(t))));
            }
            try {
                answer.await(WAIT_MS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(Text.of("course.udp.full-duplex.no-return", WAIT_MS));
            }
            return List.of(List.copyOf(shown), heard);
        }
    }

    /** One line the peer receives, or {@code why} (unless the answer failed first, e.g. with its TODO stub). */
    private static String expectLine(DatagramSocket peer, Background<?> answer, String why) throws Exception {
        try {
            return receiveOrBlame(peer, answer);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException(why);
        }
    }

    /** Waits until the answer has shown all of {@code incoming}, while the keyboard holds its next line back. */
    private static void awaitShown(List<String> shown, List<String> incoming, Background<?> answer) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (shown.size() < incoming.size()) {
            if (answer.isDone() || System.nanoTime() > deadline) {
                throw answer.failure(new IllegalStateException(Text.of("course.udp.full-duplex.not-shown", shown,
                        incoming, WAIT_MS)));
            }
            Thread.sleep(5);
        }
    }

    /** What a case does with two fresh loopback sockets: the answer's and the one the case talks from. */
    @FunctionalInterface
    interface TwoSockets<T> {
        T run(DatagramSocket answers, DatagramSocket peer) throws Exception;
    }

    /** Runs {@code body} with two loopback sockets and closes both after, which also stops an answer still receiving. */
    static <T> T withTwoSockets(TwoSockets<T> body) throws Exception {
        try (DatagramSocket answers = loopbackSocket(); DatagramSocket peer = loopbackSocket()) {
            return body.run(answers, peer);
        }
    }

    /** A datagram socket on 127.0.0.1, any free port, that gives up receiving after {@value #WAIT_MS} ms. */
    public static DatagramSocket loopbackSocket() throws java.net.SocketException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(WAIT_MS);
        return s;
    }

    static void sendText(DatagramSocket from, String text, int port) throws java.io.IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    static String receiveText(DatagramSocket socket) throws java.io.IOException {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(Text.of("course.no-datagram", WAIT_MS));
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** Receives one datagram; gives up early when the answer has already returned or thrown (e.g. its TODO stub). */
    static String receiveOrBlame(DatagramSocket socket, Background<?> answer) throws Exception {
        return new String(receiveOrBlame(socket, answer, 65_535), StandardCharsets.UTF_8);
    }

    static byte[] receiveOrBlame(DatagramSocket socket, Background<?> answer, int size) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        int saved = socket.getSoTimeout();
        socket.setSoTimeout(50);
        try {
            DatagramPacket p = new DatagramPacket(new byte[size], size);
            while (true) {
                try {
                    socket.receive(p);
                    return java.util.Arrays.copyOf(p.getData(), p.getLength());
                } catch (SocketTimeoutException e) {
                    if (answer.isDone() || System.nanoTime() > deadline) {
                        throw answer.failure(new SocketTimeoutException(Text.of("course.no-datagram", WAIT_MS)));
                    }
                }
            }
        } finally {
            socket.setSoTimeout(saved);
        }
    }

    /** {@code udp.predict-truncation}: the text a 4-byte buffer keeps of the datagram "0123456789". */
    public static final Exercise<Prediction.Line> PREDICT_TRUNCATION = Prediction.line("udp.predict-truncation",
            "0123456789".substring(0, 4));

    /** {@code net.read-socket-table}: how many rows of the chapter's printed socket table are clients of port 7788. */
    public static final Exercise<Prediction.Count> READ_SOCKET_TABLE = Prediction.count("net.read-socket-table", 2);

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(PORT_KIND, HOST_COUNT, SEND, RECEIVE, ECHO, CHAT_ROOM, FULL_DUPLEX, PREDICT_TRUNCATION,
                READ_SOCKET_TABLE);
    }
}
