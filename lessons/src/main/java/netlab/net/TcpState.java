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
    ESTABLISHED(0x01),
    SYN_SENT(0x02),
    SYN_RECV(0x03),
    FIN_WAIT1(0x04),
    FIN_WAIT2(0x05),
    TIME_WAIT(0x06),
    /** Also how Linux shows an unconnected UDP socket. */
    CLOSE(0x07),
    CLOSE_WAIT(0x08),
    LAST_ACK(0x09),
    LISTEN(0x0A),
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
