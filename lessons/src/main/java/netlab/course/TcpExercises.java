package netlab.course;

import netlab.exercise.*;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The socket exercises of chapter 2: a UDP broadcast on the loopback network, then a TCP server, a TCP client
 * and a line chat. Lines are UTF-8 and end with "\n". Everything runs on 127.0.0.1.
 *
 * <pre>{@code
 * String ask(String host, int port, String line) { ... }                         // answer cell
 * Check.tcpClient((host, port, line) -> ask(host, port, line));                 // check cell
 * }</pre>
 */
public final class TcpExercises implements ExerciseSet {

    /** What the peer of a chat case reports once the client closed the connection. */
    private static final Message CLIENT_CLOSED = Message.of("course.tcp.outcome.closed");

    /** {@code udp.broadcast}: send {@code text} (UTF-8) to 127.255.255.255:{@code port}, the loopback broadcast. */
    @FunctionalInterface
    public interface Broadcast {
        void broadcast(String text, int port) throws Exception;
    }

    /** {@code tcp.server}: accept one client, read one line, answer "thank you: LINE\n", close that connection. */
    @FunctionalInterface
    public interface Server {
        void serveOnce(ServerSocket server) throws Exception;
    }

    /** {@code tcp.client}: connect, send {@code line} + "\n", return the line the server answers. */
    @FunctionalInterface
    public interface Client {
        String ask(String host, int port, String line) throws Exception;
    }

    /**
     * {@code tcp.chat}: connect once; for each line up to the first empty one, send it and read one answer line;
     * then close. Return the answers.
     */
    @FunctionalInterface
    public interface Chat {
        List<String> chat(String host, int port, List<String> lines) throws Exception;
    }

    static final int WAIT_MS = 1500;

    public static final Exercise<Broadcast> BROADCAST = Exercise.of("udp.broadcast", Message.of("course.udp.broadcast.title"),
                    Broadcast.class)
            .add(broadcastCase("Hi"))
            .hiddenCases(1)
            .build();

    public static final Exercise<Server> SERVER = Exercise.of("tcp.server", Message.of("course.tcp.server.title"), Server.class)
            .add(serverCase("hello world"))
            .add(serverCase("你好"))
            .hiddenCases(1)
            .build();

    public static final Exercise<Client> CLIENT = Exercise.of("tcp.client", Message.of("course.tcp.client.title"), Client.class)
            .add(clientCase("haha"))
            .add(clientCase("早上好"))
            .hiddenCases(1)
            .build();

    public static final Exercise<Chat> CHAT = Exercise.of("tcp.chat", Message.of("course.tcp.chat.title"), Chat.class)
            .add(chatCase(List.of("你好", "how are you?", "")))
            .add(chatCase(List.of("one", "", "never sent")))
            .hiddenCases(1)
            .build();

    public static Case<Broadcast> broadcastCase(String text) {
        return Case.<Broadcast>named("broadcast(\"" + text + "\", port)")
                .hint(Message.of("course.udp.broadcast.hint"))
                .expect(text, a -> {
                    // a socket on 0.0.0.0 hears broadcasts; one bound to 127.0.0.1 would not
                    try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress(0))) {
                        listener.setSoTimeout(WAIT_MS);
                        a.broadcast(text, listener.getLocalPort());
                        return UdpExercises.receiveText(listener);
                    }
                });
    }

    public static Case<Server> serverCase(String line) {
        return Case.<Server>named("serveOnce(server) ← \"" + line + "\"")
                .hint(Message.of("course.tcp.server.hint"))
                .expect(List.of("thank you: " + line, "closed"), a -> {
                    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                        Background<Void> answer = Background.run(() -> a.serveOnce(server));
                        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                            s.setSoTimeout(WAIT_MS);
                            BufferedReader in = reader(s);
                            writeLine(s.getOutputStream(), line);
                            String reply = readOrBlame(in, answer);
                            String after = readOrBlame(in, answer);
                            answer.await(WAIT_MS);
                            return List.of(String.valueOf(reply), after == null ? "closed" : "more: " + after);
                        }
                    }
                });
    }

    public static Case<Client> clientCase(String line) {
        return Case.<Client>named("ask(\"" + line + "\")")
                .hint(Message.of("course.tcp.client.hint"))
                .expect("qie, " + line, a -> {
                    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                        server.setSoTimeout(WAIT_MS);
                        Background<Void> peer = Background.run(() -> {
                            try (Socket s = server.accept()) {
                                s.setSoTimeout(WAIT_MS);
                                String got = reader(s).readLine();
                                writeLine(s.getOutputStream(), "qie, " + got);
                            }
                        });
                        String answer = a.ask("127.0.0.1", server.getLocalPort(), line);
                        peer.await(WAIT_MS);
                        return answer;
                    }
                });
    }

    public static Case<Chat> chatCase(List<String> lines) {
        List<String> said = new ArrayList<>();
        for (String l : lines) {
            if (l.isEmpty()) {
                break;
            }
            said.add("recv: " + l);
        }
        List<Object> expected = new ArrayList<>(said);
        expected.add(CLIENT_CLOSED);
        return Case.<Chat>named("chat(host, port, " + Values.show(lines) + ")")
                .hint(Message.of("course.tcp.chat.hint"))
                .expect(expected, a -> {
                    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                        server.setSoTimeout(WAIT_MS);
                        Background<Message> peer = Background.start(() -> {
                            try (Socket s = server.accept()) {
                                s.setSoTimeout(WAIT_MS);
                                BufferedReader in = reader(s);
                                for (String l; (l = in.readLine()) != null; ) {
                                    writeLine(s.getOutputStream(), "recv: " + l);
                                }
                                return CLIENT_CLOSED;
                            }
                        });
                        List<Object> answers = new ArrayList<>(a.chat("127.0.0.1", server.getLocalPort(), lines));
                        answers.add(peer.await(WAIT_MS));
                        return answers;
                    }
                });
    }

    static BufferedReader reader(Socket s) throws java.io.IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    static void writeLine(OutputStream out, String line) throws java.io.IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads one line from the answer's side; gives up at once when the answer has thrown (a TODO stub, a port
     * already taken), so its exception, not a timeout, is what the case reports.
     */
    static String readOrBlame(BufferedReader in, Background<?> answer) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (!in.ready() && System.nanoTime() < deadline) {
            if (answer.isDone()) {
                Exception failed = answer.failure(null);
                if (failed != null) {
                    throw failed;
                }
                break; // it returned: what it sent, or the end of the stream, is there to read
            }
            Thread.sleep(20);
        }
        try {
            return in.readLine();
        } catch (SocketTimeoutException e) {
            throw answer.failure(new SocketTimeoutException(Text.of("course.no-line", WAIT_MS)));
        }
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(BROADCAST, SERVER, CLIENT, CHAT);
    }
}
