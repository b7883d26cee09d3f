package netlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netlab.text.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The kernel module's catalogue: every area in both languages, every key in both, the same arguments, and no
 * sentence the module's code no longer says.
 */
class KernelCatalogTest {

    static final Path DIR = Path.of("src/main/resources/netlab/text");

    @Test
    void everyKeyOfThisModuleIsInBothLanguages() throws IOException {
        assertFalse(Catalog.areasIn(DIR).isEmpty());
        assertEquals(List.of(), Catalog.problemsIn(DIR));
    }

    @Test
    void everyKeyIsSaidSomewhere() throws IOException {
        assertEquals(List.of(), Catalog.unsaidIn(DIR, List.of(Path.of("src/main/java"))));
    }
}
