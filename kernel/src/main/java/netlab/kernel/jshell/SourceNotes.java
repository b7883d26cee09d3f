package netlab.kernel.jshell;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import netlab.text.Lang;

/**
 * The notes a piece's source gets once it compiled: code that runs but seldom does what its writer meant, said
 * beside the cell's output ({@link StringComparison}, {@link RegexSplit}).
 */
final class SourceNotes {

    /** Longer snippets are not looked at: a regex over a huge text literal costs time and stack for no note. */
    private static final int MAX_SOURCE = 20_000;

    private SourceNotes() {
    }

    /** The notes for {@code source}, a snippet starting at line {@code firstLine} of {@code from}. */
    static List<String> of(String source, int firstLine, CodeSource from, JShell shell, Lang lang) {
        if (source.length() > MAX_SOURCE) {
            return List.of(); // no student types such a snippet; the grader's checks carry long probes
        }
        return Stream.of(StringComparison.note(source, firstLine, from, shell, lang),
                RegexSplit.note(source, firstLine, from, lang)).flatMap(Optional::stream).toList();
    }
}
