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
        Map<Integer, Integer> found = new LinkedHashMap<>();
        typed.codePoints().forEach(c -> {
            int ascii = typedInstead(c);
            if (ascii != 0) {
                found.putIfAbsent(c, ascii);
            }
        });
        if (found.isEmpty()) {
            return "";
        }
        StringBuilder wide = new StringBuilder();
        StringBuilder narrow = new StringBuilder();
        found.forEach((w, n) -> {
            wide.append(wide.isEmpty() ? "" : " ").append('“').appendCodePoint(w).append('”');
            narrow.append(narrow.isEmpty() ? "" : " ").append('“').appendCodePoint(n).append('”');
        });
        return Text.of("common.fullWidth", wide, narrow);
    }

    /**
     * Runs {@code parse} of {@code typed}; an {@code IllegalArgumentException} it throws ends with {@link #hint}
     * when {@code typed} has full-width characters: once, however many parsers it passes through (the hint of a
     * part, {@code Ipv4.parse} inside {@code Subnet.parse}, gives way to the whole text's).
     */
    public static <T> T explained(String typed, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String hint = hint(typed);
            if (hint.isEmpty()) {
                throw e;
            }
            String message = String.valueOf(e.getMessage());
            int earlier = message.indexOf(opening());
            IllegalArgumentException hinted = new IllegalArgumentException(
                    (earlier < 0 ? message : message.substring(0, earlier)) + hint, e.getCause());
            hinted.setStackTrace(e.getStackTrace());
            throw hinted;
        }
    }

    /** The hint's words before the characters it names, in the student's language: how a given hint starts. */
    private static String opening() {
        String marked = Text.of("common.fullWidth", "\u0000", "\u0000");
        return marked.substring(0, marked.indexOf('\u0000'));
    }

    /**
     * The ASCII character a Chinese input method typed {@code c} for: the full-width forms (U+FF01–U+FF5E,
     * {@code ；} for {@code ;}, {@code １} for {@code 1}), the ideographic space, and the quotes, comma, stop and
     * brackets of Chinese text; 0 for any other. Example: {@code FullWidth.typedInstead('。')} is {@code '.'}.
     */
    public static int typedInstead(int c) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return c - FULL_WIDTH_OFFSET;
        }
        return switch (c) {
            case 0x3000 -> ' ';
            case 0x201C, 0x201D -> '"';
            case 0x2018, 0x2019 -> '\'';
            case 0x3001 -> ',';
            case 0x3002 -> '.';
            case 0x3010 -> '[';
            case 0x3011 -> ']';
            case 0x300A -> '<';
            case 0x300B -> '>';
            default -> 0;
        };
    }
}
