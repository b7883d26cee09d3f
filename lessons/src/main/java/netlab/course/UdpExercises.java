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

/**
 * The exercises of chapter 1 (network overview and UDP), with their public cases. Every case talks only to
 * 127.0.0.1 on ports the system chooses. Hidden cases are in the grader's jar and reuse the case factories here.
 *
 * <pre>{@code
 * void send(String text, int port) throws Exception { ... }                      // answer cell
 * Check.run("udp.send", (UdpExercises.SendText) (t, p) -> send(t, p));           // check cell
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

    public static final Exercise<PortKind> PORT_KIND = Exercise.of("net.port-kind", "Which range is a port in?",
                    PortKind.class)
            .add(portKindCase(80, "well-known"))
            .add(portKindCase(8080, "registered"))
            .add(portKindCase(50000, "dynamic"))
            .hiddenCases(3)
            .build();

    public static final Exercise<HostCount> HOST_COUNT = Exercise.of("subnet.host-count",
                    "How many hosts fit in a /prefix network?", HostCount.class)
            .add(hostCountCase(24, 254))
            .add(hostCountCase(16, 65_534))
            .add(hostCountCase(30, 2))
            .hiddenCases(3)
            .build();

    public static final Exercise<SendText> SEND = Exercise.of("udp.send", "Send one datagram", SendText.class)
            .add(sendCase("hello, netlab"))
            .add(sendCase("你好"))
            .hiddenCases(1)
            .build();

    public static final Exercise<ReceiveText> RECEIVE = Exercise.of("udp.receive", "Receive one datagram",
                    ReceiveText.class)
            .add(receiveCase("thank you"))
            .add(receiveCase("谢谢"))
            .hiddenCases(1)
            .build();

    public static final Exercise<EchoServer> ECHO = Exercise.of("udp.echo-server", "A UDP echo server",
                    EchoServer.class)
            .add(echoCase(List.of("ping")))
            .add(echoCase(List.of("one", "二", "three")))
            .hiddenCases(1)
            .build();

    public static final Exercise<ChatRoom> CHAT_ROOM = Exercise.of("udp.chat-room", "A chat-room receiver",
                    ChatRoom.class)
            .add(chatRoomCase(List.of("hi")))
            .add(chatRoomCase(List.of("大家好", "anyone here?")))
            .hiddenCases(1)
            .build();

    public static final Exercise<FullDuplex> FULL_DUPLEX = Exercise.of("udp.full-duplex",
                    "Full-duplex chat with two threads", FullDuplex.class)
            .add(fullDuplexCase(List.of("hi", "how are you?"), List.of("hello", "fine")))
            .hiddenCases(1)
            .build();

    public static Case<PortKind> portKindCase(int port, String expected) {
        return Case.<PortKind>named("portKind(" + port + ")")
                .hint("0–1023 well-known, 1024–49151 registered, 49152–65535 dynamic (IANA, RFC 6335).")
                .expect(expected, a -> a.portKind(port));
    }

    public static Case<HostCount> hostCountCase(int prefix, long expected) {
        return Case.<HostCount>named("hostCount(" + prefix + ")")
                .hint("2^(32-prefix) addresses minus the network and broadcast address; /31 and /32 keep them all.")
                .expect(expected, a -> a.hostCount(prefix));
    }

    public static Case<SendText> sendCase(String text) {
        return Case.<SendText>named("send(\"" + text + "\", port)")
                .failure("the datagram that arrived was not the text as UTF-8")
                .hint("byte[] b = text.getBytes(StandardCharsets.UTF_8); socket.send(new DatagramPacket(b, b.length, "
                        + "InetAddress.getLoopbackAddress(), port));")
                .expect(text, a -> {
                    try (DatagramSocket receiver = loopbackSocket()) {
                        a.send(text, receiver.getLocalPort());
                        return receiveText(receiver);
                    }
                });
    }

    public static Case<ReceiveText> receiveCase(String text) {
        return Case.<ReceiveText>named("receive() of \"" + text + "\"")
                .hint("new DatagramPacket(new byte[1024], 1024), socket.receive(p), then "
                        + "new String(p.getData(), 0, p.getLength(), UTF_8): only the bytes that arrived.")
                .expect(text, a -> withTwoSockets((socket, sender) -> {
                    sendText(sender, text, socket.getLocalPort());
                    return a.receive(socket);
                }));
    }

    public static Case<EchoServer> echoCase(List<String> texts) {
        return Case.<EchoServer>named("echo of " + texts)
                .failure("the client did not get its datagrams back")
                .hint("loop count times: receive into a packet, then socket.send(new DatagramPacket(data, length, "
                        + "p.getSocketAddress())).")
                .expect(texts, a -> withTwoSockets((server, client) -> {
                    Background<Void> answer = Background.run(() -> a.echo(server, texts.size()));
                    List<String> back = new ArrayList<>();
                    for (String t : texts) {
                        sendText(client, t, server.getLocalPort());
                        back.add(receiveOrBlame(client, answer));
                    }
                    answer.await(WAIT_MS);
                    return back;
                }));
    }

    public static Case<ChatRoom> chatRoomCase(List<String> texts) {
        return Case.<ChatRoom>named("chat room receives " + texts)
                .hint("For each datagram: p.getAddress().getHostAddress() + \":\" + p.getPort() + \" says \" + text.")
                .expect(true, a -> withTwoSockets((room, sender) -> {
                    List<String> expected = new ArrayList<>();
                    for (String t : texts) {
                        sendText(sender, t, room.getLocalPort());
                        expected.add("127.0.0.1:" + sender.getLocalPort() + " says " + t);
                    }
                    List<String> lines = a.receiveLines(room, texts.size());
                    if (!expected.equals(lines)) {
                        throw new AssertionError("expected " + expected + " but got " + lines);
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
        return Case.<FullDuplex>named("chat: type " + outgoing + ", receive " + incoming)
                .hint("Start a thread that loops: receive a datagram, screen.accept(its text). On this thread read "
                        + "keyboard.readLine() and send each line until it returns null; then socket.close() (the "
                        + "receiver's receive() throws and its loop ends) and join the receiver.")
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
            heard.add(expectLine(peer, answer, "the line typed first, " + Values.show(outgoing.getFirst())
                    + ", never reached the peer: your chat must send what is typed even while nothing arrives, "
                    + "so receive on a second thread"));
            for (String t : incoming) {
                sendText(peer, t, mine.getLocalPort());
            }
            awaitShown(shown, incoming, answer);
            outgoing.subList(1, outgoing.size()).forEach(keyboard::type);
            keyboard.close();
            for (String t : outgoing.subList(1, outgoing.size())) {
                heard.add(expectLine(peer, answer, "the peer got " + heard + " but not " + Values.show(t)
                        + ": send every line typed until readLine() returns null"));
            }
            try {
                answer.await(WAIT_MS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the keyboard had ended, but chat() had not returned " + WAIT_MS
                        + " ms later: close the socket to stop the receiving thread, then join it");
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
                throw answer.failure(new IllegalStateException("while your chat waited for the next keyboard line, "
                        + "the screen showed " + shown + " of " + incoming + " within " + WAIT_MS + " ms: a program "
                        + "that waits for the keyboard cannot receive at the same time, so receive on a second thread"));
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
            throw new SocketTimeoutException("no datagram arrived within " + WAIT_MS + " ms");
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
                        throw answer.failure(new SocketTimeoutException("no datagram arrived within " + WAIT_MS + " ms"));
                    }
                }
            }
        } finally {
            socket.setSoTimeout(saved);
        }
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(PORT_KIND, HOST_COUNT, SEND, RECEIVE, ECHO, CHAT_ROOM, FULL_DUPLEX);
    }
}
