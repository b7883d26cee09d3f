package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    static final String KERNEL_NAME = "netlab-notebooks-it";
    static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
    static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String JAR = Path.of("target", "netlab.jar").toAbsolutePath().toString();

    @TempDir
    static Path prefix;

    @BeforeAll
    static void installKernel() throws Exception {
        Result r = run(List.of(JAVA, "-jar", JAR, "install", "--prefix", prefix.toString(), "--name", KERNEL_NAME), 120);
        assertEquals(0, r.status, r.output);
    }

    @Test
    void committedStudentNotebooksAreTheReleaseOfTheTeacherSources(@TempDir Path out) throws Exception {
        for (String language : List.of("en", "zh")) {
            List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR, "release"));
            List<Path> sources = ipynb(NOTEBOOKS.resolve("teacher").resolve(language));
            assertFalse(sources.isEmpty(), "no teacher notebooks in " + language);
            sources.forEach(p -> command.add(p.toString()));
            command.addAll(List.of("--out", out.resolve(language).toString()));
            Result r = run(command, 120);
            assertEquals(0, r.status, r.output);
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
        Result r = run(List.of("/usr/bin/python3", "-m", "unittest", "-v", "test_notebooks"), 1200);
        System.out.println(r.output);
        assertEquals(0, r.status, "test_notebooks failed:\n" + r.output);
    }

    static List<Path> ipynb(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    record Result(int status, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("netlab-notebooks-it", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(PYTHON_TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("NETLAB_KERNEL_NAME", KERNEL_NAME);
        pb.environment().put("NETLAB_NOTEBOOKS", NOTEBOOKS.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
