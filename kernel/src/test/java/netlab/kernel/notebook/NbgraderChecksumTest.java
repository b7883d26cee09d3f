package netlab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NbgraderChecksumTest {

    /** Python 3's str(float(x)) for each x, as printed by /usr/bin/python3. */
    @ParameterizedTest
    @CsvSource({"2, 2.0", "0.5, 0.5", "1.5, 1.5", "0.1, 0.1", "0.0001, 0.0001", "0.00001, 1e-05",
            "123456789.5, 123456789.5", "1e15, 1000000000000000.0", "1e16, 1e+16", "1.25e17, 1.25e+17",
            "-3, -3.0", "0, 0.0"})
    void formatsPointsLikePython(double value, String python) {
        assertEquals(python, NbgraderChecksum.pythonFloat(value));
    }

    @Test
    void everyInputOfTheChecksumChangesIt() {
        NbgraderCell check = NbgraderCell.check("q1", 2);
        String base = NbgraderChecksum.of("x", "code", check);
        assertNotEquals(base, NbgraderChecksum.of("y", "code", check));
        assertNotEquals(base, NbgraderChecksum.of("x", "markdown", check));
        assertNotEquals(base, NbgraderChecksum.of("x", "code", NbgraderCell.check("q2", 2)));
        assertNotEquals(base, NbgraderChecksum.of("x", "code", NbgraderCell.check("q1", 3)));
        // a solution cell is never locked, whatever its flag says, exactly as nbgrader reads it
        assertEquals(NbgraderChecksum.of("x", "code", NbgraderCell.answer("a")),
                NbgraderChecksum.of("x", "code", new NbgraderCell("a", true, false, true, false, Optional.empty(),
                        Optional.empty())));
    }
}
