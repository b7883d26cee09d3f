package netlab.tftp;

/**
 * The error codes of an ERROR packet (RFC 1350, and 8 from RFC 2347).
 *
 * <pre>{@code
 * ErrorCode.of(1).description()   // "File not found"
 * }</pre>
 */
public enum ErrorCode {
    NOT_DEFINED(0, "Not defined, see error message"),
    FILE_NOT_FOUND(1, "File not found"),
    ACCESS_VIOLATION(2, "Access violation"),
    DISK_FULL(3, "Disk full or allocation exceeded"),
    ILLEGAL_OPERATION(4, "Illegal TFTP operation"),
    UNKNOWN_TID(5, "Unknown transfer ID"),
    FILE_EXISTS(6, "File already exists"),
    NO_SUCH_USER(7, "No such user"),
    OPTION_REFUSED(8, "Option negotiation refused");

    private final int code;
    private final String description;

    ErrorCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The number on the wire. Example: {@code ErrorCode.UNKNOWN_TID.code()} is {@code 5}. */
    public int code() {
        return code;
    }

    /** The RFC's wording. Example: {@code ErrorCode.DISK_FULL.description()}. */
    public String description() {
        return description;
    }

    /** The code numbered {@code code}; numbers the RFCs do not define map to {@link #NOT_DEFINED}. Example: {@code ErrorCode.of(2)}. */
    public static ErrorCode of(int code) {
        return code >= 0 && code <= 8 ? values()[code] : NOT_DEFINED;
    }
}
