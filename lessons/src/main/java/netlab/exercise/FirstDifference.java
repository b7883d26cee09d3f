package netlab.exercise;

import java.util.Optional;
import java.util.regex.Pattern;
import netlab.text.Message;

/**
 * Where a long expected string and the answer's first differ, said after "expected X, got Y": two DNS queries of 31
 * bytes in hex, or two chat lines of 60 characters, read alike at a glance, and the student compared them by eye.
 *
 * <pre>{@code
 * FirstDifference.of("\"12 34 01 00 00 01 00 00 00 00 00 00 03 77 77 77 06\"",
 *                    "\"12 34 01 00 00 01 00 00 00 00 00 00 77 77 77 2e 69\"")
 * // "; the two differ from byte 12 on (counting from 0): expected 03 77 77 77 …, got 77 77 77 2e …"
 * }</pre>
 *
 * Only for two strings (as {@link Values#show} writes them, in quotes) of which one has at least {@link #LONG}
 * characters: a short value reads as it is.
 */
final class FirstDifference {

    static final int LONG = 30;
    /** How much of each side the sentence shows from the first difference on: 4 bytes, or 12 characters. */
    private static final int BYTES_SHOWN = 4;
    private static final int CHARS_SHOWN = 12;
    private static final Pattern HEX_BYTES = Pattern.compile("\\p{XDigit}{2}( \\p{XDigit}{2})*");
    /** What one side has where it has ended: "nothing, it ends before". */
    private static final Message ENDED = Message.of("check.differs.ended");

    private FirstDifference() {
    }

    /** The sentence for {@code expected} and {@code actual} as shown, if both are strings and one is long. */
    static Optional<Message> of(String expected, String actual) {
        if (!quoted(expected) || !quoted(actual) || Math.max(expected.length(), actual.length()) < LONG + 2) {
            return Optional.empty();
        }
        String want = expected.substring(1, expected.length() - 1);
        String got = actual.substring(1, actual.length() - 1);
        int at = 0;
        while (at < want.length() && at < got.length() && want.charAt(at) == got.charAt(at)) {
            at++;
        }
        if (at == want.length() && at == got.length()) {
            return Optional.empty();
        }
        if (HEX_BYTES.matcher(want).matches() && HEX_BYTES.matcher(got).matches()) {
            int fromByte = (at + 1) / 3; // past the space after the last byte both have, where one has ended
            return Optional.of(Message.of("check.differs.bytes", fromByte, bytesFrom(want, fromByte),
                    bytesFrom(got, fromByte)));
        }
        return Optional.of(Message.of("check.differs.at", at + 1, window(want, at), window(got, at)));
    }

    private static boolean quoted(String shown) {
        return shown.length() >= 2 && shown.startsWith("\"") && shown.endsWith("\"");
    }

    /** {@value #BYTES_SHOWN} bytes of a hex dump from byte {@code from} on, "…" after them if more follow. */
    private static Object bytesFrom(String hex, int from) {
        int start = from * 3;
        if (start >= hex.length()) {
            return ENDED;
        }
        int end = Math.min(start + BYTES_SHOWN * 3 - 1, hex.length());
        return hex.substring(start, end) + (end < hex.length() ? " …" : "");
    }

    /** {@value #CHARS_SHOWN} characters from {@code at} on, quoted, "…" after them if more follow. */
    private static Object window(String text, int at) {
        if (at >= text.length()) {
            return ENDED;
        }
        int end = Math.min(at + CHARS_SHOWN, text.length());
        return "\"" + text.substring(at, end) + (end < text.length() ? "…" : "") + "\"";
    }
}
