package netlab.kernel.jshell;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Notes {@code split(".")} and its kin: {@code String.split} reads its argument as a regular expression, where a
 * lone {@code .} matches every character, so {@code "192.168.1.1".split(".")} is an empty array and the next line's
 * {@code [0]} fails with "Index 0 out of bounds for length 0" — in a course that splits IP addresses from its first
 * chapter. {@code |} splits between every character, {@code $} and {@code ^} not at all, and {@code +}, {@code *},
 * {@code ?} throw PatternSyntaxException.
 */
final class RegexSplit {

    private static final Pattern LONE_METACHARACTER = Pattern.compile("\\.split\\(\\s*\"([.|+*?^$])\"\\s*[,)]");

    private RegexSplit() {
    }

    /** The note for {@code source} (a snippet starting at line {@code firstLine} of {@code from}), or empty. */
    static Optional<String> note(String source, int firstLine, CodeSource from, Lang lang) {
        Matcher split = LONE_METACHARACTER.matcher(source);
        if (!split.find()) {
            return Optional.empty();
        }
        int line = firstLine + SnippetOrigins.lineOf(source, split.start()) - 1;
        return Optional.of(Text.in(lang, "compile.split.regex", from.line(lang, line), split.group(1)));
    }
}
