package netlab.kernel.jshell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.text.Text;

/**
 * The line magics netlab knows, and the split of a cell into its leading {@code %magic} lines and its Java.
 *
 * <pre>{@code
 * %timeout 10
 * while (true) { }     // stopped after 10 s
 * }</pre>
 */
final class Magics {

    /** A cell split: its magic lines (without '%') and the Java after them. */
    record Split(List<String> magicLines, String code) {
    }

    private final Map<String, Magic> byName = new LinkedHashMap<>();

    Magics(List<Magic> magics) {
        for (Magic m : magics) {
            byName.put(m.name(), m);
        }
    }

    static Magics standard() {
        return new Magics(List.of(new ResourcesMagic(), new CloseMagic(), new TimeoutMagic(), new OutputLimitMagic(),
                new LangMagic()));
    }

    /** Leading lines that start with '%' (blank lines between them allowed) are magics; the rest is Java. */
    static Split split(String cell) {
        List<String> magics = new java.util.ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            int end = cell.indexOf('\n', pos);
            int next = end < 0 ? cell.length() : end + 1;
            String line = cell.substring(pos, end < 0 ? cell.length() : end).strip();
            if (line.startsWith("%")) {
                magics.add(line.substring(1));
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

    /**
     * Runs one magic line ("timeout 10"); returns its output.
     *
     * @throws IllegalArgumentException for an unknown magic (listing the known ones) or bad arguments
     */
    String run(String line, MagicContext context) {
        String name = line.split("\\s+", 2)[0];
        String args = line.length() > name.length() ? line.substring(name.length()).strip() : "";
        Magic magic = byName.get(name);
        if (magic == null) {
            StringBuilder b = new StringBuilder(Text.in(context.language().get(), "kernel.magic.unknown", name));
            for (Magic m : byName.values()) {
                b.append("\n  ").append(m.usage());
            }
            throw new IllegalArgumentException(b.toString());
        }
        return magic.run(args, context);
    }
}
