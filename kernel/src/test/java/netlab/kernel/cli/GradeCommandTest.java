package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedRunIsMarkedIncompleteInTheRunsLanguage() throws Exception {
        Lang.readBy(() -> Lang.ZH, () -> {
            GradeCommand.writeIncomplete(dir, 2, 12);
            return null;
        });
        assertEquals("评分在 12 份提交中评完 2 份后被停止；其余的列在 not-graded.csv 里\n",
                Files.readString(dir.resolve(GradeCommand.INCOMPLETE)));
    }

    @Test
    void theStudentsOfAnEarlierRunAreReadBackAsGradeReportsWroteThem() {
        assertEquals("alice", GradeCommand.firstCsvField("alice,4,6,10"));
        assertEquals("a,b \"c\"", GradeCommand.firstCsvField("\"a,b \"\"c\"\"\",4,6,10"));
        assertEquals("=1+1", GradeCommand.firstCsvField("'=1+1,0,0,0"));
        assertEquals("o'neil", GradeCommand.firstCsvField("o'neil,0"));
    }

    @Test
    void removingAnEarlierRunRemovesItsResultsOnly() throws Exception {
        Files.writeString(dir.resolve("grades.csv"), "student,x,total\nalice,1,1\n\"b,ob\",0,0\n../escape,0,0\n");
        for (String f : List.of("alice.json", "alice.html", "b,ob.json", "not-graded.csv", "INCOMPLETE.txt", "notes.md")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Path outside = Files.writeString(dir.getParent().resolve("escape.json"), "keep");
        GradeCommand.removeEarlierResults(dir);
        try (var left = Files.list(dir)) {
            assertEquals(List.of("notes.md"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.exists(outside), "nothing outside --out");
        Files.delete(outside);
        assertFalse(Files.exists(dir.resolve("grades.csv")));
    }
}
