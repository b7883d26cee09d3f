package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/** {@code netlab --help} and {@code netlab COMMAND --help} in the reader's language, for every command. */
class MainHelpTest {

    private static final List<String> COMMANDS = List.of("course", "install", "uninstall", "kernel", "release", "run",
            "validate", "grade");

    @Test
    void everyCommandSaysWhatItDoesAndItsOptionsInChineseAndInEnglish() {
        for (Lang lang : Lang.values()) {
            String usage = lang == Lang.ZH ? "用法：netlab " : "usage: netlab ";
            String help = help(lang, "--help");
            assertTrue(help.startsWith(usage), help);
            for (String command : COMMANDS) {
                String line = help.lines().filter(l -> l.startsWith("  " + command + " ")).findFirst().orElseThrow();
                assertFalse(line.contains("usage." + command), "the summary's key, not its text: " + line);
                String options = help(lang, command, "--help");
                assertTrue(options.startsWith(usage + command), options);
                assertTrue(options.endsWith("\n") && options.lines().count() >= 2, options);
            }
        }
        assertTrue(help(Lang.ZH, "validate", "--help").contains("你的笔记本"));
    }

    private static String help(Lang lang, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Lang.readBy(() -> lang, () -> new Main(Map.of()).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertEquals(0, status);
        return out.toString(StandardCharsets.UTF_8);
    }
}
