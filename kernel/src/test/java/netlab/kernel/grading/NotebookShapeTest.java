package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON that parses but is not shaped as a notebook (the audit's variants: each once ended the whole batch, or read
 * as "has no cells") is refused with a sentence that says which part is wrong and to copy the answers into a fresh
 * copy of the handed-out notebook.
 */
class NotebookShapeTest {

    private static final String CELL = "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"int x = 1;\\n\", \"x\"]}";

    @TempDir
    Path dir;

    private static String notebook(String cells, String metadata, String nbformat) {
        return "{\"cells\": " + cells + ", \"metadata\": " + metadata + ", \"nbformat\": " + nbformat
                + ", \"nbformat_minor\": 5}";
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name + ".ipynb"), text);
    }

    @Test
    void aWellShapedNotebookPasses() throws Exception {
        String text = notebook("[" + CELL + ", {\"cell_type\": \"markdown\", \"source\": \"x\"}]", "{}", "4");
        assertEquals(text, SubmissionText.read(file("good", text)));
        String quoted = notebook("[" + CELL + "]", "{}", "\"4\"");
        assertEquals(quoted, SubmissionText.read(file("quoted", quoted)), "Notebook.parse reads \"4\" as 4");
    }

    @Test
    void eachMalformationSaysWhatIsWrongAndWhatToDo() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("source-object", notebook("[{\"cell_type\": \"code\", \"source\": {\"a\": 1}}]", "{}", "4"));
        bad.put("source-number-line", notebook("[{\"cell_type\": \"code\", \"source\": [\"a\", 5]}]", "{}", "4"));
        bad.put("source-nested-list", notebook("[{\"cell_type\": \"code\", \"source\": [[\"x\"]]}]", "{}", "4"));
        bad.put("cell-no-type", notebook("[" + CELL + ", {\"source\": \"int x = 1;\"}]", "{}", "4"));
        bad.put("cell-type-list", notebook("[{\"cell_type\": [\"code\"], \"source\": \"1\"}]", "{}", "4"));
        bad.put("cell-not-object", notebook("[" + CELL + ", 1]", "{}", "4"));
        bad.put("cells-object", notebook("{\"a\": 1}", "{}", "4"));
        bad.put("metadata-string", notebook("[" + CELL + "]", "\"x\"", "4"));
        bad.put("nbformat-huge", notebook("[" + CELL + "]", "{}", "1e9999999999"));
        bad.put("nbformat-nan", notebook("[" + CELL + "]", "{}", "NaN"));
        bad.put("nbformat-fraction", notebook("[" + CELL + "]", "{}", "4.9"));
        bad.put("nbformat-missing", "{\"cells\": [" + CELL + "], \"metadata\": {}}");
        Set<String> details = new HashSet<>();
        for (var e : bad.entrySet()) {
            Path f = file(e.getKey(), e.getValue());
            Submission.Rejected r = assertThrows(Submission.Rejected.class, () -> SubmissionText.read(f), e.getKey());
            assertEquals("grade.malformed", r.reason().key(), e.getKey());
            String en = r.reason().in(Lang.EN);
            String zh = r.reason().in(Lang.ZH);
            assertTrue(en.contains(e.getKey() + ".ipynb") && en.contains("download the handed-out notebook again"), en);
            assertTrue(!en.contains("no \"cells\"") && !en.contains("grade."), en);
            assertTrue(zh.contains("重新下载") && !zh.contains("grade.") && !zh.contains("Jupyter saves"), zh);
            details.add(en.substring(en.indexOf(':'), en.indexOf(". It was")));
            System.out.println(e.getKey() + ": " + en + "\n    " + zh);
        }
        assertTrue(details.size() >= 9, "the part that is wrong is named: " + details);
        assertTrue(details.stream().anyMatch(d -> d.contains("NaN")), "the value the file has is shown: " + details);
    }

    @Test
    void oldFormatsKeepTheirOwnSentence() throws Exception {
        Path v3 = file("v3", "{\"worksheets\": [], \"metadata\": {}, \"nbformat\": 3.0}");
        Submission.Rejected r = assertThrows(Submission.Rejected.class, () -> SubmissionText.read(v3));
        assertEquals("grade.nbformat", r.reason().key());
    }

    @Test
    void theRefusalIsInTheLanguageTheNotebookNames() throws Exception {
        Path zh = file("zh", notebook("[1]", "{\"netlab\": {\"language\": \"zh\"}}", "4"));
        assertEquals(Optional.of(Lang.ZH), assertThrows(Submission.Rejected.class, () -> SubmissionText.read(zh)).lang());
        Path odd = file("odd", notebook("[1]", "{\"netlab\": {\"language\": [\"zh\"]}}", "4"));
        assertEquals(Optional.empty(), assertThrows(Submission.Rejected.class, () -> SubmissionText.read(odd)).lang());
    }
}
