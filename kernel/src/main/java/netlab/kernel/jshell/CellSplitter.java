package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into JShell snippets and joins runs of plain statements into one block, so a cell of 200
 * {@code println}s costs one compile instead of 200.
 *
 * <p>What stays a snippet of its own: declarations (imports, types, methods, variables — they must stay
 * top-level so later cells see them), anything that is not a plain statement by itself (bare expressions,
 * which JShell shows as values), anything without its final {@code ;}, and a run of one. Joining means a
 * compile error in one statement of a run keeps the whole run from running, which is what a student
 * expects of a cell anyway.
 *
 * <p>Declarations are not joined into one snippet ({@code int a = 1, b = 2;} or a class holding them would lose
 * per-declaration redefinition and error positions, which is what JShell semantics promise): each stays a piece
 * of its own, and runs of them are compiled together by {@link DeclarationBatch}, as {@link DeclarationPlanner}
 * finds them.
 */
final class CellSplitter {

    /** Lines of a cell the first look for a snippet's end reads: see {@link #firstSnippet}. */
    private static final int FIRST_WINDOW_LINES = 4;
    /**
     * The most source one joined block holds. A method's bytecode may not pass 64 KB, which 8,200 statements
     * {@code big += 1;} (75 KB of source) did: JShell then ran nothing and reported no error. Plain statements
     * compile to under a byte per character of source in the chapters' cells; a block of this size is far from
     * the limit and still one compile per hundreds of statements.
     */
    static final int MAX_BLOCK_CHARS = 16 * 1024;

    private final SourceCodeAnalysis analysis;
    private final StatementClassifier classifier = new StatementClassifier();
    /** Whether {@link SimpleSnippetEnd} may answer before the analysis; off only to test the two agree. */
    private final boolean lexical;

    CellSplitter(SourceCodeAnalysis analysis) {
        this(analysis, true);
    }

    CellSplitter(SourceCodeAnalysis analysis, boolean lexical) {
        this.analysis = analysis;
        this.lexical = lexical;
    }

    /**
     * Whether an incomplete {@code piece} lacks only what ends a {@code try}: a {@code finally} block after it
     * completes it ({@code try { … }} with its catch forgotten), where a brace or a parenthesis left open would not.
     */
    boolean lacksCatch(Piece piece) {
        String source = withoutTrailingComments(piece.source()).strip();
        return source.startsWith("try")
                && analysis.analyzeCompletion(source + "\nfinally { }").completeness() == Completeness.COMPLETE;
    }

    /**
     * The pieces of {@code cell} as the student wrote them, one per snippet JShell would see. The cell is read
     * in place from an offset, never copied from there on: a copy of the rest per snippet made a 5 MB cell of
     * 500,000 statements take minutes in this loop.
     */
    List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        while (!blankFrom(cell, offset)) {
            FirstSnippet first = firstSnippet(cell, offset);
            Completeness c = first.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            boolean complete = c.isComplete() && c != Completeness.UNKNOWN;
            int next = offset + first.length();
            int start = leadingBlanks(cell, offset, next);
            int end = trimEnd(cell, offset, next);
            String source = cell.substring(start, end);
            boolean semicolon = withoutTrailingComments(source).endsWith(";");
            // JShell needs the ";" a student may leave off the last line (it only hides a value here).
            String evaluated = c == Completeness.COMPLETE_WITH_SEMI && !semicolon ? source + ";" : source;
            pieces.add(new Piece(start, end, evaluated, 0, semicolon, complete || c == Completeness.UNKNOWN, false));
            if (next == cell.length()) {
                break;
            }
            offset = next;
        }
        return pieces;
    }

    /** Where {@code rest}'s first snippet ends, and whether it is complete. */
    private record FirstSnippet(Completeness completeness, int length) {
    }

    /**
     * {@code rest}'s first snippet, found in a window of its first lines where that gives the answer the whole
     * text would. Why: JShell's {@code analyzeCompletion} reads all the text it is given to find where the
     * first snippet ends, so splitting a cell of N snippets read N times its text: the 200-declaration cell
     * took 29-32 ms a split (one JVM, warm), 10-12 ms through windows of 4 lines. The analyzer decides where a
     * snippet ends from the token after it (an {@code else}, a {@code catch}, a {@code .method()} on the next
     * line), so a window's answer holds once code follows the snippet inside the window; otherwise the window
     * doubles, up to the whole text.
     */
    private FirstSnippet firstSnippet(String cell, int from) {
        int simple = lexical ? SimpleSnippetEnd.of(cell, from) : -1;
        if (simple > 0) {
            return new FirstSnippet(Completeness.COMPLETE, simple);
        }
        for (int lines = FIRST_WINDOW_LINES; ; lines *= 2) {
            int cut = endOfLines(cell, from, lines);
            boolean whole = cut >= cell.length();
            String text = cell.substring(from, cut);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(text);
            Completeness c = info.completeness();
            String remaining = info.remaining();
            boolean complete = c.isComplete() && c != Completeness.UNKNOWN && text.endsWith(remaining);
            if (whole || complete && startsWithCode(remaining)) {
                return new FirstSnippet(c, complete ? text.length() - remaining.length() : text.length());
            }
        }
    }

    /** The offset just after the first {@code lines} line breaks of {@code s} from {@code from}, or its length. */
    private static int endOfLines(String s, int from, int lines) {
        int at = from;
        for (int i = 0; i < lines; i++) {
            int next = s.indexOf('\n', at);
            if (next < 0) {
                return s.length();
            }
            at = next + 1;
        }
        return at;
    }

    /** Whether {@code s} holds code after its leading blanks and comments (an unclosed comment holds none). */
    static boolean startsWithCode(String s) {
        int code = SimpleSnippetEnd.skipBlanksAndComments(s, 0);
        return code >= 0 && code < s.length();
    }

    /** {@link #split} with runs of two or more plain statements joined into blocks. */
    List<Piece> splitAndGroup(String cell) {
        List<Piece> pieces = split(cell);
        if (pieces.size() < 3) {
            return pieces;
        }
        boolean[] plain = classifier.plainStatements(pieces.stream().map(Piece::source).toList());
        List<Piece> result = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int j = i;
            while (j < pieces.size() && plain[j] && pieces.get(j).endsWithSemicolon() && pieces.get(j).complete()
                    && pieces.get(j).end() - pieces.get(i).start() <= MAX_BLOCK_CHARS) {
                j++;
            }
            if (j - i >= 2) {
                Piece first = pieces.get(i);
                Piece last = pieces.get(j - 1);
                String block = "{" + cell.substring(first.start(), last.end()) + "\n}";
                result.add(new Piece(first.start(), last.end(), block, 1, true, true, true));
                i = j;
            } else {
                result.add(pieces.get(i));
                i++;
            }
        }
        return result;
    }

    /** {@code source} without comments and blanks at its end: {@code "x; // note"} becomes {@code "x;"}. */
    static String withoutTrailingComments(String source) {
        String s = source.stripTrailing();
        while (true) {
            if (s.endsWith("*/") && s.lastIndexOf("/*") >= 0) {
                s = s.substring(0, s.lastIndexOf("/*")).stripTrailing();
                continue;
            }
            int lineStart = s.lastIndexOf('\n') + 1;
            int comment = lineCommentStart(s, lineStart);
            if (comment < 0) {
                return s;
            }
            s = s.substring(0, comment).stripTrailing();
        }
    }

    /** Where a {@code //} comment starts on the line beginning at {@code from}, outside literals; or -1. */
    private static int lineCommentStart(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static boolean blankFrom(String s, int from) {
        return leadingBlanks(s, from, s.length()) == s.length();
    }

    /** The first offset in {@code s[from, limit)} that is not a blank, or {@code limit}. */
    private static int leadingBlanks(String s, int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code end}, moved back over the blanks before it but not below {@code from}. */
    private static int trimEnd(String s, int from, int end) {
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
