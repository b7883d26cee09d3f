package netlab.net;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import netlab.display.Table;
import netlab.text.Text;

/**
 * Text is bytes only after you choose an encoding. The course's Windows tools spoke GBK; Java, Linux and the
 * web speak UTF-8. The same Chinese text is different bytes in each, so a receiver using the other charset
 * shows garbage (乱码).
 *
 * <pre>{@code
 * Encodings.compare("你好")     // UTF-8: e4 bd a0 e5 a5 bd (6 bytes) · GBK: c4 e3 ba c3 (4 bytes)
 * Encodings.hex("hi", Encodings.UTF_8)                                // "68 69"
 * Encodings.decode(Encodings.bytes("你好", Encodings.GBK), Encodings.UTF_8)  // "���" — the wrong charset
 * }</pre>
 */
public final class Encodings {

    /** UTF-8: 1 byte for ASCII, 3 for most Chinese characters. The default everywhere in netlab. */
    public static final Charset UTF_8 = StandardCharsets.UTF_8;
    /** GBK: 1 byte for ASCII, 2 for Chinese characters; the default of Chinese Windows. */
    public static final Charset GBK = Charset.forName("GBK");

    private Encodings() {
    }

    /** The bytes of {@code text}. Example: {@code Encodings.bytes("你", Encodings.GBK).length} is 2. */
    public static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    /** Bytes read as text. Example: {@code Encodings.decode(new byte[] {104, 105}, Encodings.UTF_8)} is "hi". */
    public static String decode(byte[] data, Charset charset) {
        return new String(data, charset);
    }

    /** The bytes of {@code text} in hex. Example: {@code Encodings.hex("你好", Encodings.UTF_8)} is "e4 bd a0 e5 a5 bd". */
    public static String hex(String text, Charset charset) {
        return HexFormat.ofDelimiter(" ").formatHex(text.getBytes(charset));
    }

    /**
     * The same text in UTF-8 and GBK side by side, and what each side reads if the other side encoded it.
     * Example: {@code Encodings.compare("你好, udp")}.
     */
    public static Table compare(String text) {
        Table t = Table.captioned(Text.of("net.encodings.caption", text), Text.of("net.encodings.col.charset"),
                Text.of("net.encodings.col.bytes"), Text.of("net.encodings.col.count"), Text.of("net.encodings.col.readAs", "UTF-8"),
                Text.of("net.encodings.col.readAs", "GBK"));
        for (Charset c : new Charset[] {UTF_8, GBK}) {
            byte[] b = text.getBytes(c);
            t.row(c.name(), HexFormat.ofDelimiter(" ").formatHex(b), b.length, new String(b, UTF_8), new String(b, GBK));
        }
        return t;
    }
}
