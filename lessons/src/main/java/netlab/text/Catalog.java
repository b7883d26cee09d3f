package netlab.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one catalogue of sentences a student reads. A key's first part names its area, and an area is a pair of
 * UTF-8 files on the class path, {@code netlab/text/AREA_zh.properties} and {@code AREA_en.properties} (the key
 * {@code tftp.timeout} lives in {@code tftp_*.properties}); each area lives in one module. In a text, {@code {0}}
 * is the first argument and {@code {0|one|other}} chooses by the number (English plurals): {@code #} stands for
 * it, so {@code {0|# warning|# warnings}}. Chinese needs no plural and writes {@code {0} 个警告}. There is no
 * quoting to remember: a brace not followed by a digit is just a brace.
 */
public final class Catalog {

    private static final Catalog SHARED = new Catalog(Catalog.class.getClassLoader());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:\\|([^|{}]*)\\|([^|{}]*))?}");

    private final ClassLoader loader;
    private final Map<String, Map<String, String>> areas = new ConcurrentHashMap<>();

    private Catalog(ClassLoader loader) {
        this.loader = loader;
    }

    /** The catalogue of this JVM's class path. */
    public static Catalog shared() {
        return SHARED;
    }

    /**
     * The text of {@code key} in {@code lang} with {@code args} put in. A key missing in {@code lang} is taken from
     * the other language, and a key missing in both comes back as the key and its arguments, so nothing a
     * message says is lost (the catalogue tests keep both from happening).
     */
    public String format(Lang lang, String key, Object... args) {
        String pattern = pattern(lang, key);
        if (pattern == null) {
            pattern = pattern(lang == Lang.ZH ? Lang.EN : Lang.ZH, key);
        }
        if (pattern == null) {
            StringBuilder raw = new StringBuilder(key);
            for (Object a : args) {
                raw.append(' ').append(word(lang, a));
            }
            return raw.toString();
        }
        return fill(lang, pattern, args);
    }

    /** Every text of {@code lang} in the areas this JVM has loaded or can find in {@code areas}, by key. */
    public Map<String, String> texts(Lang lang, Set<String> areaNames) {
        Map<String, String> all = new TreeMap<>();
        for (String area : areaNames) {
            all.putAll(area(area, lang));
        }
        return all;
    }

    private String pattern(Lang lang, String key) {
        int dot = key.indexOf('.');
        String area = dot < 0 ? key : key.substring(0, dot);
        return area(area, lang).get(key);
    }

    private Map<String, String> area(String area, Lang lang) {
        return areas.computeIfAbsent(area + "_" + lang.tag(), name -> {
            try (InputStream in = loader.getResourceAsStream("netlab/text/" + name + ".properties")) {
                return in == null ? Map.of() : load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Map<String, String> load(InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return Map.copyOf(m);
    }

    static String fill(Lang lang, String pattern, Object[] args) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String replacement;
            if (i >= args.length) {
                replacement = m.group();
            } else if (m.group(2) != null) {
                boolean one = args[i] instanceof Number n && n.doubleValue() == 1;
                replacement = (one ? m.group(2) : m.group(3)).replace("#", word(lang, args[i]));
            } else {
                replacement = word(lang, args[i]);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String word(Lang lang, Object arg) {
        return arg instanceof Message msg ? msg.in(lang) : String.valueOf(arg);
    }

    /**
     * What is wrong with the catalogue files in {@code dir} (a module's {@code src/main/resources/netlab/text}):
     * an area with one language only, a key in one language only, an empty text, or texts of one key that refer
     * to different arguments. Empty when all is well; the modules' catalogue tests assert that.
     */
    public static List<String> problemsIn(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> areaNames = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .forEach(n -> areaNames.add(n.replaceFirst("_(zh|en)\\.properties$", "")));
        }
        for (String area : areaNames) {
            Path zh = dir.resolve(area + "_zh.properties");
            Path en = dir.resolve(area + "_en.properties");
            if (!Files.exists(zh) || !Files.exists(en)) {
                problems.add(area + ": needs both " + zh.getFileName() + " and " + en.getFileName());
                continue;
            }
            Map<String, String> z;
            Map<String, String> e;
            try (InputStream a = Files.newInputStream(zh); InputStream b = Files.newInputStream(en)) {
                z = load(a);
                e = load(b);
            }
            for (String key : union(z.keySet(), e.keySet())) {
                if (!key.equals(area) && !key.startsWith(area + ".")) {
                    problems.add(key + ": a key of area '" + area + "' starts with '" + area + ".'");
                }
                String zt = z.get(key);
                String et = e.get(key);
                if (zt == null || et == null) {
                    problems.add(key + ": only in " + (zt == null ? "English" : "Chinese"));
                } else if (zt.isBlank() || et.isBlank()) {
                    problems.add(key + ": an empty text");
                } else if (!arguments(zt).equals(arguments(et))) {
                    problems.add(key + ": zh refers to " + arguments(zt) + ", en to " + arguments(et));
                }
            }
        }
        return problems;
    }

    /**
     * The keys of the catalogue files in {@code dir} that no Java source under {@code roots} names: a sentence left
     * behind by a change that moved or dropped it, which nobody reads and a translator still keeps. A key is named
     * whole ({@code "kernel.stdin.unavailable"}); or by a quoted prefix of two parts or more that the code
     * completes ({@code "exception.explain." + key}); or by its area's prefix and then either one part more
     * ({@code "usage." + name()}) or a quoted ending ({@code "magic." + name() + ".usage"}). An area's prefix alone
     * names nothing deeper ({@code "kernel." + session} may be anything). Empty when all is well; the modules'
     * catalogue tests assert that.
     */
    public static List<String> unsaidIn(Path dir, List<Path> roots) throws IOException {
        StringBuilder code = new StringBuilder();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    code.append(Files.readString(f)).append('\n');
                }
            }
        }
        String source = code.toString();
        List<String> unsaid = new ArrayList<>();
        for (String area : areasIn(dir)) {
            try (InputStream in = Files.newInputStream(dir.resolve(area + "_en.properties"))) {
                load(in).keySet().stream().sorted().filter(key -> !named(key, source)).forEach(unsaid::add);
            }
        }
        return unsaid;
    }

    private static boolean named(String key, String code) {
        if (code.contains('"' + key + '"')) {
            return true;
        }
        String[] parts = key.split("\\.");
        String area = '"' + parts[0] + ".\"";
        for (int n = 2; n < parts.length; n++) {
            String prefix = '"' + String.join(".", Arrays.copyOf(parts, n)) + ".\"";
            String ending = "\"." + String.join(".", Arrays.copyOfRange(parts, n, parts.length)) + '"';
            if (code.contains(prefix) || Pattern.compile(Pattern.quote(area) + "\\s*\\+[^;\"]*\\+\\s*"
                    + Pattern.quote(ending)).matcher(code).find()) {
                return true;
            }
        }
        return parts.length == 2 && code.contains(area);
    }

    /** The area names whose files lie in {@code dir}. */
    public static Set<String> areasIn(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("_en.properties"))
                    .forEach(n -> names.add(n.substring(0, n.length() - "_en.properties".length())));
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }
}
