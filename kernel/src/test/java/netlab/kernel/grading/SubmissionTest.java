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

    /** The audit's duplicated slow answer: 1,000 copies each near the step limit held a grading slot for hours. */
    @Test
    void tooManyCopiesOfAnAnswerAreRefusedSayingWhatToDo() throws Exception {
        String[] copies = new String[Submission.MAX_CELLS_PER_ANSWER + 1];
        java.util.Arrays.fill(copies, answer("a-answer", "Thread.sleep(4500);"));
        Submission.Rejected r = org.junit.jupiter.api.Assertions.assertThrows(Submission.Rejected.class,
                () -> Submission.read(notebook(copies), "n.ipynb", PLAN));
        assertEquals("grade.too-many-cells", r.reason().key());
        assertTrue(r.reason().in(Lang.EN).contains("21 cells carrying answer a-answer"), r.reason().in(Lang.EN));
        java.util.Arrays.fill(copies, 1, copies.length, answer("a-answer", "int a = 1;"));
        assertEquals(21, copies.length);
        String[] allowed = java.util.Arrays.copyOf(copies, Submission.MAX_CELLS_PER_ANSWER);
        assertEquals(20, Submission.read(notebook(allowed), "n.ipynb", PLAN).answers().get("a-answer").size());
    }

    @Test
    void tooManyAnswerCellsInAllAreRefused() throws Exception {
        List<SourcePlan.Step> steps = new java.util.ArrayList<>();
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            steps.add(new SourcePlan.Answer("a" + i, "e" + i));
            for (int c = 0; c < 19; c++) {
                cells.add(answer("a" + i, "int a = 1;"));
            }
        }
        SourcePlan plan = new SourcePlan(steps, Map.of(), Lang.EN);
        Submission.Rejected r = org.junit.jupiter.api.Assertions.assertThrows(Submission.Rejected.class,
                () -> Submission.read(notebook(cells.toArray(String[]::new)), "n.ipynb", plan));
        assertEquals("grade.too-many-answers", r.reason().key());
    }

    @Test
    void aSubmissionsBudgetIsEveryStepOnceAtItsLimitAndEveryCase() {
        GradingLimits limits = new GradingLimits(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1),
                "256m", 1000);
        assertEquals(java.time.Duration.ofSeconds(5 * (10 + 2) + 30), limits.budget(10, 30));
    }
}
