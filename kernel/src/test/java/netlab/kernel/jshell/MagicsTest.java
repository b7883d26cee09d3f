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
    void leadingPercentLinesAreMagicsAndTheJavaKeepsItsLineNumbers() {
        Magics.Split s = Magics.split("%timeout 10\n\n%output_limit 1MB\nint x = 1;\n%not a magic");
        assertEquals(List.of("timeout 10", "output_limit 1MB"), s.magicLines());
        assertEquals("\n\n\nint x = 1;\n%not a magic", s.code());
        assertEquals("int y;", Magics.split("int y;").code());
    }

    @Test
    void timeoutParsesSecondsAndOff() {
        assertEquals(Duration.ofSeconds(10), TimeoutMagic.parse(" 10 ", netlab.text.Lang.EN));
        assertEquals(Duration.ofSeconds(3), TimeoutMagic.parse("3s", netlab.text.Lang.EN));
        assertNull(TimeoutMagic.parse("off", netlab.text.Lang.EN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeoutMagic.parse("ten", netlab.text.Lang.EN));
        assertTrue(e.getMessage().contains("\"ten\""), e.getMessage());
    }

    @Test
    void outputLimitParsesSizes() {
        assertEquals(20L * 1024 * 1024, OutputLimitMagic.parse("20MB", netlab.text.Lang.EN));
        assertEquals(500L * 1024, OutputLimitMagic.parse("500 kB", netlab.text.Lang.EN));
        assertEquals(123, OutputLimitMagic.parse("123", netlab.text.Lang.EN));
        assertEquals(Long.MAX_VALUE, OutputLimitMagic.parse("off", netlab.text.Lang.EN));
        assertThrows(IllegalArgumentException.class, () -> OutputLimitMagic.parse("-1MB", netlab.text.Lang.EN));
        assertEquals("5 MB", OutputLimitMagic.format(5L * 1024 * 1024));
        assertEquals("1.5 MB", OutputLimitMagic.format(3L * 512 * 1024));
    }

    @Test
    void closeTakesAPortOrAll() {
        assertEquals("7788", CloseMagic.parse("7788", netlab.text.Lang.EN));
        assertEquals("all", CloseMagic.parse("ALL", netlab.text.Lang.EN));
        assertThrows(IllegalArgumentException.class, () -> CloseMagic.parse("70000", netlab.text.Lang.EN));
        assertThrows(IllegalArgumentException.class, () -> CloseMagic.parse("port", netlab.text.Lang.EN));
    }

    @Test
    void unknownMagicNamesTheKnownOnes() {
        CellLimits limits = new CellLimits();
        MagicContext ctx = new MagicContext(limits, () -> new String[0], w -> new String[0],
                new SessionLanguage(netlab.text.Lang.EN), lang -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Magics.standard().run("frobnicate", ctx));
        assertTrue(e.getMessage().contains("%frobnicate") && e.getMessage().contains("%resources"), e.getMessage());
        Magics.standard().run("timeout 7", ctx);
        assertEquals(Duration.ofSeconds(7), limits.timeout());
    }

    @Test
    void langMagicSwitchesAndRefusesOtherLanguages() {
        SessionLanguage language = new SessionLanguage(netlab.text.Lang.ZH);
        java.util.List<netlab.text.Lang> told = new java.util.ArrayList<>();
        MagicContext ctx = new MagicContext(new CellLimits(), () -> new String[0], w -> new String[0], language,
                lang -> { language.set(lang); told.add(lang); });
        assertEquals("现在用中文显示提示和说明（%lang en 切换成英文）。\n", Magics.standard().run("lang", ctx));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Magics.standard().run("lang fr", ctx));
        assertEquals("%lang 需要 zh 或 en，但收到的是 “fr”。", e.getMessage());
        assertEquals("Messages are in English from now on.\n", Magics.standard().run("lang en", ctx));
        assertEquals(java.util.List.of(netlab.text.Lang.EN), told);
    }
}
