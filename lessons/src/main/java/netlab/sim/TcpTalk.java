package netlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netlab.display.Svg;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.net.TcpState;
import netlab.text.Text;

/**
 * A TCP conversation between a client and a server, segment by segment, with random initial sequence numbers
 * from a seed: the handshake, data, the teardown in its variants (4 segments, 3 with FIN+ACK piggybacked,
 * simultaneous close), simultaneous open and RST. Each end runs {@link TcpFsm}; the table shows seq/ack and both
 * states after every segment, {@link #ladder()} draws it and {@link #diagram(Side)} highlights the path one end took.
 *
 * <pre>{@code
 * TcpTalk t = TcpTalk.create(7);
 * t.connect();                 // SYN, SYN+ACK, ACK
 * t.send(Side.CLIENT, "hi");   // data, ACK
 * t.close(Side.CLIENT);        // FIN, ACK: client FIN_WAIT2, server CLOSE_WAIT
 * t.close(Side.SERVER);        // FIN, ACK: client TIME_WAIT, server CLOSED
 * }</pre>
 */
public final class TcpTalk implements Tabular {

    /** Which end. */
    public enum Side {
        /** The end that connects (active open). Example: {@code talk.send(TcpTalk.Side.CLIENT, "hi")}. */
        CLIENT,
        /** The end that listens and accepts (passive open). Example: {@code talk.close(TcpTalk.Side.SERVER)}. */
        SERVER;

        Side other() {
            return this == CLIENT ? SERVER : CLIENT;
        }
    }

    /** One segment on the wire and both ends' states once it was handled. */
    public record Segment(Side from, String flags, long seq, long ack, int length, TcpState client, TcpState server) {
    }

    private static final class End {
        final Side side;
        final long iss;
        TcpState state = TcpState.CLOSE;
        long sndNxt;
        long rcvNxt;
        boolean closeOnFin;
        final List<TcpState> path = new ArrayList<>(List.of(TcpState.CLOSE));

        End(Side side, long iss) {
            this.side = side;
            this.iss = iss;
            this.sndNxt = iss;
        }
    }

    private record Wire(Side from, boolean syn, boolean ackFlag, boolean fin, boolean rst, long seq, long ack, int length) {
        String flags() {
            List<String> f = new ArrayList<>();
            if (syn) f.add("SYN");
            if (fin) f.add("FIN");
            if (rst) f.add("RST");
            if (ackFlag) f.add("ACK");
            return String.join("+", f) + (length > 0 ? " " + Text.of("sim.tcp.data", length) : "");
        }
    }

    private final End client;
    private final End server;
    private final ArrayDeque<Wire> wire = new ArrayDeque<>();
    private final List<Segment> segments = new ArrayList<>();

    private TcpTalk(long seed) {
        Random r = new Random(seed);
        client = new End(Side.CLIENT, r.nextLong(1L << 32));
        server = new End(Side.SERVER, r.nextLong(1L << 32));
    }

    /** A client and a server, both CLOSED, with initial sequence numbers drawn from {@code seed}. */
    public static TcpTalk create(long seed) {
        return new TcpTalk(seed);
    }

    /** The three-way handshake: the server listens, the client connects. */
    public TcpTalk connect() {
        move(server, TcpEvent.LISTEN);
        move(client, TcpEvent.CONNECT);
        send(client, true, false, false, false, 0);
        return flush();
    }

    /** Both ends connect to each other at once: SYNs cross, each answers SYN+ACK (four segments, no listener). */
    public TcpTalk simultaneousOpen() {
        for (End e : List.of(client, server)) {
            move(e, TcpEvent.CONNECT);
            send(e, true, false, false, false, 0);
        }
        return flush();
    }

    /** {@code side} sends {@code text}; the other end ACKs it. */
    public TcpTalk send(Side side, String text) {
        send(end(side), false, true, false, false, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        return flush();
    }

    /** {@code side} closes: it sends FIN; the other end ACKs it and, until it closes too, sits in CLOSE_WAIT. */
    public TcpTalk close(Side side) {
        End e = end(side);
        TcpState before = e.state;
        move(e, TcpEvent.CLOSE);
        if (before != TcpState.LISTEN && before != TcpState.SYN_SENT && before != TcpState.CLOSE) {
            send(e, false, true, true, false, 0);
        }
        return flush();
    }

    /** {@code side} closes, and the other end closes as soon as it reads the end of the stream: FIN, FIN+ACK, ACK. */
    public TcpTalk closeAndPeerCloses(Side side) {
        end(side.other()).closeOnFin = true;
        return close(side);
    }

    /** Both ends close at once: FINs cross, both pass through CLOSING, both end in TIME_WAIT. */
    public TcpTalk closeBoth() {
        for (End e : List.of(client, server)) {
            move(e, TcpEvent.CLOSE);
            send(e, false, true, true, false, 0);
        }
        return flush();
    }

    /** {@code side} aborts with RST ({@code SO_LINGER} 0 in Java): no teardown, no TIME_WAIT, the peer reads "connection reset". */
    public TcpTalk reset(Side side) {
        End e = end(side);
        send(e, false, true, false, true, 0);
        enter(e, TcpState.CLOSE);
        return flush();
    }

    /** The TIME_WAIT timer (2MSL) runs out wherever it runs. */
    public TcpTalk expire() {
        for (End e : List.of(client, server)) {
            move(e, TcpEvent.TIMEOUT);
        }
        return this;
    }

    public TcpState state(Side side) {
        return end(side).state;
    }

    /** The states {@code side} went through, starting with CLOSED. */
    public List<TcpState> path(Side side) {
        return List.copyOf(end(side).path);
    }

    /** The initial sequence number of {@code side}. */
    public long isn(Side side) {
        return end(side).iss;
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    @Override
    public Table table() {
        Table t = Table.of("#", Text.of("sim.tcp.col.dir"), Text.of("sim.tcp.col.flags"), "seq", "ack", Text.of("sim.tcp.col.client"), Text.of("sim.tcp.col.server"));
        int n = 1;
        for (Segment s : segments) {
            t.row(n++, Text.of(s.from() == Side.CLIENT ? "sim.tcp.to.server" : "sim.tcp.to.client"), s.flags(), s.seq(), s.ack() < 0 ? "" : s.ack(), s.client(), s.server());
        }
        return t;
    }

    /** The table's text, so printing it reads as showing it does. */
    @Override
    public String toString() {
        return table().text();
    }

    /** The conversation as a ladder diagram, with each end's state written beside its lane. */
    public Svg ladder() {
        Ladder l = new Ladder(Text.of("sim.tcp.ladder", client.iss, server.iss));
        for (Segment s : segments) {
            int from = s.from() == Side.CLIENT ? 0 : 1;
            l.arrow(from, 1 - from, s.flags() + "  seq=" + s.seq() + (s.ack() < 0 ? "" : " ack=" + s.ack())
                    + "   → " + (from == 0 ? s.server() : s.client()), false, s.flags().contains("RST") ? "#dc322f" : "#268bd2");
        }
        return l.svg(List.of(Text.of("sim.tcp.client"), Text.of("sim.tcp.server")));
    }

    /** The RFC state diagram with the states and arrows {@code side} went through in red. */
    public Svg diagram(Side side) {
        return TcpDiagram.draw(end(side).path);
    }

    private End end(Side s) {
        return s == Side.CLIENT ? client : server;
    }

    private void move(End e, TcpEvent ev) {
        enter(e, TcpFsm.next(e.state, ev));
    }

    private void enter(End e, TcpState s) {
        if (s != e.state) {
            e.state = s;
            e.path.add(s);
        }
    }

    private void send(End e, boolean syn, boolean ack, boolean fin, boolean rst, int length) {
        long seq = syn ? e.iss : e.sndNxt;
        wire.add(new Wire(e.side, syn, ack, fin, rst, seq, ack ? e.rcvNxt : -1, length));
        if (!rst) {
            e.sndNxt = TcpFsm.nextSeq(seq, length, syn, fin);
        }
    }

    private TcpTalk flush() {
        for (int guard = 0; !wire.isEmpty() && guard < 100; guard++) {
            Wire w = wire.poll();
            receive(end(w.from.other()), w);
            segments.add(new Segment(w.from, w.flags(), w.seq, w.ack, w.length, client.state, server.state));
        }
        return this;
    }

    private void receive(End e, Wire w) {
        TcpState before = e.state;
        if (w.rst) {
            move(e, TcpEvent.RCV_RST);
        } else if (w.syn) {
            e.rcvNxt = TcpFsm.nextSeq(w.seq, 0, true, false);
            move(e, w.ackFlag ? TcpEvent.RCV_SYN_ACK : TcpEvent.RCV_SYN);
            if (before == TcpState.LISTEN || (before == TcpState.SYN_SENT && !w.ackFlag)) {
                send(e, true, true, false, false, 0);             // SYN+ACK (again, with the ACK, in a simultaneous open)
            } else if (before == TcpState.SYN_SENT) {
                send(e, false, true, false, false, 0);            // the third segment of the handshake
            }
        } else if (w.fin) {
            e.rcvNxt = TcpFsm.nextSeq(w.seq, w.length, false, true);
            boolean acksOurFin = w.ackFlag && w.ack == e.sndNxt;
            move(e, before == TcpState.FIN_WAIT1 && acksOurFin ? TcpEvent.RCV_FIN_ACK : TcpEvent.RCV_FIN);
            if (e.closeOnFin && e.state == TcpState.CLOSE_WAIT) {
                move(e, TcpEvent.CLOSE);
                send(e, false, true, true, false, 0);             // FIN+ACK in one segment
            } else {
                send(e, false, true, false, false, 0);
            }
        } else {
            if (w.length > 0) {
                e.rcvNxt = TcpFsm.nextSeq(e.rcvNxt, w.length, false, false);
                send(e, false, true, false, false, 0);
            }
            if (w.ackFlag && w.ack == e.sndNxt) {
                move(e, TcpEvent.RCV_ACK);
            }
        }
    }
}
