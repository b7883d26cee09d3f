package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Splitting and grouping only parse: an in-process JShell is enough. */
class CellSplitterTest {

    private static JShell shell;
    private static CellSplitter splitter;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    /**
     * The splitter reads a window of lines where it can: its snippets must be the ones JShell finds reading the
     * whole rest of the cell each time, also where the token that ends a snippet is lines away.
     */
    @Test
    void snippetsAreTheOnesJShellFindsInTheWholeText() {
        List<String> cells = List.of(
                "int a = 1;\nif (a > 0)\n  a++;\n\n// a comment\n\n/* another\n one */\n\nelse\n  a--;\nint b = a;",
                "try {\n  a();\n}\n\n\n\ncatch (RuntimeException e) {\n}\n\n\n\n\nfinally {\n}\nint c = 2;",
                "String s = List.of(1, 2)\n    .stream()\n\n\n\n\n    .map(String::valueOf)\n    .toString();\ns",
                "class Point {\n  int x;\n  int y;\n  int sum() {\n    return x + y;\n  }\n  // end\n}\nnew Point()",
                "String t = \"\"\"\n  line one\n  line two\n  line three\n  line four\n  \"\"\";\nt.length()",
                "@Deprecated\n\n\n\n\nvoid old() {}\nint d = 3\n",
                "int e = 1 /* open\n\n\n\n\n close */ + 2;\ne",
                "x = 1;\n".repeat(30) + "x");
        for (String cell : cells) {
            assertEquals(wholeTextSplit(cell), splitter.split(cell).stream().map(p -> p.start() + ":" + p.end()).toList(),
                    cell);
        }
    }

    /** Where JShell's analysis of the whole rest of the cell ends each snippet (offsets "start:end"). */
    private static List<String> wholeTextSplit(String cell) {
        List<String> ends = new java.util.ArrayList<>();
        int offset = 0;
        while (!cell.substring(offset).isBlank()) {
            String rest = cell.substring(offset);
            var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            boolean complete = info.completeness().isComplete()
                    && info.completeness() != jdk.jshell.SourceCodeAnalysis.Completeness.UNKNOWN;
            int consumed = complete ? rest.length() - info.remaining().length() : rest.length();
            int start = offset;
            while (Character.isWhitespace(cell.charAt(start))) {
                start++;
            }
            int end = offset + consumed;
            while (Character.isWhitespace(cell.charAt(end - 1))) {
                end--;
            }
            ends.add(start + ":" + end);
            offset += consumed;
        }
        return ends;
    }

    /**
     * Where the characters alone end a snippet ({@link SimpleSnippetEnd}), the pieces are the ones JShell's
     * analysis gives; where they do not, the analysis decides.
     */
    @Test
    void piecesEndedByTheirCharactersAreTheOnesTheAnalysisGives() {
        CellSplitter analysisOnly = new CellSplitter(shell.sourceCodeAnalysis(), false);
        List<String> cells = List.of(
                "int a = 1; int b = 2;\nString s = \"x; y { }\"; char c = ';';\nc",
                "int a = 1; // note ; {\nint b = 2; /* c; */ int d = 3;",
                "int /* c */ n = 1 /* ; */;\nn",
                "label: for (int i = 0; i < 2; i++) x();\ny();",
                "foo(a, b[1]);\n  bar();",
                "x = cond ? 1 : 2;\ny = x;",
                "Runnable r = () -> System.out.println(\";\");\nr.run();",
                "int[] xs = {1, 2};\nxs.length",
                "List<String> l = List.of(\"a\")\n    .stream()\n    .toList();\nl",
                "var p = new java.net.DatagramPacket(new byte[10], 10);\np",
                "String u = \"\\u003b\"; int v = 1;",
                "x = 1;;\ny = 2;",
                "a.b().c(\n  1,\n  2);\nint z = 5",
                "int q = (1 + 2;\nint r = 3;",
                "String w = \"unterminated;\nint k = 1;",
                "@SuppressWarnings(\"x\") int m = 1;\nm",
                "java.util.function.IntUnaryOperator f = x -> x + 1;\nf.applyAsInt(1)",
                "x++;\n--x;\n",
                "Object o = switch (1) { default -> 2; };\no",
                "yield 5;\nint after = 1;",
                "record R(int a) {}\nnew R(1)",
                "int\n  multi =\n  1;\nmulti",
                "s.split(\";\")[0];\ns",
                "int a = 1;\r\nint b = 2;\r\n",
                "String t = \"\"\"\n  a; b\n  \"\"\";\nt",
                "char q = '\\'';\nint after = 2;",
                "List<int[]> arrays = new ArrayList<>();\narrays.add(new int[] {1});",
                "Map<String, List<Integer>> m = new HashMap<>(); m.put(\"k;\", List.of(1));",
                "int x = 1 // no semicolon\nint y = 2;",
                "x = 1; /* open comment\nint y = 2;",
                "x = 1; \"open string\nint y = 2;",
                "x = 1;\n'",
                "x = 1; \"\"\"\n  open text block;",
                "x = 1; `odd` int y = 2;",
                "x = 1; #",
                "x = 1; \\u0041 = 2;",
                "x = 1; 1e",
                "x = 1; 0x",
                "x = 1;\n1 + 1",
                "x = 1; a\\u",
                "x = 1; 'ab' int y;",
                "x = 1; '' int y;",
                "x = 1; 1.5e+ int y;",
                "char c = 'ab'; int y = 1;",
                "char c = ''; int y = 1;",
                "char c = '\\n'; int y = 1;",
                "String s = \"\\q\"; int y = 1;",
                "String s = \"tab\\tend\\\\\"; int y = 1;",
                "String s = \"\\0\"; int y = 1;");
        for (String cell : cells) {
            assertEquals(analysisOnly.split(cell), splitter.split(cell), cell);
        }
        String declarations = IntStream.range(0, 200).mapToObj(i -> "int v" + i + " = " + i + " * 2;\n")
                .collect(Collectors.joining());
        assertEquals(analysisOnly.split(declarations), splitter.split(declarations));
        assertEquals("int v0 = 0 * 2;".length(), SimpleSnippetEnd.of(declarations), "its characters end each one");
    }

    @Test
    void simpleSnippetsEndAtTheirSemicolonAndTheRestIsLeftToTheAnalysis() {
        assertEquals(10, SimpleSnippetEnd.of("int a = 1; int b = 2;"));
        assertEquals(23, SimpleSnippetEnd.of("String s = \"a;b\" + ';'; s"));
        assertEquals(14, SimpleSnippetEnd.of("// why\nx += 2;\ny"));
        assertEquals(-1, SimpleSnippetEnd.of("if (a) b(); else c();"), "a keyword: an else may follow");
        assertEquals(-1, SimpleSnippetEnd.of("outer: x();"), "a label");
        assertEquals(-1, SimpleSnippetEnd.of("int[] a = {1};"), "a brace");
        assertEquals(-1, SimpleSnippetEnd.of("@Deprecated int a;"), "an annotation");
        assertEquals(-1, SimpleSnippetEnd.of("String s = \"\\u0022;\";"), "a unicode escape");
        assertEquals(-1, SimpleSnippetEnd.of("1 + 1"), "no semicolon");
    }

    @Test
    void startsWithCodeSkipsBlanksAndClosedComments() {
        assertTrue(CellSplitter.startsWithCode("\n  // note\n /* x */ else"));
        assertFalse(CellSplitter.startsWithCode("\n  // note\n"));
        assertFalse(CellSplitter.startsWithCode(" /* open\n else"));
    }

    @Test
    void piecesKnowTheirCellOffsetsAndSemicolons() {
        String cell = "int a = 1;\n  // note\n  a + 1";
        List<Piece> pieces = splitter.split(cell);
        assertEquals(2, pieces.size());
        assertEquals(0, pieces.get(0).start());
        assertTrue(pieces.get(0).endsWithSemicolon());
        Piece last = pieces.get(1);
        assertEquals("a + 1", last.source().substring(last.source().indexOf("a + 1")));
        assertFalse(last.endsWithSemicolon());
        assertEquals(cell.indexOf("a + 1"), last.cellOffset(last.source().indexOf("a + 1")));
    }

    @Test
    void runsOfStatementsAreJoinedButDeclarationsAndTheShownValueAreNot() {
        String cell = """
                int total = 0;
                total += 1;
                System.out.println(total);
                for (int i = 0; i < 3; i++) total += i;
                void helper() { }
                total++;
                total""";
        List<Piece> pieces = splitter.splitAndGroup(cell);
        assertEquals(List.of(false, true, false, false, false),
                pieces.stream().map(Piece::grouped).toList(), pieces.toString());
        Piece block = pieces.get(1);
        assertTrue(block.source().startsWith("{total += 1;"), block.source());
        assertEquals(cell.indexOf("System"), block.cellOffset(block.source().indexOf("System")));
    }

    @Test
    void trailingCommentsDoNotHideTheSemicolon() {
        assertEquals("x;", CellSplitter.withoutTrailingComments("x; // note"));
        assertEquals("x;", CellSplitter.withoutTrailingComments("x; /* a */ // b\n"));
        assertEquals("s = \"//\"", CellSplitter.withoutTrailingComments("s = \"//\""));
        assertEquals("y", CellSplitter.withoutTrailingComments("y // ;"));
    }

    @Test
    void bareExpressionsAndIncompleteCodeStayAlone() {
        List<Piece> pieces = splitter.splitAndGroup("int x = 1;\nx;\nx;\nfor (;;) {");
        assertTrue(pieces.stream().noneMatch(Piece::grouped), pieces.toString());
        assertFalse(pieces.getLast().complete());
    }
}
