package netlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netlab.text.Catalog;
import org.junit.jupiter.api.Test;

class KernelCatalogTest {

    /** The kernel module's catalogue (magics, CLI): every area and key in both languages, the same arguments. */
    @Test
    void everyKeyOfThisModuleIsInBothLanguages() throws IOException {
        assertEquals(List.of(), Catalog.problemsIn(Path.of("src/main/resources/netlab/text")));
    }
}
