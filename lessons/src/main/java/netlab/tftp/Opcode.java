package netlab.tftp;

import netlab.text.Message;

/**
 * The first two bytes of every TFTP packet: what kind of packet it is.
 *
 * <pre>{@code
 * Opcode.of(3)   // DATA
 * }</pre>
 */
public enum Opcode {
    /** Read request: "send me this file" (RFC 1350). */
    RRQ(1),
    /** Write request: "let me send you this file" (RFC 1350). */
    WRQ(2),
    /** A block of the file (RFC 1350). */
    DATA(3),
    /** "I have block n" (RFC 1350). */
    ACK(4),
    /** The transfer is over because of an error (RFC 1350). */
    ERROR(5),
    /** Option acknowledgement: the options the server accepted (RFC 2347). */
    OACK(6);

    private static final Opcode[] BY_CODE = values();   // values() copies the array on every call
    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The number on the wire. Example: {@code Opcode.ACK.code()} is {@code 4}. */
    public int code() {
        return code;
    }

    /**
     * The opcode numbered {@code code}. Example: {@code Opcode.of(1)} is {@code RRQ}.
     *
     * @throws MalformedPacketException if no opcode has that number
     */
    public static Opcode of(int code) throws MalformedPacketException {
        if (code >= 1 && code <= 6) {
            return BY_CODE[code - 1];
        }
        throw new MalformedPacketException(Message.of("tftp.reason.malformed.opcode", code));
    }
}
