package netlab.net;

/**
 * The states of a TCP connection (RFC 793's ten plus Linux's extras), with the hex code Linux uses in
 * /proc/net/tcp. {@code netstat -an} and {@link SocketTable} show these names.
 *
 * <pre>{@code
 * TcpState.ofCode(0x0A)            // LISTEN
 * TcpState.TIME_WAIT.meaning()     // "closed by this side first; waits 2MSL (60 s on Linux) for stray segments"
 * }</pre>
 */
public enum TcpState {
    /** The handshake is done: data flows both ways. Example: {@code TcpState.ofCode(0x01)}. */
    ESTABLISHED(0x01),
    /** A client sent SYN and waits for SYN+ACK. Example: {@code TcpStates.synSent()} shows one. */
    SYN_SENT(0x02),
    /** A server got SYN, answered SYN+ACK and waits for the final ACK. Example: {@code TcpState.SYN_RECV.code()} is 3. */
    SYN_RECV(0x03),
    /** This side closed first and sent FIN; it waits for the ACK. Example: {@code TcpState.FIN_WAIT1.meaning()}. */
    FIN_WAIT1(0x04),
    /** This side's FIN is ACKed; it waits for the other side's FIN. Example: {@code TcpState.FIN_WAIT2.meaning()}. */
    FIN_WAIT2(0x05),
    /** This side closed first and got the peer's FIN; waits 2MSL (60 s on Linux). Example: {@code TcpStates.whoWaits()}. */
    TIME_WAIT(0x06),
    /** No connection; also how Linux shows an unconnected UDP socket. Example: {@code TcpState.CLOSE.code()} is 7. */
    CLOSE(0x07),
    /** The peer closed (its FIN arrived); this side still has to close. Example: {@code TcpStates.halfClosed()}. */
    CLOSE_WAIT(0x08),
    /** This side closed after the peer did and waits for the ACK of its FIN. Example: {@code TcpState.LAST_ACK.code()} is 9. */
    LAST_ACK(0x09),
    /** A server socket waiting for connections. Example: {@code TcpState.ofCode(0x0A)} is LISTEN. */
    LISTEN(0x0A),
    /** Both sides sent FIN at once; each waits for the ACK of its own. Example: {@code TcpState.CLOSING.meaning()}. */
    CLOSING(0x0B),
    NEW_SYN_RECV(0x0C);

    private final int code;

    TcpState(int code) {
        this.code = code;
    }

    /** The state with this /proc/net code. Example: {@code TcpState.ofCode(6)} is TIME_WAIT. */
    public static TcpState ofCode(int code) {
        for (TcpState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException(netlab.text.Text.of("net.state.unknown", Integer.toHexString(code)));
    }

    /** The code in /proc/net/tcp. Example: {@code TcpState.LISTEN.code()} is 10 (0x0A). */
    public int code() {
        return code;
    }

    /** What the state means. Example: {@code TcpState.CLOSE_WAIT.meaning()}. */
    public String meaning() {
        return netlab.text.Text.of("net.state." + name());
    }
}
