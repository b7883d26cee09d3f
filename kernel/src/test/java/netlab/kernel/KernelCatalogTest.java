package netlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.text.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The kernel module's catalogue: every area in both languages, every key in both, the same arguments, and no
 * sentence that nothing says any more.
 */
class KernelCatalogTest {

    static final Path DIR = Path.of("src/main/resources/netlab/text");

    @Test
    void everyKeyOfThisModuleIsInBothLanguages() throws IOException {
        assertFalse(Catalog.areasIn(DIR).isEmpty());
        assertEquals(List.of(), Catalog.problemsIn(DIR));
    }

    /**
     * Each key is named in the module's code: whole, or by a prefix the code completes ({@code "kernel.explain." +
     * key}). A sentence left behind by a change that moved or dropped it would go untranslated and unread.
     */
    @Test
    void everyKeyIsSaidSomewhere() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(f));
            }
        }
        List<String> unsaid;
        try (Stream<Path> files = Files.list(DIR)) {
            unsaid = files.filter(p -> p.getFileName().toString().endsWith("_en.properties")).sorted()
                    .flatMap(p -> keys(p).stream()).filter(key -> !said(key, code.toString())).toList();
        }
        assertEquals(List.of(), unsaid);
    }

    /**
     * Named whole; or by a quoted prefix of two parts or more ({@code "kernel.explain." + key}); or by its area's
     * prefix and then either one part more ({@code "usage." + name()}) or a quoted ending ({@code "magic." + name()
     * + ".usage"}). An area's prefix alone says nothing more ({@code "kernel." + session} is a ZeroMQ topic).
     */
    private static boolean said(String key, String code) {
        if (code.contains('"' + key + '"')) {
            return true;
        }
        String[] parts = key.split("\\.");
        for (int n = 2; n < parts.length; n++) {
            if (code.contains('"' + String.join(".", java.util.Arrays.copyOf(parts, n)) + ".\"")) {
                return true;
            }
        }
        String area = '"' + parts[0] + ".\"";
        for (int n = 2; n < parts.length; n++) {
            String ending = "\"." + String.join(".", java.util.Arrays.copyOfRange(parts, n, parts.length)) + '"';
            Pattern built = Pattern.compile(Pattern.quote(area) + "\\s*\\+[^;\"]*\\+\\s*" + Pattern.quote(ending));
            if (built.matcher(code).find()) {
                return true;
            }
        }
        return parts.length == 2 && code.contains(area);
    }

    private static List<String> keys(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream().sorted().toList();
    }
}
