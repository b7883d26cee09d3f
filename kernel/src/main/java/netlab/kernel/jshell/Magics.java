package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.kernel.engine.Completion;
import netlab.text.Text;

/**
 * The magics netlab knows, and the split of a cell into its leading magic lines and its Java. A magic line is
 * {@code %name args}; {@code %%name} on the first line is a cell magic; {@code /name} is one of JShell's own
 * commands ({@code /vars}, {@code /list} ...), which JShell users type by habit; a cell that is only
 * {@code exit} or {@code quit} is {@code /exit}.
 *
 * <pre>{@code
 * %timeout 10
 * while (true) { }     // stopped after 10 s
 * }</pre>
 */
final class Magics {

    /** A cell split: its magic lines ("timeout 10", "/vars", "%time" for a cell magic) and the Java after them. */
    record Split(List<String> magicLines, String code) {
    }

    /** JShell's commands netlab answers when spelled with '/'; each is also a magic of the same name. */
    static final List<String> JSHELL_COMMANDS = List.of("vars", "methods", "types", "imports", "list", "reset",
            "exit", "help");

    private static final Pattern COMMAND = Pattern.compile("/[A-Za-z?].*");
    /**
     * IPython's magics a student coming from Python types, by the name of netlab's that does the same
     * ({@code %timeit} times a cell as {@code %%time} does; {@code %whos} lists variables as {@code /vars}).
     */
    private static final Map<String, String> IPYTHON_NAMES = Map.of("timeit", "%time", "%timeit", "%time",
            "who", "vars", "whos", "vars", "history", "list", "run", "load");
    /** A line that is a magic being typed: {@code %ti}, {@code %%th}. */
    private static final Pattern TYPED_MAGIC = Pattern.compile("\\s*(%%?)(\\w*)");
    private static final Pattern EXIT = Pattern.compile("(?:exit|quit)(?:\\s*\\(\\s*\\))?\\s*;?");

    private final Map<String, Magic> byName = new LinkedHashMap<>();

    Magics(List<Magic> magics) {
        for (Magic m : magics) {
            byName.put(m.name(), m);
        }
    }

    static Magics standard() {
        List<Magic> all = new ArrayList<>();
        Magics magics = new Magics(all);
        all.addAll(List.of(new HelpMagic("help", magics::all), new HelpMagic("lsmagic", magics::all),
                new ResourcesMagic(), new CloseMagic(), new TimeoutMagic(), new OutputLimitMagic(), new LoadMagic(),
                new TimeCellMagic(), new ThreadsCellMagic(), new LangMagic()));
        all.addAll(SnippetListMagic.all());
        all.addAll(List.of(new ResetMagic(), new ExitMagic()));
        all.forEach(m -> magics.byName.put(m.name(), m));
        return magics;
    }

    /**
     * The magics whose names start with what is typed after {@code %} (or {@code %%}, for cell magics) when the
     * cursor ends a line that is only that; empty for anything else, which is Java. {@code cursor} counts code points.
     */
    Optional<Completion> complete(String code, int cursor) {
        int at = code.offsetByCodePoints(0, Math.clamp(cursor, 0, code.codePointCount(0, code.length())));
        Matcher typed = TYPED_MAGIC.matcher(code.substring(code.lastIndexOf('\n', at - 1) + 1, at));
        if (!typed.matches()) {
            return Optional.empty();
        }
        String prefix = (typed.group(1).length() == 2 ? "%" : "") + typed.group(2);
        List<Completion.Match> matches = byName.keySet().stream()
                .filter(name -> name.startsWith(prefix) && name.startsWith("%") == prefix.startsWith("%"))
                .map(name -> new Completion.Match(name.startsWith("%") ? name.substring(1) : name, "magic", null))
                .toList();
        return Optional.of(new Completion(cursor - typed.group(2).codePointCount(0, typed.group(2).length()), cursor,
                matches));
    }

    /** Every magic, in the order {@code %help} lists them. */
    Collection<Magic> all() {
        return byName.values();
    }

    /**
     * Leading lines that start with '%' or '/' (blank lines between them allowed) are magics and commands; the rest
     * is Java. '/' followed by a letter cannot start Java code, and '//' or '/*' (comments) are not commands.
     */
    static Split split(String cell) {
        if (EXIT.matcher(cell.strip()).matches()) {
            return new Split(List.of("/exit"), "");
        }
        List<String> magics = new ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            int end = cell.indexOf('\n', pos);
            int next = end < 0 ? cell.length() : end + 1;
            String line = cell.substring(pos, end < 0 ? cell.length() : end).strip();
            if (isMagicLine(line)) {
                magics.add(line.startsWith("%") ? line.substring(1) : line);
            } else if (!line.isEmpty()) {
                break;
            }
            pos = next;
        }
        // keep the Java's line numbers: replace the consumed lines by empty lines
        String consumed = cell.substring(0, pos);
        String blanks = "\n".repeat((int) consumed.chars().filter(c -> c == '\n').count());
        return new Split(magics, magics.isEmpty() ? cell : blanks + cell.substring(pos));
    }

    /** Whether {@code line} is a magic ({@code %time}) or a JShell command ({@code /vars}), as {@link #split} reads. */
    static boolean isMagicLine(String line) {
        String stripped = line.strip();
        return stripped.startsWith("%") || COMMAND.matcher(stripped).matches();
    }

    /**
     * Whether magic line {@code line} runs as part of its cell, after the lines that set the cell up: see
     * {@link Magic#runsInCell()}. An unknown magic does too, so its error comes where it stands.
     */
    boolean runsInCell(String line) {
        return find(MagicLine.of(line)).map(Magic::runsInCell).orElse(true);
    }

    /**
     * Runs one magic line ("timeout 10", "/vars"); returns its output.
     *
     * @throws IllegalArgumentException for an unknown magic or command (listing the known ones) or bad arguments
     */
    String run(String line, MagicContext context) {
        MagicLine parsed = MagicLine.of(line);
        Magic magic = find(parsed).orElse(null);
        if (magic == null && parsed.command()) {
            throw new IllegalArgumentException(Text.of("magic.unknown.command", parsed.name(),
                    String.join(" ", JSHELL_COMMANDS.stream().map(c -> "/" + c).toList())));
        }
        if (magic == null) {
            // %threads for %%threads, %%vars for %vars: the other kind's magic of that name is the one meant;
            // IPython's name for one of ours (%timeit, %whos) means ours
            String otherKind = IPYTHON_NAMES.getOrDefault(parsed.name(),
                    parsed.name().startsWith("%") ? parsed.name().substring(1) : "%" + parsed.name());
            Magic meant = parsed.command() ? null : byName.get(otherKind);
            if (meant != null) {
                throw new IllegalArgumentException(Text.of("magic.other.kind", "%" + parsed.name(), "%" + otherKind)
                        + "\n" + HelpMagic.usages(List.of(meant)).stripTrailing());
            }
            throw new IllegalArgumentException(Text.of("magic.unknown", parsed.name()) + "\n"
                    + HelpMagic.usages(byName.values()).stripTrailing());
        }
        return magic.run(parsed.args(), context);
    }

    /** The magic a line names: a {@code /} command only among JShell's commands. */
    private Optional<Magic> find(MagicLine line) {
        return line.command() && !JSHELL_COMMANDS.contains(line.name()) ? Optional.empty()
                : Optional.ofNullable(byName.get(line.name()));
    }

    /** A magic line read: {@code /vars} is a command named "vars", {@code /?} the command "help". */
    private record MagicLine(boolean command, String name, String args) {
        static MagicLine of(String line) {
            boolean command = line.startsWith("/");
            String body = command ? line.substring(1) : line;
            String name = body.split("\\s+", 2)[0];
            String args = body.length() > name.length() ? body.substring(name.length()).strip() : "";
            return new MagicLine(command, command && name.equals("?") ? "help" : name, args);
        }
    }
}
