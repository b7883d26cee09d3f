package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.kernel.notebook.Cell;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course notebooks in {@code ../notebooks}, as CI keeps them: the committed student notebooks are exactly what
 * {@code netlab release} makes of the teacher sources; every teacher notebook runs with {@code netlab run} with
 * every cell and every check passing; every student notebook runs with every exercise "not answered yet" and
 * nothing broken; the teacher solutions earn every point of the hidden cases under {@code netlab grade} (so the
 * reference answers live only in notebooks/tools/chNN.py); and {@code src/test/python/test_notebooks.py} runs one
 * chapter and the interrupt lesson through Debian's nbclient and checks nbformat and the en/zh parity.
 */
class CourseNotebooksIT {

    static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
    static final String JAVA = InstalledKernel.JAVA;
    static final String JAR = InstalledKernel.JAR;
    static final List<String> LANGUAGES = List.of("en", "zh");
    /** A progress line of {@code netlab run} in {@code lang} for a cell that did not end "ok" (nor was empty). */
    static Pattern notOk(Lang lang) {
        String empty = Text.in(lang, "cli.cell.empty", 1, 1, 1).replaceFirst("^\\[1/1\\] \\S+ 1 ", "");
        return Pattern.compile("(?m)^\\[\\d+/\\d+\\] \\S+ \\d+ (?!" + Pattern.quote(Text.in(lang, "cli.status.ok"))
                + "|" + Pattern.quote(empty) + ")");
    }

    /** A cell's progress line "ok, ID n/m passed" (or the key's other ending) in {@code lang}; n, m any numbers. */
    static Pattern checkLine(Lang lang, String key, String id, String passed, String total) {
        String text = Pattern.quote(Text.in(lang, "cli.status.more", Text.in(lang, "cli.status.ok"),
                Text.in(lang, key, id, "\u0001", "\u0002")));
        return Pattern.compile("\\] \\S+ \\d+ " + text.replace("\u0001", "\\E" + passed + "\\Q")
                .replace("\u0002", "\\E" + total + "\\Q"));
    }

    /** What follows the first argument of {@code key}'s text in {@code lang}: the end of a summary line. */
    static String after(Lang lang, String key, Object... rest) {
        Object[] args = new Object[rest.length + 1];
        args[0] = "\u0001";
        System.arraycopy(rest, 0, args, 1, rest.length);
        String text = Text.in(lang, key, args);
        return text.substring(text.indexOf('\u0001') + 1);
    }

    static Lang languageOf(HeadlessRuns.Run r) {
        return r.executed().language().orElse(Lang.EN);
    }

    /** Fails when a Chinese run showed an English sentence of the catalogue, in its terminal or its notebook. */
    static void noEnglishIfChinese(HeadlessRuns.Run r) throws IOException {
        if (languageOf(r) != Lang.ZH) {
            return;
        }
        CatalogEnglish english = CatalogEnglish.load();
        english.find(r.output()).ifPresent(s -> fail("English in the output of a Chinese notebook: " + s + "\n"
                + r.where()));
        for (Cell c : r.executed().cells()) {
            english.find(c.outputs().toString()).ifPresent(s -> fail("English in " + r.notebook() + " cell "
                    + c.id().orElse("?") + ": " + s));
        }
    }

    @TempDir
    static Path prefix;

    static InstalledKernel kernel;

    @BeforeAll
    static void installKernel() throws Exception {
        kernel = InstalledKernel.install(prefix, "netlab-notebooks-it", Map.of("NETLAB_NOTEBOOKS", NOTEBOOKS.toString()));
    }

    /**
     * The generators {@code notebooks/tools/chNN.py} are the one source of the teacher notebooks: each makes exactly
     * the committed files, so an edit made to a notebook in JupyterLab fails here instead of being lost at the next
     * generation.
     */
    @Test
    void committedTeacherNotebooksAreWhatTheirGeneratorsMake(@TempDir Path out) throws Exception {
        List<Path> generators;
        try (Stream<Path> s = Files.list(NOTEBOOKS.resolve("tools"))) {
            generators = s.filter(p -> p.getFileName().toString().matches("ch\\d+\\.py")).sorted().toList();
        }
        assertFalse(generators.isEmpty(), "no generators in notebooks/tools");
        for (String language : LANGUAGES) {
            Files.createDirectories(out.resolve("teacher").resolve(language));
        }
        for (Path generator : generators) {
            Process p = new ProcessBuilder("/usr/bin/python3", generator.getFileName().toString(), out.toString())
                    .directory(generator.getParent().toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), generator + " failed:\n" + output);
        }
        for (String language : LANGUAGES) {
            List<Path> committed = ipynb(NOTEBOOKS.resolve("teacher").resolve(language));
            assertEquals(names(ipynb(out.resolve("teacher").resolve(language))), names(committed),
                    "teacher notebooks in notebooks/teacher/" + language + " without a generator, or the reverse");
            for (Path c : committed) {
                assertArrayEquals(Files.readAllBytes(out.resolve("teacher").resolve(language).resolve(c.getFileName())),
                        Files.readAllBytes(c), c + " differs from what notebooks/tools makes: edit the chapter's "
                                + "generator (not the notebook), run cd notebooks/tools && /usr/bin/python3 chNN.py .. "
                                + "and commit both");
            }
        }
    }

    @Test
    void committedStudentNotebooksAreTheReleaseOfTheTeacherSources(@TempDir Path out) throws Exception {
        for (String language : LANGUAGES) {
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
    void everyTeacherNotebookRunsWithEveryCellAndEveryCheckPassing(@TempDir Path out) throws Exception {
        List<Path> teacher = inLanguages("teacher");
        for (HeadlessRuns.Run r : HeadlessRuns.run(kernel, teacher, NOTEBOOKS, out)) {
            List<String> ids = r.checkedExercises();
            assertEquals(0, r.status(), r.where());
            Lang lang = languageOf(r);
            for (String id : ids) {
                assertTrue(checkLine(lang, "cli.status.check.passed", id, "(\\d+)", "\\1").matcher(r.output()).find(),
                        id + " did not pass in " + r.where());
            }
            assertTrue(r.output().contains(after(lang, "cli.summary.good", 0, ids.size(), ids.size())), r.where());
            noEnglishIfChinese(r);
            for (Cell c : r.executed().cells()) {
                assertFalse(c.isCode() && c.outputs().toString().contains("\"output_type\":\"error\""),
                        r.notebook() + " cell " + c.id().orElse("?") + " has an error output:\n" + c.outputs());
            }
        }
    }

    /**
     * A fresh student notebook: {@code netlab run} exits 1 (every cell ran, checks did not pass), not 3 (a cell
     * failed), and says "not answered yet" for every exercise; no stack trace, no timeout, no lost agent.
     */
    @Test
    void everyStudentNotebookRunsWithEveryExerciseNotAnsweredYet(@TempDir Path out) throws Exception {
        List<Path> student = inLanguages("");
        for (HeadlessRuns.Run r : HeadlessRuns.run(kernel, student, NOTEBOOKS, out)) {
            List<String> ids = r.checkedExercises();
            assertFalse(ids.isEmpty(), "no check cells in " + r.notebook());
            assertEquals(1, r.status(), "1: the checks did not pass, but every cell ran\n" + r.where());
            Lang lang = languageOf(r);
            assertTrue(r.output().contains(after(lang, "cli.summary", 0, 0, ids.size()) + "\n"), r.where());
            for (String id : ids) {
                assertTrue(checkLine(lang, "cli.status.check.not.answered", id, "0", "\\d+").matcher(r.output()).find(),
                        id + " is not reported 'not answered' in " + r.where());
            }
            String notAnswered = Text.in(lang, "check.summary.not.answered", "\u0001");
            assertEquals(ids.size(), count(r.output(), notAnswered.substring(0, notAnswered.indexOf('\u0001'))),
                    r.where());
            assertFalse(notOk(lang).matcher(r.output()).find(), "a cell that failed, timed out or lost its agent: "
                    + r.where());
            noEnglishIfChinese(r);
            for (String trace : List.of("\tat ", "Exception in thread")) {
                assertFalse(r.output().contains(trace), "a stack trace in " + r.where());
            }
        }
    }

    /** The teacher solutions are the reference answers: graded with the hidden cases, they earn every point. */
    @Test
    void theTeacherSolutionsEarnEveryPointOfTheHiddenCases(@TempDir Path dir) throws Exception {
        List<Path> chapters = ipynb(NOTEBOOKS.resolve("teacher").resolve("en")); // zh has the same code (Parity)
        List<InstalledKernel.Result> grades = HeadlessRuns.inParallel(chapters.stream().<Callable<InstalledKernel.Result>>map(
                chapter -> () -> grade(chapter, dir.resolve(chapter.getFileName().toString()))).toList());
        for (int i = 0; i < chapters.size(); i++) {
            Path chapter = chapters.get(i);
            InstalledKernel.Result r = grades.get(i);
            assertEquals(0, r.status(), chapter + ":\n" + r.output());
            JsonObject report = JsonParser.parseString(Files.readString(
                    dir.resolve(chapter.getFileName().toString()).resolve("grades").resolve("teacher.json")))
                    .getAsJsonObject();
            String text = report.toString();
            assertTrue(report.get("possible").getAsDouble() > 0, text);
            assertEquals(report.get("possible").getAsDouble(), report.get("score").getAsDouble(), chapter + ": " + text);
            for (JsonElement e : report.getAsJsonArray("notebooks").get(0).getAsJsonObject().getAsJsonArray("exercises")) {
                JsonObject exercise = e.getAsJsonObject();
                long hidden = exercise.getAsJsonArray("cases").asList().stream()
                        .filter(c -> c.getAsJsonObject().get("hidden").getAsBoolean()).count();
                String id = exercise.get("exercise").getAsString();
                // a prediction has one right value and no hidden case; every other exercise runs some when graded
                assertEquals(netlab.exercise.Exercises.find(id).hiddenCaseCount(), hidden, id + " ran "
                        + hidden + " hidden cases: " + exercise);
            }
        }
    }

    @Test
    void oneChapterAndTheInterruptLessonRunThroughNbclientAndBothLanguagesMatch() throws Exception {
        kernel.unittest("test_notebooks", 600);
    }

    /** {@code netlab grade} of {@code chapter} submitted as is by a student called "teacher". */
    static InstalledKernel.Result grade(Path chapter, Path dir) throws Exception {
        Path submission = dir.resolve("submissions").resolve("teacher").resolve(chapter.getFileName());
        Files.createDirectories(submission.getParent());
        Files.copy(chapter, submission);
        long start = System.nanoTime();
        InstalledKernel.Result r = kernel.run(List.of(JAVA, "-jar", JAR, "grade", dir.resolve("submissions").toString(),
                "--source", chapter.toString(), "--out", dir.resolve("grades").toString(), "--jobs", "1"), 300);
        System.out.printf("netlab grade %-43s %5.1f s  exit %d%n", NOTEBOOKS.relativize(chapter),
                (System.nanoTime() - start) / 1e9, r.status());
        return r;
    }

    /** The notebooks of {@code tree} ("teacher" or "" for the student ones) in every language, en first. */
    static List<Path> inLanguages(String tree) throws IOException {
        List<Path> all = new ArrayList<>();
        for (String language : LANGUAGES) {
            List<Path> found = ipynb(NOTEBOOKS.resolve(tree).resolve(language));
            assertFalse(found.isEmpty(), "no notebooks in " + NOTEBOOKS.resolve(tree).resolve(language));
            all.addAll(found);
        }
        return all;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
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
