package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names with letters beyond the BMP (𝑥: two chars) are read whole wherever a cell's names are read. */
class IdentifiersTest {

    @Test
    void aNameBeyondTheBmpIsOneName() {
        String cell = "int 𝑥𝑦2 = a.𝑏;";
        assertEquals(cell.indexOf(" ="), Identifiers.end(cell, 4));
        assertEquals(4, Identifiers.start(cell, cell.indexOf(" ="), false));
        assertEquals(cell.indexOf("a."), Identifiers.start(cell, cell.length() - 1, true));
        assertTrue(Identifiers.startsAt(cell, 4));
        assertFalse(Identifiers.startsAt(cell, 3));
        assertFalse(Identifiers.startsAt(cell, cell.length()));
        assertTrue(Identifiers.partBefore(cell, cell.indexOf(" =")));
        assertFalse(Identifiers.partBefore(cell, 0));
    }

    @Test
    void theKernelsReadersTakeSuchNamesWhole() {
        assertEquals("𝑥𝑦", CompileExplainer.identifierAt("int 𝑥𝑦 = 1;", 4));
        assertEquals("𝑥𝑦", CompileExplainer.identifierAt("a.𝑥𝑦()", 1), "javac points at the dot");
        String completing = "String 𝑥 = \"\"; int n = 𝑥.le";
        assertEquals("𝑥.", CodeAssist.qualifierBefore(completing, completing.length() - 2));
        assertEquals("𝑥 = 1;".length(), SimpleSnippetEnd.of("𝑥 = 1; y = 2;", 0));
    }
}
