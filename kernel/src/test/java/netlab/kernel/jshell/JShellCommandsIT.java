package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JShell's own commands and netlab's magics in cells of a real engine, as a JShell user types them. An engine of
 * its own: {@code /reset} replaces the agent.
 */
class JShellCommandsIT {

    private static JShellEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .startup(List.of("import netlab.display.*;")).language(Lang.EN).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @AfterEach
    void english() {
        Lang.use(Lang.EN);
        out("%lang en");
    }

    private static String out(String cell) {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome o = engine.execute(cell, io);
        assertInstanceOf(ExecuteOutcome.Success.class, o, () -> cell + " gave " + o + "; printed " + io.out);
        return io.out.toString();
    }

    @Test
    void listingCommandsAnswerAsJShellDoes() {
        Lang.use(Lang.EN);
        out("int port = 7788;\nString echo(String s) { return s; }\nrecord Point(int x, int y) { }\n"
                + "import java.util.concurrent.*;\nString unset;");
        String vars = out("/vars");
        assertTrue(vars.contains("  int port = 7788\n"), vars);
        assertTrue(vars.contains("  String unset = null\n"), vars);
        assertEquals("  String echo(String)\n", out("/methods"));
        assertEquals("  record Point\n", out("/types"));
        String imports = out("/imports");
        assertTrue(imports.contains("  import netlab.display.*\n") && imports.contains("  import java.util.concurrent.*\n"),
                imports);
        String list = out("/list");
        assertTrue(list.contains(" : int port = 7788;") && list.contains(" : record Point(int x, int y) { }"), list);
        assertTrue(!list.contains("netlab.display"), "startup imports are not the student's: " + list);
        assertEquals(out("%vars"), out("/vars"), "% and / spell the same command");
        assertEquals(IsComplete.Status.COMPLETE, engine.isComplete("/vars").status());
    }

    @Test
    void helpListsEveryMagicAndCommandInTheNotebooksLanguage() {
        Lang.use(Lang.EN);
        String help = out("%help");
        for (String name : List.of("%timeout", "%close", "%resources", "%output_limit", "%load", "%%time", "/vars",
                "/methods", "/types", "/imports", "/list", "/reset", "/exit", "%help", "%lsmagic")) {
            assertTrue(help.contains(name), name + " missing from\n" + help);
        }
        assertEquals(help, out("%lsmagic"));
        out("%lang zh"); // the notebook's language, not this JVM's, is what magics speak
        String zh = out("/help");
        assertTrue(zh.contains("列出所有魔法命令和命令") && zh.contains("/vars"), zh);
        RecordingIO io = new RecordingIO();
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute("/frob", io));
        assertTrue(f.evalue().contains("不认识的命令 /frob") && f.evalue().contains("/vars"), f.evalue());
    }

    @Test
    void loadRunsAFileOrAnotherNotebooksCodeCells() throws Exception {
        Lang.use(Lang.EN);
        Path jsh = Files.writeString(dir.resolve("helpers.java"), "package x.y;\nint twice(int n) { return 2 * n; }\n");
        assertTrue(out("%load " + jsh + "\nSystem.out.println(twice(21));").endsWith("42\n"));
        Path nb = Files.writeString(dir.resolve("other.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "%timeout 5\\nint loadedA = 40;"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "int loadedB = loadedA + 2;"}]}""");
        String said = out("%load " + nb);
        assertTrue(said.contains("Loaded " + nb + ": 2 code cells."), said);
        assertEquals("42", out("System.out.print(loadedB)"));

        RecordingIO io = new RecordingIO();
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("%load " + dir.resolve("nothing.jsh"), io));
        assertTrue(f.evalue().contains("there is no such file"), f.evalue());
        for (String special : List.of(dir.toString(), "/dev/null")) {
            ExecuteOutcome.Failure notAFile = assertInstanceOf(ExecuteOutcome.Failure.class,
                    engine.execute("%load " + special, new RecordingIO()));
            assertTrue(notAFile.evalue().contains(special.equals("/dev/null") ? "device, pipe or socket" : "directory"),
                    notAFile.evalue());
        }
        // a notebook cut short: the student's language and what to do, not the JSON parser's English
        out("%lang zh");
        Path cut = Files.writeString(dir.resolve("cut.ipynb"), "{\"cells\": [");
        ExecuteOutcome.Failure broken = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("%load " + cut, new RecordingIO()));
        assertTrue(broken.evalue().contains("不是 netlab 能读的笔记本") && !broken.evalue().contains("Exception"),
                broken.evalue());
        out("%lang en");
    }

    /**
     * What {@code %load} read keeps its own lines: an error in the file names the file's line, and the cell's own
     * lines stay the ones the student sees (they were shifted by the file's length, and an error in the file was
     * called a cell line).
     */
    @Test
    void anErrorNamesTheLoadedFilesLineOrTheCellsOwn() throws Exception {
        Lang.use(Lang.EN);
        Path broken = Files.writeString(dir.resolve("broken.jsh"), "int base = 1;\nint wrong = \"x\";\n");
        ExecuteOutcome.Failure inFile = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("%load " + broken + "\nint after = 2;", new RecordingIO()));
        assertTrue(inFile.traceback().getFirst().startsWith(broken + ", line 2, column 13: "),
                inFile.traceback().toString());
        assertTrue(inFile.traceback().getLast().startsWith("note: " + broken + " ran up to line 1 "),
                inFile.traceback().toString());

        Path helpers = Files.writeString(dir.resolve("helpers.jsh"),
                "int half(int n) {\n    return n / 0;\n}\nint three = 3;\n");
        ExecuteOutcome.Failure inCell = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("%load " + helpers + "\nint a = three;\nint b = \"y\";", new RecordingIO()));
        assertTrue(inCell.traceback().getFirst().startsWith("cell line 3, column 9: "), inCell.traceback().toString());
        assertEquals(Text.in(Lang.EN, "kernel.compile.ran.before.many", 2), inCell.traceback().getLast());

        ExecuteOutcome.Failure thrown = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("%load " + helpers + "\n\nhalf(4);", new RecordingIO()));
        assertEquals(List.of("    at half (" + helpers + ", line 2)", "    at cell line 3"),
                thrown.traceback().stream().filter(l -> l.startsWith("    at ")).toList());

        Path nb = Files.writeString(dir.resolve("cells.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "int fine = 1;"},
                  {"cell_type": "markdown", "metadata": {}, "source": "prose"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "\\nString s = fine;"}]}""");
        ExecuteOutcome.Failure inNotebook = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("%load " + nb, new RecordingIO()));
        assertTrue(inNotebook.traceback().getFirst().startsWith("code cell 2 of " + nb + ", line 2, column 12: "),
                inNotebook.traceback().toString());
    }

    /**
     * A chapter's notebook is tens of kilobytes, most of it prose: all of it arrives (read as a JShell value, it
     * stopped at 21,844 characters and failed).
     */
    @Test
    void loadReadsANotebookOfAChaptersSize() throws Exception {
        Lang.use(Lang.EN);
        String prose = "网络".repeat(30_000); // 180 KB of UTF-8
        Path nb = Files.writeString(dir.resolve("章节.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": "%s"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "int chapterA = 40;"},
                  {"cell_type": "markdown", "metadata": {}, "source": "%s"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "int chapterB = chapterA + 2;"}]}"""
                .formatted(prose, prose));
        assertTrue(Files.size(nb) > 300_000);
        String said = out("%load " + nb);
        assertTrue(said.contains("Loaded " + nb + ": 2 code cells."), said);
        assertEquals("42", out("System.out.print(chapterB)"));
    }

    @Test
    void timeSaysWallAndCpuTime() {
        Lang.use(Lang.EN);
        String said = out("%%time\nlong s = 0; for (int i = 0; i < 50_000_000; i++) s += i;");
        assertTrue(said.matches("(?s)Wall time: [0-9.]+ (µs|ms|s) · CPU time of the Java process running your code: .*\n"),
                said);
    }

    @Test
    void exitAsksTheFrontEndToCloseAndResetStartsAfresh() {
        Lang.use(Lang.EN);
        RecordingIO io = new RecordingIO();
        engine.execute("exit", io);
        assertTrue(io.events.contains("exit"), io.events.toString());
        assertTrue(io.out.toString().contains("jupyter console closes"), io.out.toString());

        out("int survivor = 1;");
        long before = engine.agentPid();
        assertTrue(out("/reset").contains("Reset"));
        assertNotEquals(before, engine.agentPid());
        assertEquals("No variables yet.\n", out("/vars"));
    }
}
