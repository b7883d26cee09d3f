package netlab.tftp;

import netlab.text.Message;

/**
 * A packet that breaks the TFTP rules; the message names the rule, for example
 * {@code "RRQ: filename is not terminated by a zero byte"}. The peer is told with error 4 (illegal operation).
 *
 * <pre>{@code
 * TftpPacket.decode(new byte[] {0, 9})   // throws: expected an opcode 1-6 ... but was 9
 * }</pre>
 */
public class MalformedPacketException extends TftpException {

    /** Example: {@code new MalformedPacketException("ACK: expected 4 bytes but got 3")}. */
    public MalformedPacketException(String message) {
        super(ErrorCode.ILLEGAL_OPERATION, message);
    }

    MalformedPacketException(Message reason) {
        super(ErrorCode.ILLEGAL_OPERATION, reason);
    }
}
