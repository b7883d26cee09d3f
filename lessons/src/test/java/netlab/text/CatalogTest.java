package netlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    /** The lessons module's catalogue: every area in both languages, every key in both, the same arguments. */
    @Test
    void everyKeyOfThisModuleIsInBothLanguages() throws IOException {
        List<String> problems = Catalog.problemsIn(Path.of("src/main/resources/netlab/text"));
        assertEquals(List.of(), problems);
    }

    /** ... and no sentence that neither the lessons nor the grader's hidden cases say any more. */
    @Test
    void everyKeyOfThisModuleIsSaidSomewhere() throws IOException {
        assertEquals(List.of(), Catalog.unsaidIn(Path.of("src/main/resources/netlab/text"),
                List.of(Path.of("src/main/java"), Path.of("../grader/src"))));
    }

    @Test
    void aKeyIsSaidWholeOrByThePrefixTheCodeCompletes(@TempDir Path dir) throws IOException {
        Path code = Files.createDirectories(dir.resolve("src"));
        Files.writeString(code.resolve("Demo.java"), """
                class Demo {
                    String a = Text.of("demo.said");
                    String b = Text.of("demo.explain." + kind);
                    String c = Text.of("demo." + name + ".usage");
                    String d = Text.of("demo." + command);
                    String e = "demo." + session + "." + type;
                }
                """);
        Path texts = Files.createDirectories(dir.resolve("text"));
        String keys = "demo.said=x\ndemo.explain.null=x\ndemo.timeout.usage=x\ndemo.run=x\n"
                + "demo.timeout.none=x\ndemo.gone.away=x\n";
        Files.writeString(texts.resolve("demo_en.properties"), keys);
        Files.writeString(texts.resolve("demo_zh.properties"), keys);
        assertEquals(List.of("demo.gone.away", "demo.timeout.none"), Catalog.unsaidIn(texts, List.of(code)));
    }

    @Test
    void problemsNameAKeyInOneLanguageAndDifferentArguments(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("demo_en.properties"), "demo.a=one {0}\ndemo.b=two\nother.c=x\n");
        Files.writeString(dir.resolve("demo_zh.properties"), "demo.a=一 {1}\nother.c=叉\n");
        Files.writeString(dir.resolve("lone_en.properties"), "lone.x=x\n");
        List<String> problems = Catalog.problemsIn(dir);
        assertTrue(problems.contains("demo.a: zh refers to [1], en to [0]"), problems.toString());
        assertTrue(problems.contains("demo.b: only in English"), problems.toString());
        assertTrue(problems.contains("other.c: a key of area 'demo' starts with 'demo.'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("lone: needs both")), problems.toString());
    }

    @Test
    void placeholdersPluralsAndNestedMessages() {
        assertEquals("1 byte", Catalog.fill(Lang.EN, "{0|# byte|# bytes}", new Object[] {1}));
        assertEquals("3 bytes", Catalog.fill(Lang.EN, "{0|# byte|# bytes}", new Object[] {3}));
        assertEquals("epoll instance fd 5: watches 1 descriptor", Text.in(Lang.EN, "epoll.caption", 5, 1));
        assertEquals("a {b} c 7 {9}", Catalog.fill(Lang.EN, "a {b} c {0} {9}", new Object[] {7}));
        assertEquals("2 s", Message.of("common.seconds", 2).in(Lang.EN));
        assertEquals("x 2 秒", Catalog.fill(Lang.ZH, "x {0}", new Object[] {Message.of("common.seconds", 2)}));
    }

    @Test
    void anUnknownKeyLosesNothing() {
        assertEquals("nosuch.key 1 two", Text.in(Lang.ZH, "nosuch.key", 1, "two"));
    }

    @Test
    void languageTags() {
        assertEquals(Optional.of(Lang.ZH), Lang.parse("zh-CN"));
        assertEquals(Optional.of(Lang.ZH), Lang.parse("zh_Hans"));
        assertEquals(Optional.of(Lang.EN), Lang.parse("en-US"));
        assertEquals(Optional.empty(), Lang.parse("fr"));
        assertEquals(Optional.empty(), Lang.parse(null));
    }
}
