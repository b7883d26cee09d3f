package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/**
 * The Chinese javadoc ({@link LessonsJavadoc#CHINESE}) against the sources: every text belongs to a documented
 * class or member, every lessons class and every {@code Class.member(...)} the Chinese chapters call has one, and a
 * Chinese session shows it above the English.
 */
class LessonsJavadocZhTest {

    private static final LessonsJavadoc DOCS = LessonsJavadoc.on(EngineOptions.defaults().studentClasspath());
    private static final Path CHAPTERS = Path.of("..", "notebooks", "teacher", "zh");
    private static final Pattern CALL = Pattern.compile("\\b([A-Z]\\w*)\\.([a-z]\\w*)\\s*\\(");
    private static final Pattern NAME = Pattern.compile("\\b([A-Z]\\w*)\\b");

    @Test
    void everyChineseTextBelongsToADocumentedElement() {
        Map<String, String> zh = DOCS.chineseTexts();
        assertTrue(zh.size() >= 60, "only " + zh.size() + " Chinese texts");
        Set<String> stale = new TreeSet<>();
        zh.forEach((key, text) -> {
            String qualified = key.split("#", 2)[0];
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            Set<String> documented = DOCS.classNames().contains(qualified) ? DOCS.comments(qualified).keySet() : Set.of();
            boolean found = key.contains("#")
                    ? documented.stream().anyMatch(k -> k.startsWith(simple + key.substring(qualified.length()) + "(")
                            || k.equals(simple + key.substring(qualified.length())))
                    : documented.contains(simple);
            if (!found || !text.contains("示例")) {
                stale.add(key + (found ? ": no 示例 (example)" : ": no such documented class or member"));
            }
        });
        assertEquals(Set.of(), stale);
    }

    @Test
    void everyLessonsClassAndCallOfTheChineseChaptersHasChineseJavadoc() throws IOException {
        Map<String, String> simpleToQualified = new java.util.HashMap<>();
        DOCS.classNames().forEach(q -> simpleToQualified.put(q.substring(q.lastIndexOf('.') + 1), q));
        Set<String> missing = new TreeSet<>();
        for (String code : codeCells()) {
            Matcher call = CALL.matcher(code);
            while (call.find()) {
                String q = simpleToQualified.get(call.group(1));
                if (q != null && course(q) && documented(q, call.group(2))) {
                    need(q + "#" + call.group(2), missing);
                }
            }
            Matcher name = NAME.matcher(code);
            while (name.find()) {
                String q = simpleToQualified.get(name.group(1));
                if (q != null && course(q) && DOCS.comments(q).containsKey(name.group(1))) {
                    need(q, missing);
                }
            }
        }
        assertEquals(Set.of(), missing, "elements the Chinese chapters use without Chinese javadoc in "
                + LessonsJavadoc.CHINESE);
    }

    @Test
    void aChineseSessionShowsTheChineseTextFirstAndTheEnglishBelow() {
        DocTarget send = DocTarget.parse("int Udp.send(String text, String host, int port)").orElseThrow();
        JavadocText zh = DOCS.find(send, Lang.ZH).orElseThrow();
        assertTrue(zh.plain().startsWith("用一个新套接字发送一个数据报，发完立即关闭套接字。\n示例："), zh.plain());
        assertTrue(zh.plain().contains("\n\nSends one datagram from a fresh socket"), zh.plain());
        assertTrue(zh.markdown().contains("  \n示例：`Udp.send(\"hi\", \"127.0.0.1\", 7788)`\n\n---\n\n"), zh.markdown());
        assertEquals(DOCS.find(send), DOCS.find(send, Lang.EN));
    }

    /** Course exercise classes and the framework's insides are not what a student calls. */
    private static boolean course(String qualified) {
        return !qualified.startsWith("netlab.course.") && !qualified.startsWith("netlab.text.");
    }

    private static boolean documented(String qualified, String member) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        return DOCS.comments(qualified).keySet().stream().anyMatch(k -> k.startsWith(simple + "#" + member + "("));
    }

    private static void need(String key, Set<String> missing) {
        if (!DOCS.chineseTexts().containsKey(key)) {
            missing.add(key);
        }
    }

    private static Set<String> codeCells() throws IOException {
        Set<String> code = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.list(CHAPTERS)) {
            for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                JsonObject root = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
                for (JsonElement cell : root.getAsJsonArray("cells")) {
                    JsonObject c = cell.getAsJsonObject();
                    if (c.get("cell_type").getAsString().equals("code")) {
                        StringBuilder s = new StringBuilder();
                        c.getAsJsonArray("source").forEach(line -> s.append(line.getAsString()));
                        code.add(s.toString());
                    }
                }
            }
        }
        return code;
    }
}
