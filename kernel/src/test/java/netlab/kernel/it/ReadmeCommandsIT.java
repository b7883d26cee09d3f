package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.kernel.grading.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's commands, as written. Every shell block in README.md carries a marker {@code <!-- readme: NAME -->};
 * this test runs the "teach a chapter" blocks in a copy of chapter 1, and checks that every other block is run by
 * the script its marker names (which reads it with {@code scripts/readme-block NAME}) or says why it is not.
 */
class ReadmeCommandsIT {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String CHAPTER = "01-network-and-udp.ipynb";

    /** Blocks run elsewhere, by the file that reads them with scripts/readme-block. */
    static final Map<String, String> RUN_BY = Map.of(
            "two-commands", "scripts/fresh-debian-check",
            "debian12-packages", "scripts/fresh-debian-check",
            "test-packages", ".ci/run",
            "install", "scripts/fresh-debian-check");
    /** Blocks not run by any test here, each with the reason its marker must give. */
    static final Map<String, String> NOT_RUN = Map.of(
            "temurin", "no internet here but Debian's archive and Maven Central; scripts/fresh-debian-check mounts a JDK 25 where it unpacks",
            "classroom", "docker/test.sh",
            "classroom-grading", "docker/test.sh",
            "bench-kernel", "a benchmark",
            "bench-tftp", "a benchmark");
    /** Blocks this test runs. */
    static final List<String> RUN_HERE = List.of("run", "release", "validate", "grade");

    @TempDir
    Path work;

    @Test
    void everyShellBlockIsMarkedAndEveryMarkIsRunOrSaysWhyNot() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        Matcher block = Pattern.compile("(?m)^( *)```sh$").matcher(readme);
        Map<String, String> marks = new LinkedHashMap<>();
        Pattern mark = Pattern.compile("<!-- readme: ([a-z0-9-]+)(?: \\(([^)]*)\\))? -->");
        while (block.find()) {
            String before = readme.substring(0, block.start()).stripTrailing();
            String lastLine = before.substring(before.lastIndexOf('\n') + 1).strip();
            Matcher m = mark.matcher(lastLine);
            assertTrue(m.matches(), "a shell block of README.md without a <!-- readme: NAME --> mark, after: " + lastLine);
            marks.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        for (Map.Entry<String, String> e : marks.entrySet()) {
            String name = e.getKey();
            if (RUN_BY.containsKey(name)) {
                String runner = Files.readString(REPO.resolve(RUN_BY.get(name)));
                assertTrue(Pattern.compile("readme-block\"? " + name + "\\b").matcher(runner).find(),
                        RUN_BY.get(name) + " does not run block " + name);
            } else if (NOT_RUN.containsKey(name)) {
                assertTrue(readme.contains("<!-- readme: " + name + " ("), "block " + name + " must say why it is not run");
            } else {
                assertTrue(RUN_HERE.contains(name), "block " + name + " is run by nothing");
            }
        }
        assertEquals(RUN_HERE.size() + RUN_BY.size() + NOT_RUN.size(), marks.size(), "marks: " + marks.keySet());
    }

    @Test
    void teachAChapterRunsAsWritten() throws Exception {
        Path teacher = Files.createDirectories(work.resolve("notebooks/teacher/en"));
        Files.copy(REPO.resolve("notebooks/teacher/en/" + CHAPTER), teacher.resolve(CHAPTER));
        // ./netlab in the copy is the checkout's launcher
        Path launcher = work.resolve("netlab");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + REPO.resolve("netlab") + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run run = block("run");
        assertEquals(0, run.status, run.output);
        assertTrue(run.output.contains("— all good"), run.output);

        Run release = block("release");
        assertEquals(0, release.status, release.output);
        assertTrue(Files.isRegularFile(work.resolve("release/en/" + CHAPTER)), release.output);

        Run validate = block("validate");
        assertEquals(1, validate.status, "a fresh release is unfinished: " + validate.output);
        assertTrue(validate.output.contains("not answered yet"), validate.output);

        Run grade = block("grade");
        assertEquals(0, grade.status, grade.output);
        String csv = CsvFiles.text(work.resolve("grades/grades.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("alice,")), csv);
        assertTrue(Files.isRegularFile(work.resolve("grades/alice.html")));
        assertTrue(Files.isRegularFile(work.resolve("grades/alice.json")));
    }

    record Run(int status, String output) {
    }

    private Run block(String name) throws Exception {
        String code = exec(List.of(REPO.resolve("scripts/readme-block").toString(), name)).output;
        Run r = exec(List.of("bash", "-c", "set -e\n" + code));
        System.out.printf("README block %s: exit %d%n", name, r.status);
        return r;
    }

    private Run exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timed out: " + command);
        return new Run(p.exitValue(), out);
    }
}
