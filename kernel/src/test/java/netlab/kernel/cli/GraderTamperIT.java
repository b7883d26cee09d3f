package netlab.kernel.cli;

import static netlab.kernel.cli.GradeCommandIT.netlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.kernel.grading.Attacks;
import netlab.kernel.grading.Corpus;
import netlab.kernel.grading.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions whose answers attack the grader from inside the grading agent ({@link Attacks}): the hidden-case
 * API, reflection on the grader's classes, StackWalker to reach the checking objects, the grader's jar on disk.
 * Each falls back to an answer fitted to the public cases, and must score exactly what that answer deserves.
 */
class GraderTamperIT {

    @TempDir
    Path dir;

    @Test
    void attacksFromInsideTheAgentGainNothing() throws Exception {
        GradeCommandIT.Released lesson = GradeCommandIT.writeAndRelease(dir, Corpus.LESSON, Corpus.teacher());
        Path teacher = lesson.teacher();
        String released = lesson.text();
        // a copy of the grader's jar where people leave builds: in the temp directory (this test's directory is
        // one there), outside anything grade is told of
        Path graderJar = GraderJar.locate().orElseThrow().toAbsolutePath();
        Files.copy(graderJar, Files.createDirectories(dir.resolve("build")).resolve("netlab-grader.jar"));
        Path subs = dir.resolve("submissions");
        List<String> attacks = List.of("calls-hidden-api", "reflects-on-grader", "grabs-the-checker", "reads-grader-jar",
                "reads-grader-jar-by-path");
        List<String> answers = List.of(Attacks.CALLS_HIDDEN_API, Attacks.REFLECTS_ON_GRADER, Attacks.GRABS_THE_CHECKER,
                Attacks.READS_GRADER_JAR, Attacks.readsGraderJarAt(graderJar.getParent()));
        for (int i = 0; i < attacks.size(); i++) {
            String answer = answers.get(i);
            Corpus.student(subs, attacks.get(i), released, nb -> Corpus.answer(nb, answer, Corpus.SAME_SUBNET_RIGHT));
        }
        Corpus.student(subs, "fitted", released, nb -> Corpus.answer(nb, Corpus.CLASS_OF_FITTED, Corpus.SAME_SUBNET_RIGHT));

        Path out = dir.resolve("grades");
        GradeCommandIT.Run r = netlab("grade", subs.toString(), "--source", teacher.toString(), "--out", out.toString(),
                "--jobs", "2");
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("agents run sandboxed"), r.out() + r.err());
        List<String> csv = CsvFiles.lines(out.resolve("grades.csv"));
        for (String student : attacks) {
            String row = csv.stream().filter(l -> l.startsWith(student + ",")).findFirst().orElseThrow();
            // the fitted answer's due: 6 of 7 cases of 4 points, all of the other exercise
            assertEquals(student + ",3.43,6,9.43", row, "an attack changed the score:\n" + String.join("\n", csv)
                    + "\n" + Files.readString(out.resolve(student + ".json")));
            assertFalse(Files.readString(out.resolve(student + ".json")).contains("could not be loaded"));
        }
        assertEquals("fitted,3.43,6,9.43", csv.stream().filter(l -> l.startsWith("fitted,")).findFirst().orElseThrow());
    }
}
