package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
