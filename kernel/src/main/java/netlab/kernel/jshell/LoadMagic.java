package netlab.kernel.jshell;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import netlab.agent.Control;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.Notebook;
import netlab.text.Text;

/**
 * {@code %load FILE}: runs a {@code .java} or {@code .jsh} file, or the code cells of another notebook, before the
 * rest of the cell, as if they had been typed there. The agent reads the file, not the kernel: it runs where
 * student code runs, with the same rights (and, when grading, inside the same sandbox), so {@code %load} reaches no
 * file a cell could not read itself.
 *
 * <pre>{@code
 * %load helpers.jsh        // Loaded helpers.jsh: 12 lines of Java.
 * %load 01-network-and-udp.ipynb
 * }</pre>
 */
final class LoadMagic implements Magic {

    /** A {@code package} line: JShell refuses it, and a file on its own needs it. */
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String run(String args, MagicContext context) {
        String file = parse(args);
        String text = new String(readInAgent(context, file), StandardCharsets.UTF_8);
        if (file.endsWith(".ipynb")) {
            List<String> cells = codeCells(file, text);
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    CodeSource cell = CodeSource.loaded(Text.of("magic.load.notebook.cell", file, i + 1));
                    context.plan().load(cell, cells.get(i));
                }
            }
            return Text.of("magic.load.notebook", file, cells.stream().filter(c -> !c.isBlank()).count()) + "\n";
        }
        String code = file.endsWith(".java") ? PACKAGE.matcher(text).replaceAll("") : text;
        context.plan().load(CodeSource.loaded(file), code);
        return Text.of("magic.load.file", file, code.lines().count()) + "\n";
    }

    /**
     * The bytes of {@code file}, read by the agent ({@link Control.ReadFile}): with student code's rights and, when
     * grading, inside its sandbox, so {@code %load} reaches nothing a cell could not read itself.
     */
    private static byte[] readInAgent(MagicContext context, String file) {
        return switch (context.ask().apply(new Control.ReadFile(file))) {
            case Control.FileBytes read -> read.bytes();
            case Control.Unreadable why -> throw new IllegalArgumentException(unreadable(file, why));
            case Control.Reply other -> throw new IllegalArgumentException(
                    Text.of("magic.load.unreadable", file, Text.of("magic.load.no.answer")));
        };
    }

    /** The file named, without quotes around it; names with control characters are refused. */
    static String parse(String args) {
        String t = args.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException(Text.of("magic.load.none"));
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(unreadable(t.replaceAll("\\p{Cntrl}", "?"),
                    new Control.Unreadable(Control.Unreadable.Reason.MISSING, "")));
        }
        return t;
    }

    /** Why {@code file} could not be read, as the agent answered. */
    private static String unreadable(String file, Control.Unreadable why) {
        String said = switch (why.reason()) {
            case MISSING -> Text.of("magic.load.missing");
            case DENIED -> Text.of("magic.load.denied");
            case DIRECTORY -> Text.of("magic.load.directory");
            case NOT_A_FILE -> Text.of("magic.load.not.a.file");
            case TOO_LARGE -> Text.of("magic.load.too.large", Control.MOST_FILE_BYTES >> 20);
            case OTHER -> why.detail();
        };
        return Text.of("magic.load.unreadable", file, said);
    }

    /**
     * The Java of each code cell, in order, without the magic lines at its top (they set up that notebook's
     * session): blank where a cell has none, so the others keep their numbers.
     */
    static List<String> codeCells(String file, String notebookJson) {
        try {
            return Notebook.parse(notebookJson).cells().stream().filter(Cell::isCode)
                    .map(c -> Magics.split(c.source()).code()).toList();
        } catch (IllegalArgumentException e) { // the parser's own words are English and name its internals
            throw new IllegalArgumentException(Text.of("magic.load.bad.notebook", file), e);
        }
    }
}
