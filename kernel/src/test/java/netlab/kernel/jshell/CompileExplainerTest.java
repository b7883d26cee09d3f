package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reading of a cell that picks a compile error's sentence (the sentences themselves: CompileErrorsExplainedIT). */
class CompileExplainerTest {

    @Test
    void onlyASingleEqualsSignIsAnAssignment() {
        assertTrue(CompileExplainer.isAssignment("if (x = 5)", 6));
        for (String cell : new String[] {"if (x == 5)", "if (x <= 5)", "x += 5", "x != 5", "x >= 5"}) {
            assertFalse(CompileExplainer.isAssignment(cell, cell.indexOf('=')), cell);
        }
    }

    @Test
    void aWordOneOrTwoLettersFromAKeywordIsThatKeywordMisspelt() {
        assertEquals(Optional.of("return"), CompileExplainer.misspeltKeyword("retrun"));
        assertEquals(Optional.of("return"), CompileExplainer.misspeltKeyword("Return"));
        assertEquals(Optional.of("break"), CompileExplainer.misspeltKeyword("braek"));
        assertEquals(Optional.empty(), CompileExplainer.misspeltKeyword("return"));
        assertEquals(Optional.empty(), CompileExplainer.misspeltKeyword("count"));
        assertEquals(Optional.empty(), CompileExplainer.misspeltKeyword("x"));
        assertEquals(Optional.of("else"), CompileExplainer.misspeltKeyword("els"));
        assertEquals(Optional.empty(), CompileExplainer.misspeltKeyword("ret"), "three edits from return");
    }

    @Test
    void aCanonicalConstructorWithoutPublicIsNamedByItsRecord() {
        String compact = "record Hop(int ttl) { Hop { } }";
        assertEquals(Optional.of("Hop"), CompileExplainer.constructorWithoutPublic(compact, compact.indexOf("Hop {")));
        String narrowed = "record Hop(int ttl) { private  Hop(int ttl) { this.ttl = ttl; } }";
        assertEquals(Optional.of("Hop"),
                CompileExplainer.constructorWithoutPublic(narrowed, narrowed.indexOf("private")));
        String open = "record Hop(int ttl) { public Hop { return; } }";
        assertEquals(Optional.empty(), CompileExplainer.constructorWithoutPublic(open, open.indexOf("public")));
    }
}
