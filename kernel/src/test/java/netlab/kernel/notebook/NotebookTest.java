package netlab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {

    @Test
    void readsCellsWhoseSourceIsAStringOrAListOfLines() throws Exception {
        Notebook nb = Notebook.parse(Fixtures.teacherNotebook());
        List<Cell> cells = nb.cells();
        assertEquals(4, cells.size());
        assertEquals("# Classes of IPv4 addresses\nWrite `classOf`.", cells.get(0).source());
        assertEquals("markdown", cells.get(0).type());
        assertTrue(cells.get(1).source().startsWith("String classOf(String ip) {\n"));
        assertEquals(Optional.of("check1"), cells.get(2).id());
        assertEquals(Optional.of(3), cells.get(1).executionCount());
        assertEquals(new NetlabCell("ip.class-of", NetlabCell.Role.CHECK, Optional.of(4.0)), cells.get(2).netlab().orElseThrow());
        assertEquals(5, nb.nbformatMinor());
    }

    @Test
    void writingKeepsFieldsTheModelDoesNotKnow() throws Exception {
        Notebook nb = Notebook.parse(Fixtures.teacherNotebook());
        nb.cells().get(1).setSource("int x = 1;\n");
        Notebook again = Notebook.parse(nb.toJson());
        assertEquals("an unknown field that must survive",
                again.metadata().getAsJsonObject("course").get("note").getAsString());
        assertEquals("keep-me", again.cells().get(1).metadata().getAsJsonArray("tags").get(0).getAsString());
        assertEquals("int x = 1;\n", again.cells().get(1).source());
        assertTrue(nb.toJson().endsWith("}\n"));
        assertTrue(nb.toJson().contains("\n \"cells\": ["), "one-space indent like nbformat");
    }

    @Test
    void setSourceStoresLinesKeepingTheirNewlines() throws Exception {
        Cell cell = Notebook.parse(Fixtures.teacherNotebook()).cells().getFirst();
        cell.setSource("a\nb\n\nc");
        assertEquals("a\nb\n\nc", cell.source());
        String stored = Notebook.parse(Fixtures.teacherNotebook()).toJson();
        assertFalse(stored.isEmpty());
    }

    @Test
    void clearOutputsEmptiesOutputsAndKeepsAnExplicitNullCount() throws Exception {
        Notebook nb = Notebook.parse(Fixtures.teacherNotebook());
        Cell code = nb.cells().get(1);
        assertEquals(1, code.outputs().size());
        code.clearOutputs();
        assertEquals(0, code.outputs().size());
        assertEquals(Optional.empty(), code.executionCount());
        var json = JsonParser.parseString(nb.toJson()).getAsJsonObject().getAsJsonArray("cells").get(1).getAsJsonObject();
        assertTrue(json.has("execution_count") && json.get("execution_count").isJsonNull(), json.toString());
    }

    @Test
    void refusesWhatIsNotAVersion4Notebook() {
        IllegalArgumentException v3 = assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse("{\"cells\": [], \"nbformat\": 3}"));
        assertTrue(v3.getMessage().contains("expected nbformat 4 but the file says 3"), v3.getMessage());
        IllegalArgumentException junk = assertThrows(IllegalArgumentException.class, () -> Notebook.parse("{oops"));
        assertTrue(junk.getMessage().startsWith("not a notebook"), junk.getMessage());
    }

    @Test
    void languageOfAFileReadsTheMetadataWhereverItStandsAndNotTheCells(@TempDir Path dir) throws Exception {
        // a cell's text that looks like the metadata must not be taken for it
        String decoy = "{\"cell_type\": \"markdown\", \"metadata\": {\"netlab\": {\"language\": \"en\"}},"
                + " \"source\": \"\\\"metadata\\\": {\\\"netlab\\\": {\\\"language\\\": \\\"en\\\"}}\"}";
        String zh = "\"metadata\": {\"kernelspec\": {\"name\": \"netlab\"}, \"netlab\": {\"language\": \"zh\"}}";
        Path after = write(dir, "after.ipynb", "{\"cells\": [" + decoy + "], " + zh + ", \"nbformat\": 4}");
        Path before = write(dir, "before.ipynb", "{" + zh + ", \"cells\": [" + decoy + "], \"nbformat\": 4}");
        Path none = write(dir, "none.ipynb", "{\"cells\": [" + decoy + "], \"metadata\": {}, \"nbformat\": 4}");
        assertEquals(Optional.of(Lang.ZH), Notebook.languageOf(after));
        assertEquals(Optional.of(Lang.ZH), Notebook.languageOf(before));
        assertEquals(Optional.empty(), Notebook.languageOf(none));
        for (Path file : List.of(after, before, none)) {
            assertEquals(Notebook.read(file).language(), Notebook.languageOf(file), file.toString());
        }
        Path teacher = write(dir, "teacher.ipynb", Fixtures.teacherNotebook());
        assertEquals(Notebook.parse(Fixtures.teacherNotebook()).language(), Notebook.languageOf(teacher));
    }

    @Test
    void languageOfWhatIsNoNotebookSaysWhichFile(@TempDir Path dir) throws Exception {
        for (String text : List.of("{oops", "[1, 2]", "")) {
            Path file = write(dir, "bad.ipynb", text);
            IOException e = assertThrows(IOException.class, () -> Notebook.languageOf(file), text);
            assertTrue(e.getMessage().contains("bad.ipynb"), e.getMessage());
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
