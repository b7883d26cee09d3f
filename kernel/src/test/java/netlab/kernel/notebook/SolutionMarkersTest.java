package netlab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class SolutionMarkersTest {

    static final String WHERE = "ch.ipynb, cell 2 (id abc)";

    @Test
    void aSolutionRegionBecomesTheDefaultStubAtItsIndentation() throws Exception {
        SolutionMarkers.Result r = SolutionMarkers.strip("""
                int twice(int x) {
                    // BEGIN SOLUTION
                    return 2 * x;
                    // END SOLUTION
                }
                """, WHERE, Lang.EN);
        assertEquals("""
                int twice(int x) {
                    throw new UnsupportedOperationException("TODO: write your answer here");
                }
                """, r.source());
        assertTrue(r.hadSolution());
    }

    @Test
    void aStubLineReplacesTheDefaultAndHiddenTestsVanish() throws Exception {
        SolutionMarkers.Result r = SolutionMarkers.strip("""
                int port() {
                  // BEGIN SOLUTION
                  // STUB: return 0; // TODO: pick a free port
                  return 9000;
                  // END SOLUTION
                }
                check();
                // BEGIN HIDDEN TESTS
                secret();
                // END HIDDEN TESTS
                done();""", WHERE, Lang.EN);
        assertEquals("int port() {\n  return 0; // TODO: pick a free port\n}\ncheck();\ndone();", r.source());
    }

    @Test
    void sourcesWithoutMarkersAreUnchanged() throws Exception {
        String source = "int x = 1;\n// BEGIN SOLUTIONS is not a marker\n";
        SolutionMarkers.Result r = SolutionMarkers.strip(source, WHERE, Lang.EN);
        assertEquals(source, r.source());
        assertFalse(r.hadSolution());
    }

    @Test
    void nestedUnbalancedAndUnclosedRegionsNameTheCellAndLine() {
        MarkerException nested = assertThrows(MarkerException.class, () -> SolutionMarkers.strip(
                "// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS\n// END SOLUTION\n", WHERE, Lang.EN));
        assertEquals(WHERE + ", line 2: '// BEGIN HIDDEN TESTS' inside the '// BEGIN SOLUTION' of line 1; "
                + "regions cannot nest, close the first one before", nested.getMessage());
        MarkerException stray = assertThrows(MarkerException.class,
                () -> SolutionMarkers.strip("x();\n  // END SOLUTION\n", WHERE, Lang.EN));
        assertEquals(WHERE + ", line 2: '// END SOLUTION' without a '// BEGIN SOLUTION' before it", stray.getMessage());
        MarkerException crossed = assertThrows(MarkerException.class,
                () -> SolutionMarkers.strip("// BEGIN SOLUTION\n// END HIDDEN TESTS\n", WHERE, Lang.EN));
        assertTrue(crossed.getMessage().contains("line 2") && crossed.getMessage().contains("open region is"),
                crossed.getMessage());
        MarkerException unclosed = assertThrows(MarkerException.class,
                () -> SolutionMarkers.strip("a();\n// BEGIN SOLUTION\nb();\n", WHERE, Lang.EN));
        assertEquals(WHERE + ", line 2: '// BEGIN SOLUTION' is never closed; add '// END SOLUTION' after the region",
                unclosed.getMessage());
    }
}
