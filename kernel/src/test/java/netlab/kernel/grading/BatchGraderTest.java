package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchGraderTest {

    @TempDir
    Path dir;

    @Test
    void theResultsDirectoryAmongTheSubmissionsIsNoStudent() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Path bob = Files.createDirectories(subs.resolve("bob"));
        Path alice = Files.createDirectories(subs.resolve("alice"));
        Files.createDirectories(subs.resolve(".ipynb_checkpoints"));
        Files.writeString(subs.resolve("notes.txt"), "not a student");
        Path graded = Files.createDirectories(subs.resolve("graded"));
        assertEquals(List.of(alice, bob), BatchGrader.students(subs, graded));
        // named another way (relative, with a dot segment) it is still the same directory
        Path relative = Path.of("").toAbsolutePath().relativize(subs.resolve("alice/../graded"));
        assertEquals(List.of(alice, bob), BatchGrader.students(subs, relative));
    }

    @Test
    void resultsElsewhereHideNoStudent() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Path graded = Files.createDirectories(subs.resolve("graded"));
        Path alice = Files.createDirectories(subs.resolve("alice"));
        Path elsewhere = Files.createDirectories(dir.resolve("grades"));
        assertEquals(List.of(alice, graded), BatchGrader.students(subs, elsewhere));
        assertEquals(List.of(alice, graded), BatchGrader.students(subs, dir.resolve("not-made-yet")));
    }
}
