package netlab.tftp;

import java.io.IOException;
import netlab.text.Lang;
import netlab.text.Message;

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
    /** What an ERROR packet tells the peer of this failure: English, whatever the reader's language. */
    private final String wireText;

    /** A failure to be reported to the peer with {@code errorCode}. */
    public TftpException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
        this.wireText = message;
    }

    /**
     * The library's own failure: its message in the student's language, and its ERROR packet's text in English,
     * since any peer reads that one (RFC 1350 asks for netascii).
     */
    TftpException(ErrorCode errorCode, Message reason) {
        super(reason.toString());
        this.errorCode = errorCode;
        this.wireText = reason.in(Lang.EN);
    }

    /** The code that was (or would be) sent in the ERROR packet. Example: {@code e.errorCode()}. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The text that was (or would be) sent in the ERROR packet. */
    String wireText() {
        return wireText;
    }
}
