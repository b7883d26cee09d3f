package netlab.kernel.jshell;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where each JShell snippet came from: which cell, and where in it. Turns the {@code #id:line} of a stack
 * frame into "cell line 4". Synchronized: what a cell's thread throws is placed by the thread that reads the
 * agent's output ({@link ThreadFailures}).
 */
final class SnippetOrigins {

    /** A snippet's cell (by serial number), and the line its first line is on in the code it came from. */
    record Origin(long cell, int firstLine, CodeSource source) {
    }

    private final Map<String, Origin> byId = new HashMap<>();
    /** The number the front end showed beside each cell run (its execution count), by serial. */
    private final Map<Long, Integer> numbers = new HashMap<>();

    synchronized void record(String snippetId, long cell, int firstLine, CodeSource source) {
        byId.put(snippetId, new Origin(cell, firstLine, source));
    }

    synchronized Origin of(String snippetId) {
        return byId.get(snippetId);
    }

    /** Cell {@code serial} is the one the notebook shows as {@code [number]}. */
    synchronized void numbered(long serial, int number) {
        numbers.put(serial, number);
    }

    /** The number the notebook shows beside cell {@code serial}, if it showed one (a silent run has none). */
    synchronized OptionalInt numberOf(long serial) {
        Integer n = numbers.get(serial);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    synchronized void clear() {
        byId.clear();
        numbers.clear();
    }

    /** 1-based line of cell offset {@code offset}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
