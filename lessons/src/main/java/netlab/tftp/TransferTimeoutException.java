package netlab.tftp;

import netlab.text.Message;

/**
 * The peer stopped answering: every retry timed out, or the whole-transfer deadline passed.
 *
 * <pre>{@code
 * Tftp.client("127.0.0.1", 9).retries(2).get("f", Path.of("f"))   // throws after 3 tries: nobody answers on port 9
 * }</pre>
 */
public class TransferTimeoutException extends TftpException {

    /** Example: {@code new TransferTimeoutException("no answer to RRQ after 5 tries")}. */
    public TransferTimeoutException(String message) {
        super(ErrorCode.NOT_DEFINED, message);
    }

    TransferTimeoutException(Message reason) {
        super(ErrorCode.NOT_DEFINED, reason);
    }
}
