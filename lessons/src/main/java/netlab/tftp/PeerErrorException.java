package netlab.tftp;

/**
 * The other side ended the transfer with an ERROR packet.
 *
 * <pre>{@code
 * try {
 *     Tftp.client("127.0.0.1", port).get("missing.txt", Path.of("out.txt"));
 * } catch (PeerErrorException e) {
 *     System.out.println(e.errorCode());   // prints FILE_NOT_FOUND
 * }
 * }</pre>
 */
public class PeerErrorException extends TftpException {

    private final String peerMessage;

    /** Example: {@code new PeerErrorException(ErrorCode.FILE_NOT_FOUND, "no such file")}. */
    public PeerErrorException(ErrorCode code, String peerMessage) {
        super(code, netlab.text.Text.of("tftp.peer.error", code.code(), code.meaning(), peerMessage));
        this.peerMessage = peerMessage;
    }

    /** The text the peer put in its ERROR packet. Example: {@code e.peerMessage()}. */
    public String peerMessage() {
        return peerMessage;
    }
}
