package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Message;
import org.junit.jupiter.api.Test;

/** What {@link Submission#read} takes from a student's notebook, and what it tells the student. */
class SubmissionTest {

    private static final SourcePlan PLAN = new SourcePlan(List.of(new SourcePlan.Answer("a-answer", "a")),
            Map.of(), Lang.EN);

    private static Notebook notebook(String... cells) {
        return Notebook.parse("{\"cells\": [" + String.join(", ", cells) + "], \"metadata\": {}, \"nbformat\": 4}");
    }

    private static String answer(String gradeId, String source) {
        return "{\"cell_type\": \"code\", \"metadata\": {\"nbgrader\": {\"grade_id\": \"" + gradeId
                + "\", \"solution\": true}}, \"source\": \"" + source + "\"}";
    }

    @Test
    void unreadableGradingMetadataIsNotCalledMissing() throws Exception {
        String noPoints = "{\"cell_type\": \"code\", \"metadata\": {\"nbgrader\": {\"grade_id\": \"x\", \"grade\": true}},"
                + " \"source\": \"1\"}";
        Submission s = Submission.read(notebook(answer("a-answer", "int a = 1;"), noPoints), "n.ipynb", PLAN);
        List<String> keys = s.warnings().stream().map(Message::key).toList();
        assertEquals(List.of("grade.warn.broken-metadata"), keys);
        String en = s.warnings().getFirst().in(Lang.EN);
        assertTrue(en.startsWith("cell 1 has grading metadata that cannot be read") && !en.contains("no grading metadata"), en);
    }
}
