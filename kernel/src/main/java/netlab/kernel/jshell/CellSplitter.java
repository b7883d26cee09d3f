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

    private final SourceCodeAnalysis analysis;
    private final StatementClassifier classifier = new StatementClassifier();

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The pieces of {@code cell} as the student wrote them, one per snippet JShell would see. */
    List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            String remaining = info.remaining();
            boolean complete = c.isComplete() && c != Completeness.UNKNOWN;
            int consumed = complete && rest.endsWith(remaining) ? rest.length() - remaining.length() : rest.length();
            int lead = leadingBlanks(rest, consumed);
            int end = offset + trimEnd(rest, consumed);
            String source = cell.substring(offset + lead, end);
            boolean semicolon = withoutTrailingComments(source).endsWith(";");
            // JShell needs the ";" a student may leave off the last line (it only hides a value here).
            String evaluated = c == Completeness.COMPLETE_WITH_SEMI && !semicolon ? source + ";" : source;
            pieces.add(new Piece(offset + lead, end, evaluated, 0, semicolon,
                    complete || c == Completeness.UNKNOWN, false));
            if (consumed == rest.length()) {
                break;
            }
            rest = rest.substring(consumed);
            offset += consumed;
        }
        return pieces;
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
            while (j < pieces.size() && plain[j] && pieces.get(j).endsWithSemicolon() && pieces.get(j).complete()) {
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

    private static int leadingBlanks(String s, int limit) {
        int i = 0;
        while (i < limit && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int end) {
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
