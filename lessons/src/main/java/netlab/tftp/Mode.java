package netlab.tftp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import netlab.text.Message;

/**
 * How the file's bytes travel. {@code OCTET} sends them as they are; {@code NETASCII} sends text with
 * CR LF line ends (and a lone CR as CR NUL), so a Unix and a Windows host can exchange text files.
 *
 * <pre>{@code
 * Mode.parse("NetAscii")   // NETASCII
 * }</pre>
 */
public enum Mode {
    /** The bytes as they are: any file. Example: {@code new TftpPacket.ReadRequest("a.bin", Mode.OCTET)}. */
    OCTET("octet"),
    /** Text with CR LF line ends on the wire. Example: {@code Mode.parse("netascii")}. */
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
        return named(name).orElseThrow(() -> new MalformedPacketException(refusal(name)));
    }

    /** The mode named {@code name}, ignoring case, or empty. */
    static Optional<Mode> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.wireName.equals(lower)).findFirst();
    }

    /** Why {@code name}, which names no mode, is refused. */
    static Message refusal(String name) {
        return name.equalsIgnoreCase("mail") ? Message.of("tftp.reason.malformed.mail")
                : Message.of("tftp.reason.malformed.mode", name);
    }
}
