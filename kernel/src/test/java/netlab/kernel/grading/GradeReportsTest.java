package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code grade} finds of an earlier run in its results directory, read back as GradeReports wrote it. */
class GradeReportsTest {

    @TempDir
    Path dir;

    @Test
    void theStudentsOfAnEarlierRunAreReadBackAsGradeReportsWroteThem() {
        assertEquals("alice", GradeReports.firstCsvField("alice,4,6,10"));
        assertEquals("a,b \"c\"", GradeReports.firstCsvField("\"a,b \"\"c\"\"\",4,6,10"));
        assertEquals("=1+1", GradeReports.firstCsvField("'=1+1,0,0,0"));
        assertEquals("o'neil", GradeReports.firstCsvField("o'neil,0"));
    }

    /**
     * Excel on a Chinese Windows reads a CSV file without a byte-order mark in the system's code page: 张三 became
     * "寮犱笁". Both files start with one, and an earlier run's students are still found to be replaced.
     */
    @Test
    void theClassFilesTellASpreadsheetTheyAreUtf8() throws Exception {
        ExerciseGrade greet = new ExerciseGrade("intro.greet", 2, 2, "graded", "", List.of());
        NotebookGrade graded = new NotebookGrade("张三", "00-introduction.ipynb", "graded", "", List.of(greet),
                List.of(), 1.0, netlab.text.Lang.ZH);
        BatchGrader.Skipped skipped = new BatchGrader.Skipped("李四/笔记.txt", "不是笔记本");
        GradeReports.write(dir, List.of(graded), List.of(skipped), false);
        assertEquals(List.of("student,intro.greet,total", "张三,2,2"), CsvFiles.lines(dir.resolve("grades.csv")));
        assertEquals(List.of("path,reason", "李四/笔记.txt,不是笔记本"),
                CsvFiles.lines(dir.resolve("not-graded.csv")));
        GradeReports.removeWritten(dir, "INCOMPLETE.txt");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** A Chinese feedback page reads as Chinese: the status and its reason joined by a full-width colon. */
    @Test
    void aChinesePageJoinsStatusAndReasonAsChineseDoes() {
        ExerciseGrade timedOut = new ExerciseGrade("intro.greet", 2, 0, "timed out", "答案单元格 15 没能在 5 秒内完成",
                List.of(new CheckResult.CaseResult("greet(\"世界\")", false, "NOT_RUN", 1, 0, "")));
        String page = GradeReports.html("张三", List.of(new NotebookGrade("张三", "00-introduction.ipynb", "graded", "",
                List.of(timedOut), List.of(), 1.0, netlab.text.Lang.ZH)));
        assertTrue(page.contains("<p>超时：答案单元格 15 没能在 5 秒内完成</p>"), page);
        assertTrue(page.contains("<title>张三 的反馈</title>") && page.contains("总分：0 / 2"), page);
    }

    @Test
    void removingAnEarlierRunRemovesItsResultsOnly() throws Exception {
        Files.writeString(dir.resolve("grades.csv"), "student,x,total\nalice,1,1\n\"b,ob\",0,0\n../escape,0,0\n");
        for (String f : List.of("alice.json", "alice.html", "b,ob.json", "not-graded.csv", "INCOMPLETE.txt", "notes.md")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Path outside = Files.writeString(dir.getParent().resolve("escape.json"), "keep");
        GradeReports.removeWritten(dir, "INCOMPLETE.txt");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("notes.md"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.exists(outside), "nothing outside --out");
        Files.delete(outside);
        assertFalse(Files.exists(dir.resolve("grades.csv")));
    }
}
