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
    ESTABLISHED(0x01, "open: data flows both ways"),
    SYN_SENT(0x02, "connect() sent SYN, waiting for SYN+ACK"),
    SYN_RECV(0x03, "got SYN, sent SYN+ACK, waiting for the final ACK"),
    FIN_WAIT1(0x04, "this side closed and sent FIN, waiting for its ACK"),
    FIN_WAIT2(0x05, "our FIN was ACKed; waiting for the peer to close too"),
    TIME_WAIT(0x06, "closed by this side first; waits 2MSL (60 s on Linux) for stray segments"),
    /** Also how Linux shows an unconnected UDP socket. */
    CLOSE(0x07, "no connection (for UDP: an unconnected socket)"),
    CLOSE_WAIT(0x08, "the peer closed (read returned -1); this side has not closed yet"),
    LAST_ACK(0x09, "closed after the peer; waiting for the ACK of our FIN"),
    LISTEN(0x0A, "a server socket waiting for connections"),
    CLOSING(0x0B, "both sides closed at once; waiting for the ACK"),
    NEW_SYN_RECV(0x0C, "a half-open connection in the SYN queue (Linux)");

    private final int code;
    private final String meaning;

    TcpState(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The state with this /proc/net code. Example: {@code TcpState.ofCode(6)} is TIME_WAIT. */
    public static TcpState ofCode(int code) {
        for (TcpState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown TCP state code 0x" + Integer.toHexString(code)
                + "; Linux uses 0x01 (ESTABLISHED) to 0x0C (NEW_SYN_RECV)");
    }

    /** The code in /proc/net/tcp. Example: {@code TcpState.LISTEN.code()} is 10 (0x0A). */
    public int code() {
        return code;
    }

    /** What the state means. Example: {@code TcpState.CLOSE_WAIT.meaning()}. */
    public String meaning() {
        return meaning;
    }
}
