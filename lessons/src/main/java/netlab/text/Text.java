package netlab.text;

/**
 * Words a catalogue key now: the short way to write a sentence a student reads.
 *
 * <pre>{@code
 * throw new IllegalArgumentException(Text.of("ip.octet.range", 4, 256));
 * // zh: 第 4 个数是 256；每个数必须在 0–255 之间
 * // en: the 4th number is 256; each must be 0–255
 * }</pre>
 */
public final class Text {

    private Text() {
    }

    /** The text of {@code key} with {@code args}, in {@link Lang#current()}. */
    public static String of(String key, Object... args) {
        return Catalog.shared().format(Lang.current(), key, args);
    }

    /**
     * An argument check in one line: unless {@code ok}, an {@code IllegalArgumentException} with the text of
     * {@code key}. Example: {@code Text.require(port >= 0 && port <= 65535, "net.ports.outOfRange", port)}.
     */
    public static void require(boolean ok, String key, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(of(key, args));
        }
    }

    /** The text of {@code key} with {@code args}, in {@code lang}: for a JVM that words for many students. */
    public static String in(Lang lang, String key, Object... args) {
        return Catalog.shared().format(lang, key, args);
    }
}
