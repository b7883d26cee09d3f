package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import netlab.text.Lang;

class BatchGraderTest {

    static final List<String> LESSONS = List.of("01.ipynb");

    @TempDir
    Path dir;

    private static List<Path> students(Path subs, Path results) throws Exception {
        return BatchGrader.roster(subs, results, LESSONS).students().stream().map(BatchGrader.Student::dir).toList();
    }

    @Test
    void theResultsDirectoryAmongTheSubmissionsIsNoStudent() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Path bob = Files.createDirectories(subs.resolve("bob"));
        Path alice = Files.createDirectories(subs.resolve("alice"));
        Path graded = Files.createDirectories(subs.resolve("graded"));
        assertEquals(List.of(alice, bob), students(subs, graded));
        // named another way (relative, with a dot segment) it is still the same directory
        Path relative = Path.of("").toAbsolutePath().relativize(subs.resolve("alice/../graded"));
        assertEquals(List.of(alice, bob), students(subs, relative));
    }

    @Test
    void resultsElsewhereHideNoStudent() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Path graded = Files.createDirectories(subs.resolve("graded"));
        Path alice = Files.createDirectories(subs.resolve("alice"));
        Path elsewhere = Files.createDirectories(dir.resolve("grades"));
        assertEquals(List.of(alice, graded), students(subs, elsewhere));
        assertEquals(List.of(alice, graded), students(subs, dir.resolve("not-made-yet")));
    }

    @Test
    void everythingNotGradedIsListedWithWhy() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Path alice = Files.createDirectories(subs.resolve("alice"));
        Files.writeString(alice.resolve("01 (1).ipynb"), "{}");
        Files.createDirectories(subs.resolve(".carol"));
        Files.writeString(subs.resolve("01.ipynb"), "{}");
        Files.writeString(subs.resolve("notes.txt"), "not a student");
        Files.createSymbolicLink(subs.resolve("mallory"), alice);
        Files.createDirectories(subs.resolve("Jose\u0301"));   // NFD, as a Mac writes it
        Files.createDirectories(subs.resolve("Jos\u00e9"));    // NFC
        BatchGrader.Roster r = BatchGrader.roster(subs, dir.resolve("out"), LESSONS);
        assertEquals(List.of("Jos\u00e9", "Jos\u00e9 (2)", "alice"), r.students().stream().map(BatchGrader.Student::name).toList());
        List<String> skipped = r.skipped().stream().map(BatchGrader.Skipped::path).toList();
        assertEquals(List.of(".carol/", "01.ipynb", "Jos\u00e9/", "alice/01 (1).ipynb", "mallory", "notes.txt"),
                skipped.stream().sorted().toList().stream().map(s -> s.replace("Jose\u0301", "Jos\u00e9")).toList());
        r.skipped().forEach(s -> assertEquals(true, s.reason().contains(":"), s.toString()));
    }

    /** A Chinese teacher's terminal (-Dnetlab.lang=zh or a zh locale) reads why in Chinese, each reason its own. */
    @Test
    void whyNotGradedIsInTheTeachersLanguage() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Files.writeString(Files.createDirectories(subs.resolve("alice")).resolve("01 (1).ipynb"), "{}");
        Files.createDirectories(subs.resolve(".carol"));
        Files.writeString(subs.resolve("01.ipynb"), "{}");
        Files.writeString(subs.resolve("notes.txt"), "not a student");
        Lang before = Lang.current();
        try {
            Lang.use(Lang.ZH);
            List<String> zh = BatchGrader.roster(subs, dir.resolve("out"), LESSONS).skipped().stream()
                    .map(BatchGrader.Skipped::reason).toList();
            Lang.use(Lang.EN);
            List<String> en = BatchGrader.roster(subs, dir.resolve("out"), LESSONS).skipped().stream()
                    .map(BatchGrader.Skipped::reason).toList();
            assertEquals(4, zh.size(), zh.toString());
            assertEquals(4, zh.stream().distinct().count(), zh.toString());
            for (int i = 0; i < zh.size(); i++) {
                assertTrue(zh.get(i).matches("(?s).*\\p{IsHan}.*"), zh.get(i));
                assertFalse(en.get(i).matches("(?s).*\\p{IsHan}.*"), en.get(i));
            }
        } finally {
            Lang.use(before);
        }
    }

    /** The audit's javac StackOverflowError escaped one submission's grading and ended the batch with every grade. */
    @Test
    void anErrorGradingOneSubmissionIsThatSubmissionsGrade() {
        SourcePlan plan = new SourcePlan(List.of(), java.util.Map.of("a", 3.0, "b", 2.0), Lang.ZH);
        BatchGrader.Lesson lesson = new BatchGrader.Lesson("01.ipynb", plan, Lang.ZH);
        List<String> teacher = new java.util.ArrayList<>();
        for (Throwable t : List.of(new StackOverflowError(), new InternalError("Exception during parse"),
                new IllegalStateException("x"), new OutOfMemoryError("Java heap space"))) {
            NotebookGrade g = BatchGrader.guarded("mallory", lesson, teacher::add, () -> {
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            });
            assertEquals("error", g.status());
            assertEquals(0, g.score());
            assertEquals(5, g.possible());
            assertEquals(netlab.text.Text.in(Lang.ZH, "grade.grader-problem"), g.reason());
        }
        assertEquals(4, teacher.size());
        assertTrue(teacher.getFirst().startsWith("mallory/01.ipynb") && teacher.getFirst().contains("StackOverflowError"),
                teacher.getFirst());
        assertTrue(teacher.getLast().contains("-Xmx"), "an OOM of the grading JVM says what to do: " + teacher.getLast());
    }
}
