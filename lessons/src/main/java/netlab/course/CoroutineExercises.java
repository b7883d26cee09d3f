package netlab.course;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.exercise.Case;
import netlab.exercise.Exercise;
import netlab.exercise.ExerciseSet;
import netlab.text.Message;

/**
 * The coroutine exercises of chapter 4: a generator written as a state machine (lines out of chunks, pulled one at
 * a time), a round-robin scheduler of such generators (what gevent's hub does), and a concurrent downloader on
 * virtual threads against local HTTP servers.
 *
 * <pre>{@code
 * Iterator<String> lines(Iterator<String> chunks) { ... }          // answer cell
 * Check.coroutineLines(chunks -> lines(chunks));                   // check cell
 * }</pre>
 */
public final class CoroutineExercises implements ExerciseSet {

    /** {@code coroutine.lines}: the lines in {@code chunks}, produced lazily: a chunk is pulled only when a line needs it. */
    @FunctionalInterface
    public interface Lines {
        Iterator<String> lines(Iterator<String> chunks) throws Exception;
    }

    /** {@code coroutine.round-robin}: run {@code tasks} in turns, one step each, and return the steps in the order run. */
    @FunctionalInterface
    public interface RoundRobin {
        List<String> run(List<Iterator<String>> tasks) throws Exception;
    }

    /** {@code coroutine.downloader}: the bodies of {@code urls}, fetched at the same time, in the order of {@code urls}. */
    @FunctionalInterface
    public interface Downloader {
        List<String> fetchAll(List<URI> urls) throws Exception;
    }

    public static final Exercise<Lines> LINES = Exercise.of("coroutine.lines", Message.of("course.coroutine.lines.title"), Lines.class)
            .add(linesCase(List.of("GET / HT", "TP/1.1\nHost: a\n", "\n")))
            .add(linesCase(List.of("one\ntwo\nthr", "ee")))
            .hiddenCases(2)
            .build();

    public static final Exercise<RoundRobin> ROUND_ROBIN = Exercise.of("coroutine.round-robin",
                    Message.of("course.coroutine.round-robin.title"), RoundRobin.class)
            .add(roundRobinCase(List.of(3, 3, 3)))
            .hiddenCases(2)
            .build();

    public static final Exercise<Downloader> DOWNLOADER = Exercise.of("coroutine.downloader",
                    Message.of("course.coroutine.downloader.title"), Downloader.class)
            .add(downloaderCase(3))
            .hiddenCases(1)
            .build();

    // --- cases: the grader's hidden cases are made by the same factories --------------------------------------

    /**
     * Pulls the answer's lines one by one and notes, beside each, how many chunks it had pulled by then: a generator
     * pulls no further than the chunk that ends the line. After the last line, {@code hasNext()} is false (asked
     * twice) and {@code next()} throws {@link NoSuchElementException}.
     */
    public static Case<Lines> linesCase(List<String> chunks) {
        return Case.<Lines>named("lines(" + netlab.exercise.Values.show(chunks) + ")")
                .hint(Message.of("course4.hint.lines"))
                .expect(expectedLines(chunks), a -> {
                    AtomicInteger pulled = new AtomicInteger();
                    Iterator<String> source = chunks.iterator();
                    Iterator<String> counted = new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return source.hasNext();
                        }

                        @Override
                        public String next() {
                            pulled.incrementAndGet();
                            return source.next();
                        }
                    };
                    Iterator<String> lines = a.lines(counted);
                    List<Message> seen = new ArrayList<>();
                    for (int i = 0; i < 100 && lines.hasNext(); i++) {
                        String line = lines.next();
                        seen.add(Message.of("course4.outcome.line-pulled", Quoted.of(line), pulled.get()));
                    }
                    seen.add(Message.of("course4.outcome.has-next-again", lines.hasNext()));
                    try {
                        seen.add(Message.of("course4.outcome.next-at-end", Quoted.of(lines.next())));
                    } catch (NoSuchElementException e) {
                        seen.add(Message.of("course4.outcome.next-at-end", "NoSuchElementException"));
                    }
                    return seen;
                });
    }

    /** The reference: for each line, the number of chunks a lazy reader has pulled when the line is complete. */
    private static List<Message> expectedLines(List<String> chunks) {
        List<Message> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int pulled = 0;
        for (String chunk : chunks) {
            pulled++;
            pending.append(chunk);
            for (int nl; (nl = pending.indexOf("\n")) >= 0; pending.delete(0, nl + 1)) {
                out.add(Message.of("course4.outcome.line-pulled", Quoted.of(pending.substring(0, nl)), pulled));
            }
        }
        if (!pending.isEmpty()) {
            out.add(Message.of("course4.outcome.line-pulled", Quoted.of(pending.toString()), pulled));
        }
        out.add(Message.of("course4.outcome.has-next-again", false));
        out.add(Message.of("course4.outcome.next-at-end", "NoSuchElementException"));
        return out;
    }

    /** Tasks of these lengths: task {@code t} yields "t:0", "t:1", … (letters a, b, c… name the tasks). */
    public static Case<RoundRobin> roundRobinCase(List<Integer> lengths) {
        List<String> expected = new ArrayList<>();
        int longest = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (int t = 0; t < lengths.size(); t++) {
                if (step < lengths.get(t)) {
                    expected.add((char) ('a' + t) + ":" + step);
                }
            }
        }
        return Case.<RoundRobin>named(Message.of("course4.case.round-robin", lengths.size(), lengths))
                .hint(Message.of("course4.hint.round-robin"))
                .expect(expected, a -> {
                    List<Iterator<String>> tasks = new ArrayList<>();
                    for (int t = 0; t < lengths.size(); t++) {
                        char name = (char) ('a' + t);
                        int length = lengths.get(t);
                        tasks.add(java.util.stream.IntStream.range(0, length).mapToObj(i -> name + ":" + i).iterator());
                    }
                    return a.run(tasks);
                });
    }

    /**
     * {@code pages} local pages; page {@code i}'s handler waits until every page has been asked for (up to 400 ms)
     * and then a little longer the lower {@code i} is, so the first page finishes last. The server records the
     * peak number of requests in flight: a downloader that fetches one page after another sees 1.
     */
    public static Case<Downloader> downloaderCase(int pages) {
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            expected.add("page " + i);
        }
        expected.add(Message.of("course4.outcome.peak", pages));
        return Case.<Downloader>named(Message.of("course4.case.downloader", pages))
                .hint(Message.of("course4.hint.downloader"))
                .expect(expected, a -> {
                    CountDownLatch everyoneAsked = new CountDownLatch(pages);
                    AtomicInteger inFlight = new AtomicInteger();
                    AtomicInteger peak = new AtomicInteger();
                    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
                    ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
                    server.setExecutor(handlers);
                    server.createContext("/", exchange -> {
                        int now = inFlight.incrementAndGet();
                        peak.accumulateAndGet(now, Math::max);
                        try {
                            everyoneAsked.countDown();
                            everyoneAsked.await(400, TimeUnit.MILLISECONDS);
                            String path = exchange.getRequestURI().getPath();
                            int i = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                            Thread.sleep(20L * (pages - i)); // page 0 finishes last
                            byte[] body = ("page " + i).getBytes(StandardCharsets.UTF_8);
                            exchange.sendResponseHeaders(200, body.length);
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(body);
                            }
                        } catch (InterruptedException | RuntimeException e) {
                            exchange.sendResponseHeaders(500, -1);
                        } finally {
                            inFlight.decrementAndGet();
                            exchange.close();
                        }
                    });
                    server.start();
                    try {
                        List<URI> urls = new ArrayList<>();
                        for (int i = 0; i < pages; i++) {
                            urls.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page/" + i));
                        }
                        List<Object> got = new ArrayList<>(a.fetchAll(urls));
                        got.add(Message.of("course4.outcome.peak", peak.get()));
                        return got;
                    } finally {
                        server.stop(0);
                        handlers.shutdownNow();
                    }
                });
    }

    /** Strings shown with their quotes and escapes, so an empty line or a stray "\r" is visible. */
    private static final class Quoted {
        static String of(String s) {
            return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n") + "\"";
        }
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(LINES, ROUND_ROBIN, DOWNLOADER);
    }
}
