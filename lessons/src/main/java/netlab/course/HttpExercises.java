package netlab.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.exercise.Background;
import netlab.exercise.Case;
import netlab.exercise.Exercise;
import netlab.exercise.ExerciseSet;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The capstone of chapter 4: an HTTP/1.1 server for a few pages, one virtual thread per connection. It is checked
 * the way real clients talk to it: {@link HttpClient} for plain requests, raw sockets for keep-alive, pipelined,
 * {@code Connection: close}, HTTP/1.0 and malformed requests.
 *
 * <pre>{@code
 * void serve(ServerSocket server, Map<String, String> pages) throws IOException { ... }   // answer cell
 * Check.httpServer((server, pages) -> serve(server, pages));                               // check cell
 * }</pre>
 */
public final class HttpExercises implements ExerciseSet {

    /** What a client reads once the server closed the connection after its response. */
    private static final Message END_OF_STREAM = Message.of("course4.outcome.end-of-stream");

    /**
     * {@code http.server}: accept until {@code server} is closed, each connection on a virtual thread; answer each
     * GET with the page at its path (200, {@code Content-Length} in bytes), 404 for a path not in {@code pages}, 400
     * (then close) for a request line that is not "METHOD PATH HTTP/x.y"; keep the connection open for the next
     * request unless the client sent {@code Connection: close} or spoke HTTP/1.0.
     */
    @FunctionalInterface
    public interface PageServer {
        void serve(ServerSocket server, Map<String, String> pages) throws Exception;
    }

    static final int WAIT_MS = 1500;

    /** The pages every case serves. */
    public static final Map<String, String> PAGES = Map.of(
            "/index.html", "hello",
            "/about.html", "netlab chapter 4",
            "/zh.html", "并发服务器");

    public static final Exercise<PageServer> SERVER = Exercise.of("http.server", Message.of("course.http.server.title"), PageServer.class)
            .add(clientCase("/index.html"))
            .add(clientCase("/missing.html"))
            .add(rawCase(Talk.KEEP_ALIVE))
            .hiddenCases(5)
            .build();

    /** What a raw-socket case sends. */
    public enum Talk {
        /** Two requests, one after the other's response, on one connection. */
        KEEP_ALIVE,
        /** Two requests in one write: the second must not be lost in the first one's buffer. */
        PIPELINED,
        /** A request with {@code Connection: close}: the response, then the end of the stream. */
        CLOSE,
        /** An HTTP/1.0 request without keep-alive: the response, then the end of the stream. */
        HTTP_10,
        /** "HELLO" instead of a request line: 400, then the end of the stream. */
        MALFORMED
    }

    /** {@code GET path} with {@link HttpClient}: status, Content-Length and body as the client saw them. */
    public static Case<PageServer> clientCase(String path) {
        String page = PAGES.get(path);
        String expected = page == null ? "404"
                : "200 Content-Length=" + page.getBytes(StandardCharsets.UTF_8).length + " body=" + page;
        return Case.<PageServer>named("HttpClient GET " + path)
                .hint(Message.of("course4.hint.http"))
                .expect(expected, a -> served(a, port -> {
                    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofMillis(WAIT_MS)).build()) {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                        .timeout(Duration.ofMillis(WAIT_MS)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        return r.statusCode() == 404 ? "404" : r.statusCode() + " Content-Length="
                                + r.headers().firstValue("content-length").orElse("(none)") + " body=" + r.body();
                    }
                }));
    }

    public static Case<PageServer> rawCase(Talk talk) {
        List<Object> expected = switch (talk) {
            case KEEP_ALIVE -> List.of("200 hello", "200 netlab chapter 4");
            case PIPELINED -> List.of("200 netlab chapter 4", "404", "200 并发服务器");
            case CLOSE, HTTP_10 -> List.of("200 hello", END_OF_STREAM);
            case MALFORMED -> List.of("400", END_OF_STREAM);
        };
        return Case.<PageServer>named(Message.of("course4.case.http." + talk.name().toLowerCase(Locale.ROOT)))
                .hint(Message.of("course4.hint.http"))
                .expect(expected, a -> served(a, port -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), WAIT_MS);
                        s.setSoTimeout(WAIT_MS);
                        OutputStream out = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        List<Object> got = new ArrayList<>();
                        switch (talk) {
                            case KEEP_ALIVE -> {
                                send(out, get("/index.html", ""));
                                got.add(response(in));
                                send(out, get("/about.html", ""));
                                got.add(response(in));
                            }
                            case PIPELINED -> {
                                send(out, get("/about.html", "") + get("/nothing-here", "") + get("/zh.html", ""));
                                got.add(response(in));
                                got.add(response(in));
                                got.add(response(in));
                            }
                            case CLOSE -> {
                                send(out, get("/index.html", "Connection: close\r\n"));
                                got.add(response(in));
                                got.add(endOfStream(in));
                            }
                            case HTTP_10 -> {
                                send(out, "GET /index.html HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
                                got.add(response(in));
                                got.add(endOfStream(in));
                            }
                            case MALFORMED -> {
                                send(out, "HELLO\r\n\r\n");
                                got.add(response(in));
                                got.add(endOfStream(in));
                            }
                        }
                        return got;
                    }
                }));
    }

    private interface Conversation<T> {
        T talk(int port) throws Exception;
    }

    /**
     * Runs the answer on a fresh listener, has the conversation, closes the listener and waits for {@code serve}
     * to return. When {@code serve} throws once the listener is closed (an {@code accept()} whose
     * {@code SocketException} was not caught), what the client saw is kept, followed by that sentence: a wrong
     * response stays visible beside it (the expected value stays with the grader, so the agent cannot compare).
     */
    private static Object served(PageServer a, Conversation<?> conversation) throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Background<Void> running = Background.run(() -> a.serve(server, PAGES));
        Object seen;
        boolean endedBeforeClose;
        try (server) {
            try {
                seen = conversation.talk(server.getLocalPort());
            } catch (IOException e) {
                // asked before the listener closes: a TODO stub, not the broken connection, is the news, but an
                // accept() that failed because the listener was then closed is not
                throw running.isDone() ? running.failure(e) : e;
            }
            endedBeforeClose = running.isDone();
        }
        try {
            running.await(WAIT_MS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(Text.of("course4.blame.no-return", WAIT_MS));
        } catch (Exception thrown) {
            if (endedBeforeClose) {
                throw thrown;
            }
            List<Object> kept = new ArrayList<>(seen instanceof List<?> l ? l : List.of(seen));
            kept.add(Message.of("course4.outcome.threw-on-close", thrown.getClass().getSimpleName()));
            return kept;
        }
        return seen;
    }

    private static String get(String path, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
    }

    private static void send(OutputStream out, String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * One response read as a client must: the status line, headers up to the empty line, then exactly
     * Content-Length bytes of body. "200 BODY", or the bare status for anything else.
     */
    static String response(InputStream in) throws IOException {
        String status = headLine(in);
        if (status == null) {
            return Text.of("course4.blame.http-no-response");
        }
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            return Text.of("course4.blame.http-status-line", status);
        }
        int length = -1;
        for (String h = headLine(in); h != null && !h.isEmpty(); h = headLine(in)) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            return Text.of("course4.blame.http-no-length", parts[1]);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return Text.of("course4.blame.http-short-body", length, body.length);
        }
        return parts[1].equals("200") ? "200 " + new String(body, StandardCharsets.UTF_8) : parts[1];
    }

    /** One header line without its CRLF (a bare LF is accepted), or null at the end of the stream. */
    private static String headLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() > 8192) {
                throw new IOException(Text.of("course4.blame.http-long-header"));
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static Message endOfStream(InputStream in) throws IOException {
        try {
            int b = in.read();
            return b == -1 ? END_OF_STREAM : Message.of("course4.blame.http-more", b);
        } catch (SocketTimeoutException e) {
            return Message.of("course4.blame.http-still-open", WAIT_MS);
        }
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(SERVER);
    }
}
