package netlab.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.net.SocketEntry;
import netlab.net.SocketTable;
import netlab.net.TcpState;
import netlab.text.Text;

/**
 * TCP states made on purpose on loopback and caught in this machine's socket table ({@code ss -tan}): each
 * experiment opens its sockets, waits (at most 2 s) until the kernel shows the state it is about, takes a
 * snapshot of the rows of its port, and closes everything.
 *
 * <pre>{@code
 * TcpStates.synSent()      // a listener with backlog 1 that never accepts: the 4th client stays in SYN_SENT
 * TcpStates.halfClosed()   // the client closed, the server did not: FIN_WAIT2 and CLOSE_WAIT
 * TcpStates.whoWaits()     // TIME_WAIT is on the side that closed first, whichever it is
 * }</pre>
 */
public final class TcpStates {

    /** The rows of one experiment's port at the moment it was caught. */
    public record Snapshot(String caption, int port, List<SocketEntry> rows) implements Tabular {

        /** The states of the rows whose local port is {@code localPort} (the server's side when it is {@link #port}). */
        public List<TcpState> statesAt(int localPort) {
            return rows.stream().filter(e -> e.localPort() == localPort).map(SocketEntry::state).toList();
        }

        /** Whether some row is in {@code state}. */
        public boolean has(TcpState state) {
            return rows.stream().anyMatch(e -> e.state() == state);
        }

        @Override
        public Table table() {
            Table t = Table.captioned(caption, Text.of("live.col.local"), Text.of("live.col.remote"), Text.of("live.col.state"), Text.of("live.col.meaning"));
            for (SocketEntry e : rows) {
                t.row(e.localText(), e.remoteText(), e.stateName(), e.state().meaning());
            }
            return t;
        }

        /** The table's text, so printing it reads as showing it does. */
        @Override
        public String toString() {
            return table().text();
        }
    }

    private static final long WAIT_NANOS = 2_000_000_000L;

    private TcpStates() {
    }

    /**
     * A listener with backlog 1 that never calls {@code accept()}: the kernel completes the handshake of the first
     * clients into the accept queue, then drops further SYNs, and those clients wait in SYN_SENT (retrying).
     */
    public static Snapshot synSent() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<SocketChannel> clients = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, lo)) {
            int port = server.getLocalPort();
            for (int i = 0; i < 4; i++) {
                SocketChannel c = SocketChannel.open();
                clients.add(c);
                c.configureBlocking(false);
                c.connect(new InetSocketAddress(lo, port));
            }
            return new Snapshot(Text.of("live.states.syn-sent", port), port, caught(port, e -> e.state() == TcpState.SYN_SENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            clients.forEach(TcpStates::quietly);
        }
    }

    /**
     * The client closes, the server does not (it forgot to, or has not read the end of the stream yet): the
     * client's side sits in FIN_WAIT2, the server's in CLOSE_WAIT, until the server closes too. A server with
     * many CLOSE_WAIT rows is leaking connections.
     */
    public static Snapshot halfClosed() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 5, lo)) {
            int port = server.getLocalPort();
            Socket client = new Socket(lo, port);
            try (Socket served = server.accept()) {
                client.close();
                return new Snapshot(Text.of("live.states.half-closed", port), port,
                        caught(port, e -> e.state() == TcpState.CLOSE_WAIT, e -> e.state() == TcpState.FIN_WAIT2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two connections to one server: the first closed by the client first, the second by the server first. The
     * TIME_WAIT row appears on the client's side of the first and on the server's side of the second.
     */
    public static Snapshot whoWaits() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 5, lo)) {
            int port = server.getLocalPort();
            for (boolean serverFirst : new boolean[] {false, true}) {
                Socket client = new Socket(lo, port);
                Socket served = server.accept();
                Socket first = serverFirst ? served : client;
                Socket second = serverFirst ? client : served;
                first.close();
                second.getInputStream().read(); // the end of the stream: the FIN has arrived
                second.close();
            }
            return new Snapshot(Text.of("live.states.who-waits", port), port,
                    caught(port, e -> e.state() == TcpState.TIME_WAIT && e.localPort() == port,
                            e -> e.state() == TcpState.TIME_WAIT && e.localPort() != port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of {@code port} once each condition holds for some row, or after 2 s, whichever comes first. */
    @SafeVarargs
    private static List<SocketEntry> caught(int port, Predicate<SocketEntry>... wanted) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        List<SocketEntry> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = SocketTable.read().tcp().port(port).entries();
            List<SocketEntry> now = rows;
            if (java.util.Arrays.stream(wanted).allMatch(w -> now.stream().anyMatch(w))) {
                break;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return rows;
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a half-open client: nothing to report
        }
    }
}
