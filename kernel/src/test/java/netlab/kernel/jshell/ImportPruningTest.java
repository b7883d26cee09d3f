package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportPruningTest {

    @Test
    void everyIdentifierShapedTokenIsAName() {
        assertEquals(Optional.of(Set.of("int", "total", "v0", "size", "$x", "_y", "名字", "s")),
                ImportPruning.namesIn("int total = v0 + size(\"s\") + $x * _y - 名字;"));
    }

    @Test
    void numbersAndPunctuationAreNot() {
        assertEquals(Optional.of(Set.of("e")), ImportPruning.namesIn("12 + 3.5 * 0x1F / 7L - 1e3 + e;"));
    }

    @Test
    void aUnicodeEscapeMeansEveryName() {
        // the escape spells "a": no token shows it, so the caller imports everything
        assertTrue(ImportPruning.namesIn("int b = \\u0061 + 1;").isEmpty());
    }
}
