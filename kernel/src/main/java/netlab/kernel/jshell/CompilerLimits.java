package netlab.kernel.jshell;

/**
 * Finds, before javac sees a cell, what would make javac fail worse than with a compile error, so the cell gets
 * one of its own at the place it starts:
 * <ul>
 *   <li>a string literal too long for a class file's constant pool (65,535 bytes of modified UTF-8): JShell's
 *       pooled compiler kept that failure, and every later snippet of the session failed to compile with the same
 *       error, whatever it held, until the session was reset;</li>
 *   <li>brackets nested deeper than {@link #MAX_DEPTH}: javac's parser reads them by recursion, and 20,000
 *       parentheses overflowed its stack, whereupon javac printed its thousand-line crash report on the kernel's
 *       standard error (the Jupyter server's log; the teacher's terminal when grading, once per such answer cell).
 *       Other shapes javac reads by recursion (a chain of 100,000 {@code +}) still overflow, and are caught as
 *       such ({@code CellExecution}).</li>
 * </ul>
 */
final class CompilerLimits {

    /** The most bytes a constant pool entry holds. */
    static final int MAX_BYTES = 65_535;
    /** Brackets open at once that a cell may have: far past what a person writes, far below what javac survives. */
    static final int MAX_DEPTH = 1_000;

    private CompilerLimits() {
    }

    /** Where the first string literal or text block of {@code source} longer than {@link #MAX_BYTES} starts, or -1. */
    static int tooLongString(String source) {
        for (int i = 0; i < source.length(); i++) {
            int end = skipped(source, i);
            if (source.charAt(i) == '"' && end - i > MAX_BYTES / 3
                    && bytes(source, i, end, source.startsWith("\"\"\"", i)) > MAX_BYTES) {
                return i; // no source character makes more than 3 bytes: shorter literals need no count
            }
            i = end;
        }
        return -1;
    }

    /** Where the bracket ({@code ( [ {}) that opens level {@link #MAX_DEPTH} + 1 is, or -1. */
    static int tooDeep(String source) {
        int depth = 0;
        for (int i = 0; i < source.length(); i++) {
            int end = skipped(source, i);
            if (end == i) {
                char c = source.charAt(i);
                if ((c == '(' || c == '[' || c == '{') && ++depth > MAX_DEPTH) {
                    return i;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
            }
            i = end;
        }
        return -1;
    }

    /**
     * Where a block comment that never ends starts ({@code /*} with no end), or -1. Such a cell reads to JShell as
     * one that stops mid-statement, which is not what the student has to fix.
     */
    static int unclosedComment(String source) {
        for (int i = 0; i < source.length(); i++) {
            int end = skipped(source, i);
            if (end == source.length() && source.startsWith("/*", i)) {
                return i;
            }
            i = end;
        }
        return -1;
    }

    /**
     * The last index of the comment, character literal, string literal or text block that starts at {@code i};
     * {@code i} itself where code starts there.
     */
    private static int skipped(String source, int i) {
        int n = source.length();
        char c = source.charAt(i);
        if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
            return lineEnd(source, i);
        } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
            int end = source.indexOf("*/", i + 2);
            return end < 0 ? n : end + 1;
        } else if (c == '\'') {
            return literalEnd(source, i, '\'');
        } else if (c == '"') {
            return source.startsWith("\"\"\"", i) ? textBlockEnd(source, i + 3) : literalEnd(source, i, '"');
        }
        return i;
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
     * (a unicode escape may make three), and in a text block only what no indentation stripping removes counts. A
     * literal found too long by this count is too long.
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
