package netlab.course;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netlab.exercise.Background;
import netlab.exercise.Case;
import netlab.exercise.Exercise;
import netlab.exercise.ExerciseSet;
import netlab.exercise.Values;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The TCP exercises of chapter 2 that need more than one line at a time: messages framed in a byte stream that
 * arrives in pieces, and a server that serves several clients at once. Everything runs on 127.0.0.1.
 *
 * <pre>{@code
 * List<String> readFrames(Socket socket) { ... }           // answer cell
 * Check.tcpFrames(socket -> readFrames(socket));           // check cell
 * }</pre>
 */
public final class TcpStreamExercises implements ExerciseSet {

    /**
     * {@code tcp.frames}: messages arrive on {@code socket} as frames, each a 2-byte unsigned big-endian length and
     * that many bytes of UTF-8; read frames until the other side closes and return the messages.
     */
    @FunctionalInterface
    public interface Frames {
        List<String> readFrames(Socket socket) throws Exception;
    }

    /**
     * {@code tcp.multi-client}: accept {@code clients} clients on {@code server} and serve them at the same time:
     * answer every line a client sends with the same line, close a client's socket when it closes its side, and
     * return once all of them are done. The server socket stays open.
     */
    @FunctionalInterface
    public interface MultiClient {
        void serve(ServerSocket server, int clients) throws Exception;
    }

    static final int WAIT_MS = 1500;
    static final int SAY_MS = 1000;

    public static final Exercise<Frames> FRAMES = Exercise.of("tcp.frames", Message.of("course.tcp.frames.title"),
                    Frames.class)
            .add(framesCase(List.of("hello", "world"), 1024))
            .add(framesCase(List.of("你好", "这一帧每次只到达 3 个字节"), 3))
            .hiddenCases(2)
            .build();

    public static final Exercise<MultiClient> MULTI_CLIENT = Exercise.of("tcp.multi-client",
                    Message.of("course.tcp.multi-client.title"), MultiClient.class)
            .add(multiClientCase(2))
            .hiddenCases(1)
            .build();

    /** {@code tcp.predict-backlog}: how many of 4 connections a listener with backlog 1 that never accepts lets complete. */
    public static final Exercise<netlab.course.Prediction.Count> PREDICT_BACKLOG =
            Prediction.count("tcp.predict-backlog", 1 + 1);

    /** The frames of {@code messages}, written in pieces of at most {@code piece} bytes with a pause between. */
    public static Case<Frames> framesCase(List<String> messages, int piece) {
        return Case.<Frames>named(Message.of("course.tcp.case.frames", Values.show(messages), piece))
                .hint(Message.of("course.tcp.frames.hint"))
                .expect(messages, a -> {
                    byte[] stream = frames(messages);
                    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                         Socket sender = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                         Socket receiver = server.accept()) {
                        sender.setTcpNoDelay(true);
                        receiver.setSoTimeout(WAIT_MS);
                        Background<List<String>> answer = Background.start(() -> a.readFrames(receiver));
                        OutputStream out = sender.getOutputStream();
                        for (int at = 0; at < stream.length && !answer.isDone(); at += piece) {
                            out.write(stream, at, Math.min(piece, stream.length - at));
                            out.flush();
                            Thread.sleep(piece < 16 ? 2 : 20); // the reader sees the pieces, not the whole
                        }
                        sender.shutdownOutput();
                        return answer.await(WAIT_MS);
                    }
                });
    }

    /** Frames as the exercise defines them: 2-byte unsigned big-endian length, then the UTF-8 bytes. */
    public static byte[] frames(List<String> messages) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String m : messages) {
            byte[] b = m.getBytes(StandardCharsets.UTF_8);
            out.writeShort(b.length);
            out.write(b);
        }
        return bytes.toByteArray();
    }

    /**
     * {@code clients} clients connect; the first stays quiet while every other one sends a line and expects it back
     * (a server that serves one client at a time waits on the first and answers nobody); then the first talks,
     * everyone closes, and the answer must return. Returns what each client heard, in order.
     */
    public static Case<MultiClient> multiClientCase(int clients) {
        List<Message> expected = new ArrayList<>();
        for (int i = 1; i < clients; i++) {
            expected.add(heard(i + 1, "line " + (i + 1)));
        }
        expected.add(heard(1, "line 1"));
        expected.add(heard(1, "再见"));
        return Case.<MultiClient>named(Message.of("course.tcp.case.multi-client", clients))
                .hint(Message.of("course.tcp.multi-client.hint"))
                .expect(expected, a -> {
                    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                        Background<Void> answer = Background.run(() -> a.serve(server, clients));
                        List<Socket> sockets = new ArrayList<>();
                        try {
                            for (int i = 0; i < clients; i++) {
                                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                                s.setSoTimeout(WAIT_MS);
                                sockets.add(s);
                            }
                            List<Message> heard = new ArrayList<>();
                            for (int i = 1; i < clients; i++) {
                                heard.add(say(sockets.get(i), i + 1, "line " + (i + 1), answer,
                                        Text.of("course.tcp.multi-client.one-at-a-time", i + 1)));
                                sockets.get(i).close();
                            }
                            heard.add(say(sockets.get(0), 1, "line 1", answer, Text.of("course.tcp.multi-client.no-answer", 1)));
                            heard.add(say(sockets.get(0), 1, "再见", answer, Text.of("course.tcp.multi-client.no-answer", 1)));
                            sockets.get(0).close();
                            try {
                                answer.await(WAIT_MS);
                            } catch (java.util.concurrent.TimeoutException e) {
                                throw new IllegalStateException(Text.of("course.tcp.multi-client.no-return", WAIT_MS));
                            }
                            return heard;
                        } finally {
                            for (Socket s : sockets) {
                                s.close();
                            }
                        }
                    }
                });
    }

    /**
     * Client {@code n} sends {@code line} and reads one line back: "client N: LINE". Gives up after {@value #SAY_MS}
     * ms with {@code why} (well inside the case's time, so the student reads why rather than a timeout), or at once
     * with the answer's own failure when it has thrown.
     */
    private static Message say(Socket s, int n, String line, Background<?> answer, String why) throws Exception {
        TcpExercises.writeLine(s.getOutputStream(), line);
        BufferedReader in = TcpExercises.reader(s);
        long deadline = System.nanoTime() + SAY_MS * 1_000_000L;
        while (!in.ready()) {
            if (answer.isDone()) {
                Exception failed = answer.failure(null);
                if (failed != null) {
                    throw failed;
                }
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(why);
            }
            Thread.sleep(10);
        }
        return heard(n, in.readLine());
    }

    /** What client {@code n} heard, as a case shows it. */
    private static Message heard(int n, String line) {
        return Message.of("course.tcp.outcome.heard", n, line);
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(FRAMES, MULTI_CLIENT, PREDICT_BACKLOG);
    }

}
