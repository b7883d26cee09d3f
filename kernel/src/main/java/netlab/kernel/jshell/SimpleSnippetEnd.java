package netlab.kernel.jshell;

import java.util.Set;

/**
 * Where the next snippet of a cell ends, when its characters alone say so: a piece that starts with a type or
 * a name ({@code int port = 9999;}, {@code String host = "a;b";}, {@code count += 2;},
 * {@code socket.send(packet);}) and reaches a {@code ;} outside parentheses, brackets, literals and comments,
 * with no brace before it, is one complete snippet ending at that {@code ;}. That is what JShell's completeness
 * analysis answers for it, but the analysis runs a javac parse for each such snippet to tell a declaration from
 * an expression: in a cell of 200 declarations that was 8 % of the kernel's time.
 *
 * <p>Everything else is left to the analysis: a keyword first ({@code if}, {@code for}, {@code try},
 * {@code new}, {@code return}, {@code final} …, where an {@code else}, a {@code catch} or a loop body may follow
 * the {@code ;}), a label, an annotation, a brace (a class, a method, a block, an array initializer, a lambda
 * body, a switch), a text block, a unicode escape (which may stand for any of these), or no {@code ;} at all.
 *
 * <pre>{@code
 * SimpleSnippetEnd.of("int a = 1; int b = 2;")   // 10: "int a = 1;"
 * SimpleSnippetEnd.of("if (a) b(); else c();")   // -1: the analysis decides
 * }</pre>
 */
final class SimpleSnippetEnd {

    /** Reserved words that may not start a simple snippet; the primitive types may. */
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "break", "case", "catch", "class",
            "const", "continue", "default", "do", "else", "enum", "extends", "final", "finally", "for", "goto",
            "if", "implements", "import", "instanceof", "interface", "native", "new", "package", "private",
            "protected", "public", "return", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_",
            "yield", "record", "sealed", "non", "module", "open", "exports", "requires");

    private static final int ANALYSIS_DECIDES = -1;

    private SimpleSnippetEnd() {
    }

    /** The length of {@code rest}'s first snippet, through its {@code ;}; or -1: the analysis must decide. */
    static int of(String rest) {
        return of(rest, 0);
    }

    /** The length of the first snippet of {@code rest} from {@code from}, through its {@code ;}; or -1. */
    static int of(String rest, int from) {
        int i = skipBlanksAndComments(rest, from);
        if (!Identifiers.startsAt(rest, i)) {
            return ANALYSIS_DECIDES;
        }
        int wordEnd = Identifiers.end(rest, i);
        if (KEYWORDS.contains(rest.substring(i, wordEnd))) {
            return ANALYSIS_DECIDES;
        }
        int after = skipBlanksAndComments(rest, wordEnd);
        if (after < 0 || after < rest.length() && rest.charAt(after) == ':' && !rest.startsWith("::", after)) {
            return ANALYSIS_DECIDES; // a label: the statement it labels decides where the snippet ends
        }
        int depth = 0;
        for (int at = wordEnd; at < rest.length(); at++) {
            char c = rest.charAt(at);
            switch (c) {
                case ';' -> {
                    if (depth == 0) {
                        return nextTokenReadable(rest, at + 1) ? at + 1 - from : ANALYSIS_DECIDES;
                    }
                }
                case '(', '[' -> depth++;
                case ')', ']' -> {
                    if (--depth < 0) {
                        return ANALYSIS_DECIDES;
                    }
                }
                case '{', '}', '@', '\\' -> {
                    return ANALYSIS_DECIDES;
                }
                case '"', '\'' -> {
                    at = literalEnd(rest, at);
                    if (at < 0) {
                        return ANALYSIS_DECIDES;
                    }
                }
                case '/' -> {
                    if (rest.startsWith("//", at) || rest.startsWith("/*", at)) {
                        at = skipBlanksAndComments(rest, at) - 1;
                        if (at < 0) {
                            return ANALYSIS_DECIDES;
                        }
                    }
                }
                default -> {
                }
            }
        }
        return ANALYSIS_DECIDES;
    }

    /**
     * Whether the token after a snippet's {@code ;} (if any) is one the analysis reads as such: it reads that
     * token, and one it cannot (an open comment or literal, a stray character, a unicode escape, a number,
     * which may be malformed) changes where it ends the snippet.
     */
    private static boolean nextTokenReadable(String s, int from) {
        int i = skipBlanksAndComments(s, from);
        if (i < 0 || i >= s.length()) {
            return i >= 0;
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return literalEnd(s, i) >= 0;
        }
        if (Identifiers.startsAt(s, i)) {
            int end = Identifiers.end(s, i);
            return end == s.length() || s.charAt(end) != '\\';
        }
        return "(){}[];,@=><!~?:+-*/&|^%".indexOf(c) >= 0;
    }

    /**
     * The index of the quote closing the string or char literal opened at {@code open}; -1 for what javac's
     * scanner would report or read otherwise (a text block, a unicode escape, an escape it does not know, a
     * char literal of other than one character, a literal the line ends first).
     */
    private static int literalEnd(String s, int open) {
        char quote = s.charAt(open);
        if (quote == '"' && s.startsWith("\"\"\"", open)) {
            return -1;
        }
        int characters = 0;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || "btnfrs\"'\\".indexOf(s.charAt(i + 1)) < 0) {
                    return -1; // also octal escapes, rare enough to leave to the analysis
                }
                i++;
            } else if (c == quote) {
                return quote == '"' || characters == 1 ? i : -1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
            characters++;
        }
        return -1;
    }

    /** The index of the first character from {@code from} that is neither blank nor comment; -1 in an open comment. */
    static int skipBlanksAndComments(String s, int from) {
        int i = from;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
