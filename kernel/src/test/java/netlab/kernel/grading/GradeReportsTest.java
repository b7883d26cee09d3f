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
