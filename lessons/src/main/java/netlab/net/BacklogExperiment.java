package netlab.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Message;
import netlab.text.Text;

/**
 * What {@code listen(backlog)} really limits on Linux, measured: a server that never calls accept, and clients
 * that connect one after another with a short connect timeout.
 *
 * <pre>{@code
 * TcpLab.backlog(2, 5, Duration.ofMillis(300))
 * // client 1..3 connected, client 4..5 timed out: accept queue full at backlog + 1 = 3
 * // after one accept(), client 6 connects
 * }</pre>
 *
 * <p><b>Linux, not BSD.</b> The course describes BSD: backlog = completed + half-open connections together.
 * Linux keeps two queues. Half-open connections (SYN received) wait in the SYN queue, sized by
 * {@code tcp_max_syn_backlog}. The backlog bounds only the accept queue of <em>completed</em> connections, which
 * is full when it holds backlog + 1. A client's {@code connect()} returns as soon as the handshake completes,
 * without any {@code accept()}; once the accept queue is full the server drops new SYNs, the client keeps
 * retransmitting, and its connect times out. The backlog is capped at {@code /proc/sys/net/core/somaxconn}.
 *
 * @param backlog        the backlog passed to listen
 * @param clients        one row per client, in order
 * @param acceptQueue    the Recv-Q of the LISTEN row while the clients were queued (connections waiting for accept)
 * @param afterOneAccept whether one more client could connect after the server accepted one
 */
public record BacklogExperiment(int backlog, List<Attempt> clients, long acceptQueue, boolean afterOneAccept)
        implements Tabular {

    /** One client's connect: whether it completed and how long it took. */
    public record Attempt(int client, boolean connected, Duration took) {
    }

    /** Runs it on loopback; everything is closed afterwards. Called by {@link TcpLab#backlog}. */
    static BacklogExperiment run(int backlog, int clients, Duration connectTimeout) {
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException(Text.of("net.backlog.clients", clients));
        }
        List<Attempt> attempts = new ArrayList<>();
        List<TcpConnection> open = new ArrayList<>();
        try (TcpListener server = Tcp.listen("127.0.0.1", 0, backlog)) {
            for (int i = 1; i <= clients; i++) {
                long start = System.nanoTime();
                try {
                    open.add(Tcp.connect("127.0.0.1", server.port(), connectTimeout));
                    attempts.add(new Attempt(i, true, Duration.ofNanos(System.nanoTime() - start)));
                    awaitQueued(server.port(), open.size(), connectTimeout);
                } catch (TimedOutException e) {
                    attempts.add(new Attempt(i, false, Duration.ofNanos(System.nanoTime() - start)));
                }
            }
            long queued = acceptQueue(server.port());
            boolean more;
            try (TcpConnection accepted = server.accept(Duration.ofSeconds(2))) {
                // one slot in the accept queue is free again
                open.add(Tcp.connect("127.0.0.1", server.port(), connectTimeout));
                more = true;
            } catch (TimedOutException e) {
                more = false;
            }
            return new BacklogExperiment(backlog, attempts, queued, more);
        } finally {
            open.forEach(TcpConnection::close);
        }
    }

    /**
     * Waits (at most {@code limit}) until the accept queue holds {@code n} connections. connect() returns once
     * the client has sent the handshake's last ACK; the server queues the connection when it processes that ACK,
     * which on a busy machine can come after the next client's SYN. That SYN would then find room and complete
     * the next client's handshake, and the experiment would count one client too many.
     */
    private static void awaitQueued(int port, long n, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (acceptQueue(port) < n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The Recv-Q of the LISTEN row: connections waiting for accept(). */
    private static long acceptQueue(int port) {
        return SocketTable.read().localPort(port).state(TcpState.LISTEN).entries().stream()
                .mapToLong(SocketEntry::receiveQueue).max().orElse(-1);
    }

    /** How many clients connected without any accept. Example: {@code TcpLab.backlog(2, 5, Duration.ofMillis(300)).connected()} is 3. */
    public long connected() {
        return clients.stream().filter(Attempt::connected).count();
    }

    /** The clients as a table, with the conclusion in the caption. Example: {@code experiment.table()}. */
    public Table table() {
        Table t = Table.captioned(Text.of("net.backlog.caption", backlog, connected(), clients.size(), backlog + 1,
                acceptQueue, Message.of(afterOneAccept ? "net.backlog.after.connected" : "net.backlog.after.not")),
                Text.of("net.backlog.col.client"), "connect()", Text.of("net.backlog.col.took"));
        for (Attempt a : clients) {
            t.row(a.client(), Text.of(a.connected() ? "net.backlog.connected" : "net.backlog.dropped"), Durations.show(a.took()));
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
