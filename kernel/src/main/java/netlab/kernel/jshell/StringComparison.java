package netlab.kernel.jshell;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Notes a {@code String} compared with {@code ==} or {@code !=}: it compiles, and then says "not equal" for
 * equal texts, the beginner's most puzzling bug. Seen where one side is a text in quotes or a variable the
 * code or the session declared as {@code String}; a comparison with {@code null} is right and never noted.
 */
final class StringComparison {

    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]++|\\\\.)*+\"\\s*[!=]=(?!=)|[!=]=\\s*\"");
    private static final Pattern NAMES = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\s*[!=]=\\s*([A-Za-z_$][\\w$]*)\\b");
    private static final Pattern DECLARED = Pattern.compile("\\bString\\s+([A-Za-z_$][\\w$]*)");

    private StringComparison() {
    }

    /** The note for {@code source} (a snippet starting at line {@code firstLine} of {@code from}), or empty. */
    static Optional<String> note(String source, int firstLine, CodeSource from, JShell shell, Lang lang) {
        int at = -1;
        Matcher literal = LITERAL.matcher(source);
        if (literal.find()) {
            at = literal.start();
        } else if (source.contains("==") || source.contains("!=")) {
            Set<String> strings = new HashSet<>();
            Matcher declared = DECLARED.matcher(source);
            while (declared.find()) {
                strings.add(declared.group(1));
            }
            shell.variables().filter(v -> v.typeName().equals("String") || v.typeName().equals("java.lang.String"))
                    .forEach(v -> strings.add(v.name()));
            Matcher names = NAMES.matcher(source);
            while (names.find()) {
                String a = names.group(1);
                String b = names.group(2);
                if (!a.equals("null") && !b.equals("null") && (strings.contains(a) || strings.contains(b))) {
                    at = names.start();
                    break;
                }
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        int line = firstLine + SnippetOrigins.lineOf(source, at) - 1;
        return Optional.of(Text.in(lang, "compile.string.equals", from.line(lang, line)));
    }
}
