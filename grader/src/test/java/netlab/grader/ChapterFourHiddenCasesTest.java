package netlab.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import netlab.course.CoroutineExercises;
import netlab.course.HttpExercises;
import netlab.course.ServerExercises;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import org.junit.jupiter.api.Test;

/** Chapter 4 answers with the classic slips pass the public cases and fail a hidden one. */
class ChapterFourHiddenCasesTest {

    /** Like chapter 3's, with the public report in the message: these cases talk over sockets, and a failure says why. */
    static void assertOnlyHiddenCasesCatch(String id, Object slip) {
        CheckReport open = Check.evaluate(id, slip);
        assertTrue(open.allPassed(), id + ": the slip should pass the public cases\n" + open.outcomes());
        assertFalse(Check.grade(id, slip, Duration.ofSeconds(5)).allPassed(), id + ": a hidden case should catch the slip");
    }

    static void echo(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            for (String line; (line = in.readLine()) != null; ) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // reset
        }
    }

    @Test
    void aFixedPoolInsteadOfAThreadPerConnection() {
        assertOnlyHiddenCasesCatch("server.thread-per-connection", (ServerExercises.ThreadPerConnection) server -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                while (true) {
                    Socket client = server.accept();
                    pool.submit(() -> echo(client));
                }
            } catch (SocketException closed) {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void aPollLoopThatOneResetEnds() {
        assertOnlyHiddenCasesCatch("server.poll-loop", (ServerExercises.PollLoop) server -> {
            Map<SocketChannel, ByteBuffer> clients = new HashMap<>();
            try {
                while (server.isOpen()) {
                    SocketChannel fresh = server.accept();
                    if (fresh != null) {
                        fresh.configureBlocking(false);
                        clients.put(fresh, ByteBuffer.allocate(65536));
                    }
                    for (Iterator<Map.Entry<SocketChannel, ByteBuffer>> it = clients.entrySet().iterator(); it.hasNext(); ) {
                        Map.Entry<SocketChannel, ByteBuffer> e = it.next();
                        ByteBuffer buf = e.getValue();
                        if (buf.position() > 0) {
                            buf.flip();
                            e.getKey().write(buf);
                            buf.compact();
                        } else if (e.getKey().read(buf) == -1) { // a reset throws here, and ends the server
                            e.getKey().close();
                            it.remove();
                        }
                    }
                }
            } catch (java.nio.channels.ClosedChannelException closed) {
                // the case closed the server
            }
        });
    }

    @Test
    void aSelectorLoopThatOneResetEnds() {
        assertOnlyHiddenCasesCatch("server.selector", (ServerExercises.SelectorLoop) (selector, server) -> {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (server.isOpen()) {
                selector.select();
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        SocketChannel c = server.accept();
                        if (c != null) {
                            c.configureBlocking(false).register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(65536));
                        }
                        continue;
                    }
                    SocketChannel c = (SocketChannel) key.channel();
                    ByteBuffer buf = (ByteBuffer) key.attachment();
                    if (key.isReadable() && c.read(buf) == -1) { // a reset throws here, and ends the server
                        c.close();
                        continue;
                    }
                    buf.flip();
                    c.write(buf);
                    buf.compact();
                    key.interestOps(buf.position() > 0 ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                }
            }
        });
    }

    @Test
    void aSchedulerThatRunsAsManyRoundsAsTheFirstTaskHasSteps() {
        assertOnlyHiddenCasesCatch("coroutine.round-robin", (CoroutineExercises.RoundRobin) tasks -> {
            List<String> ran = new ArrayList<>();
            Iterator<String> first = tasks.get(0);
            List<String> firstSteps = new ArrayList<>();
            first.forEachRemaining(firstSteps::add);
            for (String step : firstSteps) {
                ran.add(step);
                for (int t = 1; t < tasks.size(); t++) {
                    if (tasks.get(t).hasNext()) {
                        ran.add(tasks.get(t).next());
                    }
                }
            }
            return ran;
        });
    }

    @Test
    void anHttpServerThatCountsCharactersForContentLength() throws Exception {
        // HttpClient's first request in a JVM loads its classes, which can outlast a case's 2 s on a busy machine;
        // in a notebook the cells above the check have made requests already
        warmHttpClient();
        assertOnlyHiddenCasesCatch("http.server", (HttpExercises.PageServer) (server, pages) -> {
            while (true) {
                Socket client;
                try {
                    client = server.accept();
                } catch (SocketException closed) {
                    return;
                }
                Thread.ofVirtual().start(() -> {
                    try (client) {
                        InputStream in = new BufferedInputStream(client.getInputStream());
                        OutputStream out = client.getOutputStream();
                        while (true) {
                            String requestLine = line(in);
                            if (requestLine == null) {
                                return;
                            }
                            String[] part = requestLine.split(" ");
                            if (part.length != 3) {
                                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                                return;
                            }
                            boolean close = part[2].equals("HTTP/1.0");
                            for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
                                close |= h.equalsIgnoreCase("Connection: close");
                            }
                            String page = pages.getOrDefault(part[1], "not found");
                            String status = pages.containsKey(part[1]) ? "200 OK" : "404 Not Found";
                            out.write(("HTTP/1.1 " + status + "\r\nContent-Length: " + page.length() + "\r\n\r\n" + page) // characters, not bytes
                                    .getBytes(StandardCharsets.UTF_8));
                            if (close) {
                                return;
                            }
                        }
                    } catch (IOException gone) {
                        // the client left
                    }
                });
            }
        });
    }

    private static void warmHttpClient() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    line(s.getInputStream());
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the warm-up request failed; the case will say more
                }
            });
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getLocalPort() + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return s.isEmpty() ? null : s.toString();
            }
            s.append((char) b);
        }
        return s.toString().strip();
    }
}
