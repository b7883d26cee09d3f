package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netlab.kernel.grading.Corpus;
import netlab.kernel.grading.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code netlab grade} (the JVM a teacher started, which restarted itself for grading) while it grades:
 * what was graded is written and marked incomplete, the rest is listed, the grading JVM and every agent end, and
 * the temporary files are gone.
 */
class StoppedBatchIT {

    @TempDir
    Path dir;

    /**
     * Whether {@code h} is gone or a zombie (it runs nothing; its parent died and, where a container's first
     * process is {@code sleep}, nobody reaps it, which {@link ProcessHandle#isAlive} counts as alive) within
     * {@code seconds}: a bound, not a timing. The 10 s this used to allow ran out once, for an ordinary user in a
     * loaded Debian 12 container (scripts/fresh-debian-check), with no sign of which process or why.
     */
    private static boolean endsWithin(ProcessHandle h, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!h.isAlive() || zombie(h.pid())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (java.io.IOException e) {
            return true; // gone between the two looks
        }
    }

    @Test
    void aStoppedBatchWritesWhatItGradedAndLeavesNothingBehind() throws Exception {
        GradeCommandIT.Released lesson = GradeCommandIT.writeAndRelease(dir, Corpus.LESSON, Corpus.teacher());
        Path subs = dir.resolve("submissions");
        for (int i = 0; i < 12; i++) {
            Corpus.student(subs, String.format("s%02d", i), lesson.text(),
                    nb -> Corpus.answer(nb, Corpus.CLASS_OF_RIGHT, Corpus.SAME_SUBNET_RIGHT));
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("grades");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "grade",
                subs.toString(), "--source", lesson.teacher().toString(), "--out", out.toString(), "--jobs", "1")
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("[2/12]")) {
                    break;
                }
            }
            List<ProcessHandle> family = p.descendants().toList();
            assertTrue(family.size() >= 2, "the grading JVM and its agents run: " + family);
            p.toHandle().destroy(); // SIGTERM; through the handle, so our end of its output stays open
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), output.toString());
            r.lines().forEach(l -> output.append(l).append('\n'));
            for (ProcessHandle h : family) {
                assertTrue(endsWithin(h, 60), "left running: " + h.pid() + " " + h.info());
            }
        }
        assertTrue(Files.exists(out.resolve("INCOMPLETE.txt")), output.toString());
        List<String> csv = CsvFiles.lines(out.resolve("grades.csv"));
        assertTrue(csv.size() >= 3 && csv.size() < 13, "what was graded, not more: " + csv);
        csv.stream().skip(1).forEach(l -> assertTrue(l.endsWith(",4,6,10"), l));
        String notGraded = CsvFiles.text(out.resolve("not-graded.csv"));
        assertTrue(notGraded.contains("s11/" + Corpus.LESSON + ",grading was stopped before"), notGraded);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("netlab-grading-")).toList(),
                    "temporary files removed");
        }
    }
}
