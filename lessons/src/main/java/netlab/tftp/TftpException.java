package netlab.tftp;

import java.io.IOException;

/**
 * A TFTP transfer failed. The subclasses say why: {@link MalformedPacketException} (a packet broke the
 * protocol), {@link PeerErrorException} (the other side sent ERROR), {@link TransferTimeoutException}
 * (the other side went quiet). Any other {@code TftpException} is a refusal on our side, such as an option
 * the server should not have chosen.
 *
 * <pre>{@code
 * try {
 *     Tftp.client("127.0.0.1", port).get("missing.txt", Path.of("out"));
 * } catch (TftpException e) {
 *     System.out.println(e.errorCode() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class TftpException extends IOException {

    private final ErrorCode errorCode;

    /** A failure to be reported to the peer with {@code errorCode}. */
    public TftpException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The code that was (or would be) sent in the ERROR packet. Example: {@code e.errorCode()}. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
