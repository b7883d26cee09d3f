package netlab.sim;

/**
 * What can happen to one end of a TCP connection: its program calls something, or a segment arrives.
 * {@link TcpFsm#next} says which state each leads to.
 */
public enum TcpEvent {
    /** The program calls {@code listen()} (passive open). */
    LISTEN,
    /** The program calls {@code connect()} (active open): a SYN goes out. */
    CONNECT,
    /** The program calls {@code close()}: a FIN goes out (or nothing, before the handshake). */
    CLOSE,
    /** A SYN arrives. */
    RCV_SYN,
    /** A SYN+ACK arrives. */
    RCV_SYN_ACK,
    /** An ACK arrives (of our SYN or FIN, or of data). */
    RCV_ACK,
    /** A FIN arrives. */
    RCV_FIN,
    /** A FIN arrives that also acknowledges our FIN (the peer closed while ACKing: 3-segment teardown). */
    RCV_FIN_ACK,
    /** A RST arrives. */
    RCV_RST,
    /** The TIME_WAIT timer (2MSL; 60 s on Linux) runs out. */
    TIMEOUT
}
