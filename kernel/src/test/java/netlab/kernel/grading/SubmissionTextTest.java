package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netlab.text.Catalog;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a submitted file fails to be a notebook gets its own sentence, in the student's language, that says
 * what to do; the table this test prints is the bad-input table of the grading README.
 */
class SubmissionTextTest {

    static final String NOTEBOOK = "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"中文\", \"metadata\": {}}],"
            + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    @TempDir
    Path dir;

    @Test
    void eachBadInputHasItsOwnActionableSentence() throws Exception {
        Path good = Files.writeString(dir.resolve("good.ipynb"), NOTEBOOK);
        assertEquals(NOTEBOOK, SubmissionText.read(good));
        Map<String, Path> bad = new LinkedHashMap<>();
        bad.put("symbolic link", Files.createSymbolicLink(dir.resolve("link.ipynb"), good));
        bad.put("a folder", Files.createDirectories(dir.resolve("folder.ipynb")));
        bad.put("empty file", Files.write(dir.resolve("empty.ipynb"), new byte[0]));
        bad.put("GBK", Files.write(dir.resolve("gbk.ipynb"), NOTEBOOK.getBytes(Charset.forName("GBK"))));
        bad.put("UTF-16", Files.write(dir.resolve("utf16.ipynb"), NOTEBOOK.getBytes(StandardCharsets.UTF_16)));
        bad.put("invalid JSON", Files.writeString(dir.resolve("cut.ipynb"), NOTEBOOK.substring(0, 60)));
        bad.put("nbformat 3", Files.writeString(dir.resolve("v3.ipynb"),
                "{\"worksheets\": [], \"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}"));
        bad.put("JSON, not a notebook", Files.writeString(dir.resolve("list.ipynb"), "[1, 2]"));
        StringBuilder table = new StringBuilder("| problem | key | what the student reads (en) | (zh) |\n|---|---|---|---|\n");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (var e : bad.entrySet()) {
            Submission.Rejected r = assertThrows(Submission.Rejected.class, () -> SubmissionText.read(e.getValue()), e.getKey());
            String en = r.reason().in(Lang.EN);
            String zh = r.reason().in(Lang.ZH);
            assertTrue(en.contains(e.getValue().getFileName().toString()) && !en.contains(dir.toString()),
                    "names the file, not where the grader keeps it: " + en);
            assertTrue(keys.add(r.reason().key()), "one sentence per problem: " + r.reason().key());
            assertTrue(!zh.equals(en) && !zh.startsWith("grade."), zh);
            table.append("| ").append(e.getKey()).append(" | ").append(r.reason().key()).append(" | ").append(en)
                    .append(" | ").append(zh).append(" |\n");
        }
        System.out.println(table);
    }

    @Test
    void theGradeAreaIsInBothLanguages() throws Exception {
        assertEquals(java.util.List.of(), Catalog.problemsIn(Path.of("src/main/resources/netlab/text")));
    }
}
