package netlab.tftp;

import netlab.text.Lang;
import netlab.text.Message;

/**
 * The error codes of an ERROR packet (RFC 1350, and 8 from RFC 2347).
 *
 * <pre>{@code
 * ErrorCode.of(1).description()   // "File not found"
 * }</pre>
 */
public enum ErrorCode {
    /** 0: the message says what went wrong (also: a timeout, a local I/O error). */
    NOT_DEFINED(0),
    /** 1: no such file. */
    FILE_NOT_FOUND(1),
    /** 2: not allowed, e.g. a name outside the served directory, or an upload to a read-only server. */
    ACCESS_VIOLATION(2),
    /** 3: no room, e.g. an upload larger than the server's cap. */
    DISK_FULL(3),
    /** 4: a packet that breaks the protocol. */
    ILLEGAL_OPERATION(4),
    /** 5: a packet from a port (TID) that is not part of this transfer. */
    UNKNOWN_TID(5),
    /** 6: the file exists and may not be replaced. */
    FILE_EXISTS(6),
    /** 7: only for the obsolete "mail" mode. */
    NO_SUCH_USER(7),
    /** 8: the options are not acceptable (RFC 2347). */
    OPTION_REFUSED(8);

    private static final ErrorCode[] BY_CODE = values();
    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The number on the wire. Example: {@code ErrorCode.UNKNOWN_TID.code()} is {@code 5}. */
    public int code() {
        return code;
    }

    /** The RFC's wording. Example: {@code ErrorCode.DISK_FULL.description()}. */
    public String description() {
        return meaning().in(Lang.EN);
    }

    /** What the code means, worded for the reader; in English, the RFC's wording. */
    Message meaning() {
        return Message.of("tftp.reason.code." + code);
    }

    /** The code numbered {@code code}; numbers the RFCs do not define map to {@link #NOT_DEFINED}. Example: {@code ErrorCode.of(2)}. */
    public static ErrorCode of(int code) {
        return code >= 0 && code <= 8 ? BY_CODE[code] : NOT_DEFINED;
    }
}
