package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language a kernel starts in, from what its front end tells it and where it starts it. */
class StartLanguageTest {

    private static final String ZH_NOTEBOOK = "{\"cells\": [], \"metadata\": {\"netlab\": {\"language\": \"zh\"}},"
            + " \"nbformat\": 4, \"nbformat_minor\": 5}";

    @Test
    void theNotebookJupyterServerNamesSaysIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ch1.ipynb"), ZH_NOTEBOOK);
        assertEquals(Lang.ZH, StartLanguage.of(Map.of(StartLanguage.SESSION_NAME, "ch1.ipynb"), dir));
    }

    /** Notebook 6 and nbclient name no notebook, but start the kernel in its folder: the course's zh/ and en/. */
    @Test
    void withoutANotebookNamedTheCourseFolderSaysIt(@TempDir Path dir) throws Exception {
        Path zh = Files.createDirectory(dir.resolve("zh"));
        Path en = Files.createDirectory(dir.resolve("en"));
        assertEquals(Lang.ZH, StartLanguage.of(Map.of(), zh));
        assertEquals(Lang.EN, StartLanguage.of(Map.of(), en));
        assertEquals(Optional.empty(), StartLanguage.courseFolder(dir));
        assertEquals(Lang.current(), StartLanguage.of(Map.of(), dir));
    }
}
