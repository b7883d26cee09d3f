package netlab.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a Chinese input method puts into an address, a port or a name by mistake: full-width digits and punctuation
 * ({@code １９２。１６８，１：８０／２４}) that look like the ASCII ones but are other characters, so
 * {@code "192。168。1。1"} is one part, not four. A parser's refusal of such text ends with a sentence naming them and
 * what to type instead.
 *
 * <pre>{@code
 * FullWidth.hint("192。168。1。1")   // a sentence naming “。” and the “.” to type instead, in the student's language
 * FullWidth.hint("192.168.1.1")     // ""
 * }</pre>
 */
public final class FullWidth {

    /** The ideographic space and full stop, outside the block of full-width forms of ASCII. */
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final char IDEOGRAPHIC_FULL_STOP = '\u3002';
    /** U+FF01 … U+FF5E are ASCII '!' … '~' at this distance. */
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    private FullWidth() {
    }

    /**
     * The sentence to add to a refusal of {@code typed} (starting with its own space or bracket), or "" when it
     * has no full-width character.
     */
    public static String hint(String typed) {
        if (typed == null) {
            return "";
        }
        Map<Character, Character> found = new LinkedHashMap<>();
        typed.chars().forEach(c -> {
            char ascii = ascii((char) c);
            if (ascii != 0) {
                found.putIfAbsent((char) c, ascii);
            }
        });
        if (found.isEmpty()) {
            return "";
        }
        StringBuilder wide = new StringBuilder();
        StringBuilder narrow = new StringBuilder();
        found.forEach((w, n) -> {
            wide.append(wide.isEmpty() ? "" : " ").append('“').append(w).append('”');
            narrow.append(narrow.isEmpty() ? "" : " ").append('“').append(n).append('”');
        });
        return Text.of("common.fullWidth", wide, narrow);
    }

    /**
     * Runs {@code parse} of {@code typed}; an {@code IllegalArgumentException} it throws ends with {@link #hint}
     * when {@code typed} has full-width characters (once, however many parsers it passes through).
     */
    public static <T> T explained(String typed, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String hint = hint(typed);
            if (hint.isEmpty() || String.valueOf(e.getMessage()).endsWith(hint)) {
                throw e;
            }
            IllegalArgumentException hinted = new IllegalArgumentException(e.getMessage() + hint, e.getCause());
            hinted.setStackTrace(e.getStackTrace());
            throw hinted;
        }
    }

    /** The ASCII character {@code c} is the full-width form of, or 0. */
    private static char ascii(char c) {
        if (c == IDEOGRAPHIC_SPACE) {
            return ' ';
        }
        if (c == IDEOGRAPHIC_FULL_STOP) {
            return '.';
        }
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - FULL_WIDTH_OFFSET) : 0;
    }
}
