package netlab.kernel.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.text.Catalog;
import netlab.text.Lang;

/**
 * Finds an English sentence of the catalogue in what a Chinese student was shown: one pattern per English text of
 * every area of the lessons and the kernel, its placeholders wildcards within a line. Texts of fewer than three
 * English words ("{0} s", "yes") are left out: they would match anything. So are the reasons of a TFTP failure
 * ({@value #WIRE_REASONS}*): their English is what an ERROR packet carries, which a Chinese notebook shows as the
 * peer's own words (a {@code PeerErrorException}, a trace's ERROR row); the student's own side reads them in
 * Chinese, which the lessons' {@code TftpClientServerTest} checks.
 *
 * <pre>{@code
 * CatalogEnglish.load().find("公开检查通过 3/3 · 2 hidden checks run when graded")
 * // Optional["check.summary.hidden: 2 hidden checks run when graded"]
 * }</pre>
 */
final class CatalogEnglish {

    /** Where the catalogue files of each module lie, from the kernel module's directory. */
    static final List<Path> DIRECTORIES = List.of(Path.of("src/main/resources/netlab/text"),
            Path.of("../lessons/src/main/resources/netlab/text"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(?:\\|([^|{}]*)\\|([^|{}]*))?}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    static final String WIRE_REASONS = "tftp.reason.";

    /** A text's pattern, and its literal pieces: a line without all of them cannot match, so the pattern never runs. */
    private record Sentence(String key, Pattern pattern, List<String> pieces) {
    }

    private final List<Sentence> sentences;

    private CatalogEnglish(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    static CatalogEnglish load() throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        for (Path dir : DIRECTORIES) {
            Map<String, String> texts = Catalog.shared().texts(Lang.EN, Catalog.areasIn(dir));
            texts.forEach((key, text) -> {
                if (!key.startsWith(WIRE_REASONS)) {
                    pattern(text).ifPresent(p -> sentences.add(new Sentence(key, p, pieces(text))));
                }
            });
        }
        if (sentences.size() < 50) {
            throw new IllegalStateException("only " + sentences.size() + " English sentences found in " + DIRECTORIES);
        }
        return new CatalogEnglish(sentences);
    }

    /**
     * The pattern of one English text, or empty when its words are too few to tell it from other text. A plain
     * placeholder matches anything within the line, a plural one either of its forms.
     */
    static Optional<Pattern> pattern(String text) {
        String literal = PLACEHOLDER.matcher(text).replaceAll(m -> m.group(2) == null ? " "
                : Matcher.quoteReplacement(m.group(2).replace("#", " ")));
        Matcher words = WORD.matcher(literal);
        int count = 0;
        while (words.find()) {
            count++;
        }
        if (count < 3) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start())));
            regex.append(m.group(1) == null ? ANY : "(?:" + form(m.group(1)) + "|" + form(m.group(2)) + ")");
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        return Optional.of(Pattern.compile(regex.toString()));
    }

    private static final String ANY = "[^\\n]*?";

    private static String form(String plural) {
        StringBuilder f = new StringBuilder();
        String[] parts = plural.split("#", -1);
        for (int i = 0; i < parts.length; i++) {
            f.append(i > 0 ? ANY : "").append(Pattern.quote(parts[i]));
        }
        return f.toString();
    }

    /** The literal text between a text's placeholders (plural forms left out: either may be shown). */
    static List<String> pieces(String text) {
        return java.util.Arrays.stream(PLACEHOLDER.split(text, -1)).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * The first English sentence in {@code shown}, as "key: the matched text", or empty. A pattern matches within
     * one line, so {@code shown} is read line by line, a line of JSON ({@code \n} escaped) as its lines too: a
     * pattern with many placeholders run over a whole notebook's outputs backtracks for minutes.
     */
    Optional<String> find(String shown) {
        for (String line : shown.split("\n|\\\\n")) {
            for (Sentence s : sentences) {
                if (!s.pieces.stream().allMatch(line::contains)) {
                    continue;
                }
                Matcher m = s.pattern.matcher(line);
                if (m.find()) {
                    return Optional.of(s.key + ": " + m.group());
                }
            }
        }
        return Optional.empty();
    }

    int size() {
        return sentences.size();
    }
}
