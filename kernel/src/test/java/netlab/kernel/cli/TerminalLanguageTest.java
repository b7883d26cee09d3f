package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/** Which language the environment asks netlab to speak, whether or not the system has that locale. */
class TerminalLanguageTest {

    @Test
    void theLocaleVariablesNameTheLanguageAsPosixReadsThem() {
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(Map.of("LANG", "zh_CN.UTF-8")));
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(Map.of("LANG", "zh_TW.Big5@stroke")));
        assertEquals(Optional.of(Lang.EN), TerminalLanguage.of(Map.of("LANG", "en_GB.UTF-8")));
        assertEquals(Optional.of(Lang.EN), TerminalLanguage.of(Map.of("LANG", "de_DE.UTF-8")), "neither: English");
        assertEquals(Optional.of(Lang.EN), TerminalLanguage.of(Map.of("LC_ALL", "C.UTF-8", "LANG", "zh_CN.UTF-8")),
                "LC_ALL overrides LANG");
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "C")));
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(Map.of("LC_ALL", "", "LANG", "zh_CN.UTF-8")),
                "an empty variable is not set");
        assertEquals(Optional.empty(), TerminalLanguage.of(Map.of()), "no variable: Java's locale decides");
    }

    @Test
    void chineseOnlyWhereTheOutputCanShowIt() {
        Map<String, String> chinese = Map.of("LANG", "zh_CN.UTF-8");
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(chinese, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(chinese, java.nio.charset.Charset.forName("GB18030")));
        assertEquals(Optional.empty(), TerminalLanguage.of(chinese, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void netlabLangNamesItWhateverTheLocale() {
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(Map.of("NETLAB_LANG", "zh", "LC_ALL", "C.UTF-8")));
        assertEquals(Optional.of(Lang.EN), TerminalLanguage.of(Map.of("NETLAB_LANG", "en", "LANG", "zh_CN.UTF-8")));
        assertEquals(Optional.of(Lang.ZH), TerminalLanguage.of(Map.of("NETLAB_LANG", "klingon", "LANG", "zh_CN")),
                "a name it does not know leaves it to the locale");
    }
}
