package netlab.kernel.jshell;

/**
 * Finds a string literal too long for a class file's constant pool (65,535 bytes of modified UTF-8) before javac
 * sees it. Why not let javac say so: JShell's pooled compiler kept the failure, and every later snippet of the
 * session failed to compile with the same error, whatever it held, until the session was reset.
 */
final class StringConstants {

    /** The most bytes a constant pool entry holds. */
    static final int MAX_BYTES = 65_535;

    private StringConstants() {
    }

    /** Where the first string literal or text block of {@code source} longer than {@link #MAX_BYTES} starts, or -1. */
    static int tooLong(String source) {
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '\'') {
                i = literalEnd(source, i, '\'');
            } else if (c == '"') {
                boolean block = source.startsWith("\"\"\"", i);
                int end = block ? textBlockEnd(source, i + 3) : literalEnd(source, i, '"');
                if (end - i > MAX_BYTES / 3 && bytes(source, i, end, block) > MAX_BYTES) {
                    return i; // no source character makes more than 3 bytes: shorter literals need no count
                }
                i = end;
            }
        }
        return -1;
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    /** The offset of the quote that closes the literal opened at {@code open}, or the line's end. */
    private static int literalEnd(String s, int open, char quote) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return s.length();
    }

    private static int textBlockEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith("\"\"\"", i)) {
                return i + 2;
            }
        }
        return s.length();
    }

    /**
     * At most the modified UTF-8 bytes of the text of the literal at {@code [from, to]}: an escape counts one byte
     * (a unicode escape may make three), and in a text block only what no indentation stripping removes counts. A literal
     * found too long by this count is too long.
     */
    private static long bytes(String s, int from, int to, boolean block) {
        long bytes = 0;
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                bytes++;
            } else if (!block || !Character.isWhitespace(c)) {
                bytes += c >= 0x01 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
            }
        }
        return bytes;
    }
}
