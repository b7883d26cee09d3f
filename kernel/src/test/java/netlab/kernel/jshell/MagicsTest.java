package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagicsTest {

    @Test
    void aMagicBeingTypedCompletesToTheMagicsOfItsKind() {
        Magics magics = Magics.standard();
        netlab.kernel.engine.Completion line = magics.complete("%ti", 3).orElseThrow();
        assertEquals(List.of("timeout"), line.matches().stream().map(netlab.kernel.engine.Completion.Match::text).toList());
        assertEquals(1, line.cursorStart());
        netlab.kernel.engine.Completion cell = magics.complete("int x;\n%%ti", 11).orElseThrow();
        assertEquals(List.of("time"), cell.matches().stream().map(netlab.kernel.engine.Completion.Match::text).toList());
        assertEquals(9, cell.cursorStart());
        assertTrue(magics.complete("x % ti", 6).isEmpty(), "Java's remainder");
        assertTrue(magics.complete("%timeout 5", 10).isEmpty(), "an argument");
    }

    @Test
    void leadingPercentLinesAreMagicsAndTheJavaKeepsItsLineNumbers() {
        Magics.Split s = Magics.split("%timeout 10\n\n%output_limit 1MB\nint x = 1;\n%not a magic");
        assertEquals(List.of("timeout 10", "output_limit 1MB"), s.magicLines());
        assertEquals("\n\n\nint x = 1;\n%not a magic", s.code());
        assertEquals("int y;", Magics.split("int y;").code());
    }

    @Test
    void jshellCommandsCellMagicsAndExitAreMagicLinesButCommentsAreJava() {
        assertEquals(List.of("/vars", "/list"), Magics.split("/vars\n/list").magicLines());
        assertEquals(List.of("%time", "timeout 3"), Magics.split("%%time\n%timeout 3\nint x = 1;").magicLines());
        assertEquals(List.of("/exit"), Magics.split(" exit ").magicLines());
        assertEquals(List.of("/exit"), Magics.split("quit()").magicLines());
        assertEquals(List.of(), Magics.split("// a note\n/vars").magicLines());
        assertEquals(List.of(), Magics.split("/* a note */ int x;").magicLines());
        assertEquals(List.of(), Magics.split("int exit = 1;").magicLines());
    }

    @Test
    void loadTakesOneFileNameQuotedOrNot() {
        assertEquals("my file.jsh", LoadMagic.parse(" \"my file.jsh\" "));
        assertEquals("a.java", LoadMagic.parse("a.java"));
        assertThrows(IllegalArgumentException.class, () -> LoadMagic.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> LoadMagic.parse("a\u0000b"));
    }

    @Test
    void loadedNotebooksGiveTheirCodeCellsWithoutTheirMagics() {
        String nb = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": "# Title"},
                  {"cell_type": "code", "metadata": {}, "source": ["%timeout 5\\n", "int a = 1;"], "outputs": []},
                  {"cell_type": "code", "metadata": {}, "source": "/vars", "outputs": []}]}""";
        assertEquals(List.of("\nint a = 1;", ""), LoadMagic.codeCells("x.ipynb", nb),
                "a blank one too: the others keep their numbers");
        assertThrows(IllegalArgumentException.class, () -> LoadMagic.codeCells("x.ipynb", "{}"));
    }

    @Test
    void timesReadLikeAStopwatch() {
        assertEquals("850 µs", TimeCellMagic.format(Duration.ofNanos(850_000)));
        assertEquals("12.3 ms", TimeCellMagic.format(Duration.ofMillis(12).plusNanos(300_000)));
        assertEquals("1.24 s", TimeCellMagic.format(Duration.ofMillis(1240)));
        assertEquals("2 min 5.0 s", TimeCellMagic.format(Duration.ofSeconds(125)));
    }

    @Test
    void timeoutParsesSecondsAndOff() {
        assertEquals(Duration.ofSeconds(10), TimeoutMagic.parse(" 10 "));
        assertEquals(Duration.ofSeconds(3), TimeoutMagic.parse("3s"));
        assertNull(TimeoutMagic.parse("off"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeoutMagic.parse("ten"));
        assertTrue(e.getMessage().contains("\"ten\""), e.getMessage());
    }

    @Test
    void outputLimitParsesSizes() {
        assertEquals(20L * 1024 * 1024, OutputLimitMagic.parse("20MB"));
        assertEquals(500L * 1024, OutputLimitMagic.parse("500 kB"));
        assertEquals(123, OutputLimitMagic.parse("123"));
        assertEquals(Long.MAX_VALUE, OutputLimitMagic.parse("off"));
        assertThrows(IllegalArgumentException.class, () -> OutputLimitMagic.parse("-1MB"));
        assertEquals("5 MB", OutputLimitMagic.format(5L * 1024 * 1024));
        assertEquals("1.5 MB", OutputLimitMagic.format(3L * 512 * 1024));
    }

    @Test
    void closeTakesAPortOrAll() {
        assertEquals(new netlab.agent.Control.ReleasePort(7788), CloseMagic.parse("7788"));
        assertEquals(new netlab.agent.Control.ReleaseAll(), CloseMagic.parse("ALL"));
        assertThrows(IllegalArgumentException.class, () -> CloseMagic.parse("70000"));
        assertThrows(IllegalArgumentException.class, () -> CloseMagic.parse("port"));
    }

    @Test
    void unknownMagicNamesTheKnownOnes() {
        CellLimits limits = new CellLimits();
        MagicContext ctx = new MagicContext(limits, request -> null, key -> key, null, List.of(), new CellPlan(),
                new SessionLanguage(netlab.text.Lang.EN), l -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Magics.standard().run("frobnicate", ctx));
        assertTrue(e.getMessage().contains("%frobnicate") && e.getMessage().contains("%resources"), e.getMessage());
        assertEquals(1, e.getMessage().lines().filter(l -> l.startsWith("  %help")).count(), e.getMessage());
        Magics.standard().run("timeout 7", ctx);
        assertEquals(Duration.ofSeconds(7), limits.timeout());
    }

    /** {@code %threads} for {@code %%threads} (or the reverse) names the one meant, not every magic there is. */
    @Test
    void aMagicOfTheOtherKindIsNamed() {
        MagicContext ctx = new MagicContext(new CellLimits(), request -> null, key -> key, null, List.of(),
                new CellPlan(), new SessionLanguage(netlab.text.Lang.EN), l -> { });
        IllegalArgumentException line = assertThrows(IllegalArgumentException.class,
                () -> Magics.standard().run("threads 500000", ctx));
        assertEquals("There is no magic %threads; you mean %%threads:",
                line.getMessage().lines().findFirst().orElseThrow());
        assertEquals(2, line.getMessage().lines().count(), line.getMessage());
        IllegalArgumentException cell = assertThrows(IllegalArgumentException.class,
                () -> Magics.standard().run("%timeout 5", ctx));
        assertTrue(cell.getMessage().startsWith("There is no magic %%timeout; you mean %timeout:\n  %timeout 10"),
                cell.getMessage());
        for (String ipython : List.of("timeit 1 + 1", "%timeit", "whos", "history", "run Echo.java")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Magics.standard().run(ipython, ctx));
            assertEquals(2, e.getMessage().lines().count(), "IPython's magic names netlab's: " + e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Magics.standard().run("whos", ctx))
                .getMessage().startsWith("There is no magic %whos; you mean %vars:\n  /vars"));
    }
}
