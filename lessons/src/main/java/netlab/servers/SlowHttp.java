package netlab.servers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import netlab.runtime.Resources;
import netlab.text.Text;

/**
 * Local web pages that answer slowly, each after its own delay: what a concurrent downloader is tried on, with no
 * internet. Page i is {@code http://127.0.0.1:PORT/page/i} and answers after {@code delaysMs[i]} milliseconds with
 * the text {@code "page i after N ms"}.
 *
 * <pre>{@code
 * SlowHttp pages = SlowHttp.start(300, 100, 200);
 * pages.urls().size()                         // 3
 * HttpClient http = HttpClient.newHttpClient();
 * http.send(HttpRequest.newBuilder(pages.url(1)).build(), HttpResponse.BodyHandlers.ofString()).body()   // "page 1 after 100 ms"
 * pages.close();
 * }</pre>
 *
 * <p>Requested all at once, the pages finish in the order of their delays (1, 2, 0), not the order asked for. The
 * server ({@code com.sun.net.httpserver}) serves each request on its own virtual thread. Close it when done.
 */
public final class SlowHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Integer> delaysMs;

    private SlowHttp(HttpServer server, ExecutorService threads, List<Integer> delaysMs) {
        this.server = server;
        this.threads = threads;
        this.delaysMs = delaysMs;
    }

    /** Pages answering after these delays (0–60,000 ms each), on a free loopback port. Example: {@code SlowHttp.start(300, 100)}. */
    public static SlowHttp start(int... delaysMs) {
        if (delaysMs.length < 1 || delaysMs.length > 100 || java.util.Arrays.stream(delaysMs).anyMatch(d -> d < 0 || d > 60_000)) {
            throw new IllegalArgumentException(Text.of("servers.slow.bad", java.util.Arrays.toString(delaysMs)));
        }
        List<Integer> delays = java.util.Arrays.stream(delaysMs).boxed().toList();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            ExecutorService threads = Resources.track(Executors.newVirtualThreadPerTaskExecutor());
            server.setExecutor(threads);
            server.createContext("/page/", exchange -> {
                try (exchange) {
                    String tail = exchange.getRequestURI().getPath().substring("/page/".length());
                    int page = tail.matches("\\d{1,3}") ? Integer.parseInt(tail) : -1;
                    if (page < 0 || page >= delays.size()) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    Thread.sleep(delays.get(page));
                    byte[] body = ("page " + page + " after " + delays.get(page) + " ms").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return Resources.track(new SlowHttp(server, threads, delays));
        } catch (IOException e) {
            throw Servers.cannotListen(0, e);
        }
    }

    /** The port. Example: {@code pages.port()}. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Page {@code i}'s address. Example: {@code pages.url(0)} is {@code http://127.0.0.1:PORT/page/0}. */
    public URI url(int i) {
        if (i < 0 || i >= delaysMs.size()) {
            throw new IllegalArgumentException(Text.of("servers.slow.no-page", i, delaysMs.size() - 1));
        }
        return URI.create("http://127.0.0.1:" + port() + "/page/" + i);
    }

    /** Every page's address, in order. Example: {@code pages.urls()}. */
    public List<URI> urls() {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < delaysMs.size(); i++) {
            urls.add(url(i));
        }
        return urls;
    }

    /** Each page's delay in ms. Example: {@code pages.delaysMs()}. */
    public List<Integer> delaysMs() {
        return delaysMs;
    }

    /** Stops the server at once (requests under way are cut off). Example: {@code pages.close()}. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return Text.of("servers.slow.summary", delaysMs.size(), port(), delaysMs);
    }
}
