package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher's mistakes on the command line are usage errors (exit 2) worded from the catalogue in the terminal's
 * language, found before anything runs: never a Java exception's name, never after a chapter ran for nothing.
 */
class UsageMistakesTest {

    @TempDir
    Path dir;

    /** A notebook in Chinese (its metadata says so) with one code cell. */
    private Path zhNotebook() throws Exception {
        return Files.writeString(dir.resolve("ch.ipynb"), """
                {"cells": [{"cell_type": "code", "metadata": {}, "source": ["int x = 1;"], "outputs": [],
                  "execution_count": null}],
                 "metadata": {"netlab": {"language": "zh"}}, "nbformat": 4, "nbformat_minor": 5}
                """);
    }

    @Test
    void aFileThatIsNoNotebookIsAUsageErrorNotAnException() throws Exception {
        Files.writeString(dir.resolve("text.ipynb"), "hello");
        Files.writeString(dir.resolve("json.ipynb"), "{\"a\": 1}");
        Files.writeString(dir.resolve("empty.ipynb"), "");
        for (String name : List.of("text.ipynb", "json.ipynb", "empty.ipynb")) {
            String file = dir.resolve(name).toString();
            for (List<String> args : List.of(List.of("run", file), List.of("validate", file),
                    List.of("release", file, "--out", dir.resolve("out").toString()),
                    List.of("grade", dir.toString(), "--source", file, "--out", dir.resolve("graded").toString()))) {
                for (Lang lang : Lang.values()) {
                    Run r = run(lang, args);
                    assertEquals(2, r.status, r.err);
                    assertFalse(r.err.contains("Exception"), r.err);
                    assertTrue(r.err.contains(lang == Lang.ZH ? "不是笔记本" : "is not a notebook"), r.err);
                    assertTrue(r.err.contains(name), r.err);
                }
            }
        }
        assertFalse(Files.exists(dir.resolve("graded")), "grade read its sources before making --out");
    }

    @Test
    void releaseOutOntoAFileSaysSoBeforeWritingAnything() throws Exception {
        Path source = zhNotebook();
        Files.writeString(dir.resolve("afile"), "x");
        for (Lang lang : Lang.values()) {
            Run r = run(lang, List.of("release", source.toString(), "--out", dir.resolve("afile").toString()));
            assertEquals(2, r.status, r.err);
            assertFalse(r.err.contains("Exception"), r.err);
            assertTrue(r.err.contains(lang == Lang.ZH ? "不是目录" : "is a file, not a directory"), r.err);
            Run g = run(lang, List.of("grade", dir.toString(), "--source", source.toString(), "--out",
                    dir.resolve("afile").toString()));
            assertEquals(2, g.status, g.err);
            assertTrue(g.err.contains(lang == Lang.ZH ? "请为评分结果指定一个目录" : "name a directory for the results"), g.err);
        }
    }

    /** Checked before the chapter runs: found after it, the run was lost. */
    @Test
    void runOutOntoADirectoryIsRefusedBeforeAnythingRuns() throws Exception {
        Path nb = zhNotebook();
        Files.createDirectories(dir.resolve("adir"));
        for (Lang lang : Lang.values()) {
            Run r = run(lang, List.of("run", nb.toString(), "--out", dir.resolve("adir").toString()));
            assertEquals(2, r.status, r.err);
            assertEquals("", r.out, "nothing ran");
            assertTrue(r.err.contains(lang == Lang.ZH ? "是一个目录" : "is a directory"), r.err);
        }
    }

    /**
     * A Chinese notebook run from an English terminal: a bad option is the teacher's, so it is said in the
     * terminal's language, before the notebook's language is taken up and before any agent starts.
     */
    @Test
    void badOptionsAreSaidInTheTerminalsLanguageBeforeTheNotebooksIsTakenUp() throws Exception {
        Path nb = zhNotebook();
        Lang before = Lang.current();
        try {
            for (String command : List.of("run", "validate")) {
                for (String timeout : List.of("abc", "-1", "0")) {
                    Lang.use(Lang.EN);
                    Run r = run(null, List.of(command, nb.toString(), "--timeout", timeout));
                    assertEquals(2, r.status, r.err);
                    assertTrue(r.err.startsWith("netlab " + command + ": --timeout takes seconds"), r.err);
                    assertTrue(r.err.contains("usage: netlab " + command), r.err);
                    assertEquals(Lang.EN, Lang.current(), "the notebook's language is not taken up");
                }
            }
        } finally {
            Lang.use(before);
        }
    }

    @Test
    void aShortOptionIsAnUnknownOptionNotASecondNotebook() throws Exception {
        Path nb = zhNotebook();
        for (Lang lang : Lang.values()) {
            Run r = run(lang, List.of("run", nb.toString(), "-t", "5"));
            assertEquals(2, r.status, r.err);
            assertTrue(r.err.startsWith("netlab run: " + (lang == Lang.ZH ? "没有选项 -t" : "unknown option -t")),
                    r.err);
            assertTrue(r.err.contains(lang == Lang.ZH ? "用法：netlab run" : "usage: netlab run"), r.err);
        }
    }

    @Test
    void anOptionBeforeTheCommandSaysOptionsGoAfterIt() throws Exception {
        for (Lang lang : Lang.values()) {
            Run r = run(lang, List.of("--jobs", "1", "grade", "subs"));
            assertEquals(2, r.status, r.err);
            assertFalse(r.err.contains("unknown command") || r.err.contains("未知命令"), r.err);
            assertTrue(r.err.contains(lang == Lang.ZH ? "选项要写在命令之后" : "options go after the command"), r.err);
            assertTrue(r.err.contains("netlab grade"), r.err);
        }
    }

    /** Pattern of an English placeholder in a Chinese sentence: the Chinese help calls them 目录, 课程, 值... */
    static final java.util.regex.Pattern ENGLISH_PLACEHOLDER =
            java.util.regex.Pattern.compile("\\b(DIR|VALUE|LESSON|SUBMISSIONS|FILE|NOTEBOOK|SOURCE)\\b");

    /** "请用 --out DIR 指定…" beside a help that says "--out 目录": one word for one thing in each language. */
    @Test
    void chineseSentencesNameWhatToTypeAsTheChineseHelpDoes() throws Exception {
        for (String bundle : List.of("cli", "teacher", "usage")) {
            java.util.Properties zh = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/netlab/text/" + bundle + "_zh.properties")) {
                zh.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : zh.stringPropertyNames()) {
                String text = zh.getProperty(key);
                assertFalse(ENGLISH_PLACEHOLDER.matcher(text).find(), key + "=" + text);
            }
        }
    }

    private record Run(int status, String out, String err) {
    }

    /** Runs {@code netlab ARGS} read by {@code lang}, or by {@link Lang#current} when null. */
    private static Run run(Lang lang, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = lang == null ? new Main(Map.of()).run(new ArrayList<>(args), o, e)
                : Lang.readBy(() -> lang, () -> new Main(Map.of()).run(new ArrayList<>(args), o, e));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
