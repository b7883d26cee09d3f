package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course notebooks in {@code ../notebooks}: the committed student notebooks are exactly what {@code netlab
 * release} makes of the teacher sources today, and {@code src/test/python/test_notebooks.py} runs every teacher
 * and student notebook through Debian's nbclient and the kernel built in target/.
 */
class CourseNotebooksIT {

    static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
    static final String JAVA = InstalledKernel.JAVA;
    static final String JAR = InstalledKernel.JAR;

    @TempDir
    static Path prefix;

    static InstalledKernel kernel;

    @BeforeAll
    static void installKernel() throws Exception {
        kernel = InstalledKernel.install(prefix, "netlab-notebooks-it", Map.of("NETLAB_NOTEBOOKS", NOTEBOOKS.toString()));
    }

    @Test
    void committedStudentNotebooksAreTheReleaseOfTheTeacherSources(@TempDir Path out) throws Exception {
        for (String language : List.of("en", "zh")) {
            List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR, "release"));
            List<Path> sources = ipynb(NOTEBOOKS.resolve("teacher").resolve(language));
            assertFalse(sources.isEmpty(), "no teacher notebooks in " + language);
            sources.forEach(p -> command.add(p.toString()));
            command.addAll(List.of("--out", out.resolve(language).toString()));
            InstalledKernel.Result r = kernel.run(command, 120);
            assertEquals(0, r.status(), r.output());
            List<Path> committed = ipynb(NOTEBOOKS.resolve(language));
            assertEquals(names(sources), names(committed), "student notebooks in notebooks/" + language);
            for (Path c : committed) {
                assertArrayEquals(Files.readAllBytes(out.resolve(language).resolve(c.getFileName())), Files.readAllBytes(c),
                        c + " is out of date: run netlab release notebooks/teacher/" + language
                                + "/*.ipynb --out notebooks/" + language + " and commit");
            }
        }
    }

    @Test
    void everyNotebookRunsAndBothLanguagesMatch() throws Exception {
        kernel.unittest("test_notebooks", 1200);
    }

    static List<Path> ipynb(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
