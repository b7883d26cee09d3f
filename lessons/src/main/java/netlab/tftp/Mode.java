package netlab.tftp;

import java.util.Locale;

/**
 * How the file's bytes travel. {@code OCTET} sends them as they are; {@code NETASCII} sends text with
 * CR LF line ends (and a lone CR as CR NUL), so a Unix and a Windows host can exchange text files.
 *
 * <pre>{@code
 * Mode.parse("NetAscii")   // NETASCII
 * }</pre>
 */
public enum Mode {
    OCTET("octet"),
    NETASCII("netascii");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    /** The mode's name in a request. Example: {@code Mode.OCTET.wireName()} is {@code "octet"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The mode named {@code name}, ignoring case. Example: {@code Mode.parse("octet")}.
     *
     * @throws MalformedPacketException for "mail" (obsolete) and unknown names
     */
    public static Mode parse(String name) throws MalformedPacketException {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.wireName.equals(lower)) {
                return m;
            }
        }
        if (lower.equals("mail")) {
            throw new MalformedPacketException("mode 'mail' is obsolete (RFC 1350) and not supported; use octet or netascii");
        }
        throw new MalformedPacketException("expected mode 'octet' or 'netascii' but was '" + name + "'");
    }
}
