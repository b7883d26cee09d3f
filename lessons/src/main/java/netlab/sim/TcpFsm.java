package netlab.sim;

import java.util.List;
import java.util.Map;
import netlab.net.TcpState;

/**
 * The TCP state machine of RFC 9293 (figure 5), eleven states, as one function. {@code TcpState.CLOSE} is the
 * RFC's CLOSED (Linux's name for it). An event the diagram has no arrow for leaves the state as it is.
 *
 * <pre>{@code
 * TcpFsm.next(TcpState.ESTABLISHED, TcpEvent.CLOSE)      // FIN_WAIT1
 * TcpFsm.next(TcpState.FIN_WAIT1, TcpEvent.RCV_FIN)      // CLOSING (both closed at once)
 * }</pre>
 */
public final class TcpFsm {

    /** The eleven states of the RFC, in the order of its diagram. */
    public static final List<TcpState> STATES = List.of(TcpState.CLOSE, TcpState.LISTEN, TcpState.SYN_SENT, TcpState.SYN_RECV,
            TcpState.ESTABLISHED, TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.CLOSE_WAIT, TcpState.CLOSING,
            TcpState.LAST_ACK, TcpState.TIME_WAIT);

    private static final Map<TcpState, Map<TcpEvent, TcpState>> ARROWS = Map.ofEntries(
            Map.entry(TcpState.CLOSE, Map.of(TcpEvent.LISTEN, TcpState.LISTEN, TcpEvent.CONNECT, TcpState.SYN_SENT)),
            Map.entry(TcpState.LISTEN, Map.of(TcpEvent.RCV_SYN, TcpState.SYN_RECV, TcpEvent.CLOSE, TcpState.CLOSE)),
            Map.entry(TcpState.SYN_SENT, Map.of(TcpEvent.RCV_SYN_ACK, TcpState.ESTABLISHED, TcpEvent.RCV_SYN, TcpState.SYN_RECV,
                    TcpEvent.CLOSE, TcpState.CLOSE, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.SYN_RECV, Map.of(TcpEvent.RCV_ACK, TcpState.ESTABLISHED, TcpEvent.RCV_SYN_ACK, TcpState.ESTABLISHED,
                    TcpEvent.CLOSE, TcpState.FIN_WAIT1, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.ESTABLISHED, Map.of(TcpEvent.CLOSE, TcpState.FIN_WAIT1, TcpEvent.RCV_FIN, TcpState.CLOSE_WAIT,
                    TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.FIN_WAIT1, Map.of(TcpEvent.RCV_ACK, TcpState.FIN_WAIT2, TcpEvent.RCV_FIN, TcpState.CLOSING,
                    TcpEvent.RCV_FIN_ACK, TcpState.TIME_WAIT, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.FIN_WAIT2, Map.of(TcpEvent.RCV_FIN, TcpState.TIME_WAIT, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.CLOSE_WAIT, Map.of(TcpEvent.CLOSE, TcpState.LAST_ACK, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.CLOSING, Map.of(TcpEvent.RCV_ACK, TcpState.TIME_WAIT, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.LAST_ACK, Map.of(TcpEvent.RCV_ACK, TcpState.CLOSE, TcpEvent.RCV_RST, TcpState.CLOSE)),
            Map.entry(TcpState.TIME_WAIT, Map.of(TcpEvent.TIMEOUT, TcpState.CLOSE, TcpEvent.RCV_RST, TcpState.CLOSE)));

    private TcpFsm() {
    }

    /** The state after {@code event} in {@code state}; {@code state} itself when the diagram has no such arrow. */
    public static TcpState next(TcpState state, TcpEvent event) {
        Map<TcpEvent, TcpState> out = ARROWS.get(state);
        if (out == null) {
            throw new IllegalArgumentException(netlab.text.Text.of("sim.tcp.not-rfc-state", state, STATES));
        }
        return out.getOrDefault(event, state);
    }

    /** Every arrow of the diagram as (from, event, to). */
    public static List<Arrow> arrows() {
        return STATES.stream().flatMap(s -> ARROWS.get(s).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Arrow(s, e.getKey(), e.getValue()))).toList();
    }

    /** One arrow of the state diagram. */
    public record Arrow(TcpState from, TcpEvent event, TcpState to) {
    }

    /** The sequence number after a segment starting at {@code seq}: SYN and FIN count one each; modulo 2³². */
    public static long nextSeq(long seq, int dataLength, boolean syn, boolean fin) {
        return (seq + dataLength + (syn ? 1 : 0) + (fin ? 1 : 0)) & 0xFFFF_FFFFL;
    }
}
