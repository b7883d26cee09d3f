package netlab.kernel.notebook;

import java.util.List;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Turns the source of a teacher's cell into the student's: each {@code // BEGIN SOLUTION} … {@code // END
 * SOLUTION} region becomes one stub line at the indentation of {@code BEGIN}, and each {@code // BEGIN HIDDEN
 * TESTS} … {@code // END HIDDEN TESTS} region disappears. Markers are whole lines (surrounding blanks ignored).
 *
 * <p>The stub is {@code throw new UnsupportedOperationException("TODO: write your answer here");}, worded in the
 * notebook's language ({@link #todoStub}), unless the first line inside the region is {@code // STUB: LINE},
 * which replaces it with LINE (e.g. {@code // STUB: return null; // TODO}). Teachers put the region inside a
 * method body, so the released method compiles and fails loudly when called.
 */
public final class SolutionMarkers {

    /**
     * The line a solution becomes, in the student's language. Its message starts with "TODO" in every language:
     * that is how the checks and {@code netlab run} tell an exercise not yet answered from a broken one.
     */
    public static String todoStub(Lang lang) {
        return "throw new UnsupportedOperationException(\"" + Text.in(lang, "grade.todo-stub") + "\");";
    }

    private static final String BEGIN_SOLUTION = "// BEGIN SOLUTION";
    private static final String END_SOLUTION = "// END SOLUTION";
    private static final String BEGIN_HIDDEN = "// BEGIN HIDDEN TESTS";
    private static final String END_HIDDEN = "// END HIDDEN TESTS";
    private static final String STUB = "// STUB:";

    /** What came out, and whether any solution region was replaced. */
    public record Result(String source, boolean hadSolution) {
    }

    private SolutionMarkers() {
    }

    /** Whether {@code source} has a solution region (the cell is then an answer cell). */
    public static boolean hasSolution(String source) {
        return source.lines().anyMatch(l -> l.strip().equals(BEGIN_SOLUTION));
    }

    /**
     * Strips the regions of {@code source}; {@code where} (e.g. "ch1.ipynb, cell 3 (id abc)") starts every
     * error message.
     */
    public static Result strip(String source, String where, Lang lang) throws MarkerException {
        List<String> lines = source.lines().toList();
        StringBuilder out = new StringBuilder();
        String open = null;      // the BEGIN marker of the region we are in
        int openLine = 0;
        String indent = "";
        String stub = null;
        boolean hadSolution = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String marker = line.strip();
            int lineNo = i + 1;
            switch (marker) {
                case BEGIN_SOLUTION, BEGIN_HIDDEN -> {
                    if (open != null) {
                        throw new MarkerException(Text.of("teacher.marker.nested", line(where, lineNo), marker, open,
                                openLine));
                    }
                    open = marker;
                    openLine = lineNo;
                    indent = line.substring(0, line.indexOf('/'));
                    stub = null;
                }
                case END_SOLUTION, END_HIDDEN -> {
                    String begin = marker.equals(END_SOLUTION) ? BEGIN_SOLUTION : BEGIN_HIDDEN;
                    if (!begin.equals(open)) {
                        throw new MarkerException(open == null
                                ? Text.of("teacher.marker.unopened", line(where, lineNo), marker, begin)
                                : Text.of("teacher.marker.mismatched", line(where, lineNo), marker, begin, open, openLine));
                    }
                    if (open.equals(BEGIN_SOLUTION)) {
                        out.append(indent).append(stub == null ? todoStub(lang) : stub).append('\n');
                        hadSolution = true;
                    }
                    open = null;
                }
                default -> {
                    if (open == null) {
                        out.append(line).append('\n');
                    } else if (open.equals(BEGIN_SOLUTION) && lineNo == openLine + 1 && marker.startsWith(STUB)) {
                        stub = marker.substring(STUB.length()).strip();
                    }
                }
            }
        }
        if (open != null) {
            throw new MarkerException(Text.of("teacher.marker.unclosed", line(where, openLine), open,
                    open.equals(BEGIN_SOLUTION) ? END_SOLUTION : END_HIDDEN));
        }
        // keep the source's own ending: no newline added after a last line that had none
        String text = out.toString();
        if (!source.endsWith("\n") && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Result(text, hadSolution);
    }

    /** {@code where} and a line of the cell: "ch1.ipynb, cell 3 (id abc), line 4", in the teacher's language. */
    private static String line(String where, int lineNo) {
        return Text.of("teacher.marker.line", where, lineNo);
    }
}
