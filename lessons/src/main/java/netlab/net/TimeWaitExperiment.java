package netlab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * TIME_WAIT (the "2MSL wait") observed live: the server closes a connection first, its side goes to TIME_WAIT,
 * and re-binding the server's port fails without SO_REUSEADDR and works with it.
 *
 * <pre>{@code
 * TcpLab.timeWait()
 * // tcp 127.0.0.1:41000 127.0.0.1:52344 TIME_WAIT
 * // bind 41000 without SO_REUSEADDR: Address already in use
 * // bind 41000 with SO_REUSEADDR: ok
 * }</pre>
 *
 * <p>Whoever closes first (sends the first FIN) waits in TIME_WAIT, so that a lost final ACK can be sent again
 * and stray segments of the old connection die before the same address pair is reused. RFC 793 says 2 × MSL;
 * Linux uses a fixed 60 s (TCP_TIMEWAIT_LEN, compiled in; {@code tcp_fin_timeout} is for FIN_WAIT2, not this).
 * A TIME_WAIT row has inode 0: no process owns it any more, the kernel does. Java's {@code ServerSocket} turns
 * SO_REUSEADDR on by default on Linux, so the failure only shows when you turn it off.
 *
 * @param port            the server port
 * @param timeWaitRows    the TIME_WAIT rows of that port right after the close
 * @param withoutReuse    what binding the port again with SO_REUSEADDR off did
 * @param withReuse       what binding it with SO_REUSEADDR on did
 */
public record TimeWaitExperiment(int port, List<SocketEntry> timeWaitRows, String withoutReuse, String withReuse)
        implements Tabular {

    /** Runs it on loopback. Called by {@link TcpLab#timeWait()}. */
    static TimeWaitExperiment run() {
        int port;
        try (TcpListener listener = Tcp.listen("127.0.0.1", 0, 5);
             TcpConnection client = Tcp.connect("127.0.0.1", listener.port(), Duration.ofSeconds(2))) {
            port = listener.port();
            try (TcpConnection served = listener.accept(Duration.ofSeconds(2))) {
                served.sendLine("bye");
            } // the server closes first: active close, its side will wait in TIME_WAIT
            client.readAll(Duration.ofSeconds(2)); // the client sees the end of the stream ...
        } // ... and closes: the server side gets the last FIN, ACKs it and enters TIME_WAIT
        List<SocketEntry> rows = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (rows.isEmpty() && System.nanoTime() < deadline) {
            rows = SocketTable.read().localPort(port).state(TcpState.TIME_WAIT).entries();
            if (rows.isEmpty()) {
                pause();   // the last FIN is being processed: give the kernel the CPU instead of spinning on /proc
            }
        }
        return new TimeWaitExperiment(port, rows, bind(port, false), bind(port, true));
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String bind(int port, boolean reuse) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(reuse);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return "ok";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** The result as a table. Example: {@code TcpLab.timeWait().table()}. */
    public Table table() {
        Table t = Table.captioned(Text.of("net.timewait.caption"), Text.of("net.timewait.col.step"),
                Text.of("net.timewait.col.what"));
        for (SocketEntry e : timeWaitRows) {
            t.row(Text.of("net.timewait.table"), e.protocol() + " " + e.localText() + " → " + e.remoteText()
                    + " " + e.stateName() + " " + Text.of("net.timewait.kernelOwned", e.inode()));
        }
        if (timeWaitRows.isEmpty()) {
            t.row(Text.of("net.timewait.table"), Text.of("net.timewait.none", port));
        }
        t.row(Text.of("net.timewait.without", port), withoutReuse);
        t.row(Text.of("net.timewait.with", port), withReuse);
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
