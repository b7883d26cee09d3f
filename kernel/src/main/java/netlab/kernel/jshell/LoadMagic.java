package netlab.kernel.jshell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.SnippetEvent;
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
        String text = new String(readInAgent(context.shell(), file), StandardCharsets.UTF_8);
        if (file.endsWith(".ipynb")) {
            List<String> cells = codeCells(file, text);
            context.plan().load(String.join("\n", cells));
            return Text.of("magic.load.notebook", file, cells.size()) + "\n";
        }
        String code = file.endsWith(".java") ? PACKAGE.matcher(text).replaceAll("") : text;
        context.plan().load(code);
        return Text.of("magic.load.file", file, code.lines().count()) + "\n";
    }

    /**
     * The bytes of {@code file}, read by the agent: with student code's rights and, when grading, inside its
     * sandbox, so {@code %load} reaches nothing a cell could not read itself. They cross as Base64 text, the value
     * of a snippet that is dropped again.
     */
    private static byte[] readInAgent(JShell shell, String file) {
        String literal = file.replace("\\", "\\\\").replace("\"", "\\\"");
        List<SnippetEvent> events = shell.eval("java.util.Base64.getEncoder().encodeToString("
                + "java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"" + literal + "\")))");
        try {
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.exception() != null || e.value() == null) {
                    throw new IllegalArgumentException(unreadable(file, e.exception()));
                }
                String v = e.value();
                return Base64.getDecoder().decode(v.substring(1, v.length() - 1));
            }
            throw new IllegalArgumentException(unreadable(file, null));
        } finally {
            events.stream().filter(e -> e.causeSnippet() == null).forEach(e -> shell.drop(e.snippet()));
        }
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
            throw new IllegalArgumentException(unreadable(t.replaceAll("\\p{Cntrl}", "?"), null));
        }
        return t;
    }

    /** Why {@code file} could not be read, from what reading it in the agent threw (null: nothing said). */
    static String unreadable(String file, JShellException thrown) {
        String why;
        if (thrown instanceof EvalException e) {
            String type = e.getExceptionClassName();
            why = switch (type) {
                case "java.nio.file.NoSuchFileException" -> Text.of("magic.load.missing");
                case "java.nio.file.AccessDeniedException" -> Text.of("magic.load.denied");
                default -> "java.io.IOException".equals(type) && "Is a directory".equals(e.getMessage())
                        ? Text.of("magic.load.directory")
                        : type.substring(type.lastIndexOf('.') + 1) + (e.getMessage() == null ? "" : ": " + e.getMessage());
            };
        } else {
            why = thrown == null ? Text.of("magic.load.missing") : thrown.getMessage();
        }
        return Text.of("magic.load.unreadable", file, why);
    }

    /** The Java of each code cell, without the magic lines at its top (they set up that notebook's session). */
    static List<String> codeCells(String file, String notebookJson) {
        try {
            return Notebook.parse(notebookJson).cells().stream().filter(Cell::isCode)
                    .map(c -> Magics.split(c.source()).code()).filter(code -> !code.isBlank()).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Text.of("magic.load.bad.notebook", file, e.getMessage()), e);
        }
    }
}
