package netlab.kernel.engine;

import java.util.List;

/** Completions replacing {@code code[cursorStart, cursorEnd)}; offsets in code points. */
public record Completion(int cursorStart, int cursorEnd, List<Match> matches) {

    public Completion {
        matches = List.copyOf(matches);
    }

    /** One candidate; {@code type} is a Jupyter completion type such as "method", "class", "variable". */
    public record Match(String text, String type, String signature) {
    }

    public static Completion none(int cursor) {
        return new Completion(cursor, cursor, List.of());
    }
}
