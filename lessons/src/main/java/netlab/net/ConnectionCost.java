package netlab.net;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * Long versus short connections, measured: N request/response pairs over one connection, then N connections
 * of one request each, against a line-echo server on loopback.
 *
 * <pre>{@code
 * TcpLab.longVsShort(200)
 * // long (1 connection):     200 requests in 25 ms   (125 µs each)
 * // short (200 connections): 200 requests in 180 ms (900 µs each), 200 TIME_WAIT rows left on the client side
 * }</pre>
 *
 * <p>A short connection pays the three-way handshake and the four-way close every time, and leaves a
 * TIME_WAIT socket behind on the side that closed first (here the client) for 60 s. The figures depend on the
 * machine; compare their ratio, not the numbers.
 *
 * @param requests       N
 * @param longTotal      time for N requests over one connection
 * @param shortTotal     time for N connections with one request each
 * @param timeWaitAfter  TIME_WAIT rows the short run's connections left behind
 */
public record ConnectionCost(int requests, Duration longTotal, Duration shortTotal, long timeWaitAfter) implements Tabular {

    static ConnectionCost run(int requests) {
        if (requests < 1 || requests > 10_000) {
            throw new IllegalArgumentException(Text.of("net.cost.requests", requests));
        }
        try (Server echo = Tcp.serve(0, c -> {
            for (String line; (line = c.readLine()) != null; ) {
                c.sendLine(line);
            }
        }).quiet()) {
            Duration timeout = Duration.ofSeconds(5);
            // warm up: let the JIT compile both paths before timing
            runLong(echo.port(), Math.min(requests, 50), timeout);
            runShort(echo.port(), Math.min(requests, 20), timeout);
            long start = System.nanoTime();
            runLong(echo.port(), requests, timeout);
            Duration longTotal = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            Set<Integer> clientPorts = runShort(echo.port(), requests, timeout);
            Duration shortTotal = Duration.ofNanos(System.nanoTime() - start);
            return new ConnectionCost(requests, longTotal, shortTotal, awaitTimeWait(echo.port(), clientPorts));
        }
    }

    /**
     * Counts the short connections' TIME_WAIT rows. A client's side enters TIME_WAIT only when the server's FIN
     * arrives, a moment after the client closed, so the last connections may still be in FIN_WAIT2 when the
     * run ends: wait (at most 2 s) until every one is there. Only these connections' ports count, not the
     * warm-up's, whose last ones may be turning into TIME_WAIT at the same time.
     */
    private static long awaitTimeWait(int serverPort, Set<Integer> clientPorts) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            long n = SocketTable.read().state(TcpState.TIME_WAIT)
                    .where(e -> e.remotePort() == serverPort && clientPorts.contains(e.localPort())).entries().size();
            if (n >= clientPorts.size() || System.nanoTime() >= deadline) {
                return n;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return n;
            }
        }
    }

    private static void runLong(int port, int n, Duration timeout) {
        try (TcpConnection c = Tcp.connect("127.0.0.1", port, timeout)) {
            for (int i = 0; i < n; i++) {
                check(c.request("request " + i, timeout), i);
            }
        }
    }

    /** Runs n short connections; returns their local ports. */
    private static Set<Integer> runShort(int port, int n, Duration timeout) {
        Set<Integer> localPorts = new HashSet<>();
        for (int i = 0; i < n; i++) {
            try (TcpConnection c = Tcp.connect("127.0.0.1", port, timeout)) {
                localPorts.add(c.localPort());
                check(c.request("request " + i, timeout), i);
            }
        }
        return localPorts;
    }

    private static void check(String answer, int i) {
        if (!("request " + i).equals(answer)) {
            throw new IllegalStateException("the echo server answered \"" + answer + "\" to request " + i);
        }
    }

    /** How many times longer the short connections took. Example: {@code TcpLab.longVsShort(100).ratio()}. */
    public double ratio() {
        return (double) shortTotal.toNanos() / Math.max(1, longTotal.toNanos());
    }

    /** The comparison as a table. Example: {@code TcpLab.longVsShort(100).table()}. */
    public Table table() {
        return Table.captioned(Text.of("net.cost.caption", requests, String.format("%.1f", ratio())),
                        Text.of("net.cost.col.connections"), Text.of("net.cost.col.handshakes"), Text.of("net.cost.col.total"),
                        Text.of("net.cost.col.perRequest"), Text.of("net.cost.col.timeWait"))
                .row(Text.of("net.cost.long"), 1, ms(longTotal), us(longTotal.dividedBy(requests)), 0)
                .row(Text.of("net.cost.short", requests), requests, ms(shortTotal), us(shortTotal.dividedBy(requests)), timeWaitAfter);
    }

    private static String ms(Duration d) {
        return String.format("%.1f ms", d.toNanos() / 1e6);
    }

    private static String us(Duration d) {
        return String.format("%.0f µs", d.toNanos() / 1e3);
    }

    @Override
    public String toString() {
        return table().text();
    }
}
