package netlab.kernel.jshell;

import java.util.List;
import java.util.Optional;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Says what a cell's change did to declarations of earlier cells, as JShell's own tool does ("update modified
 * variable p, reset to null") and a notebook did not: redefining {@code class Pkt} makes every variable of type Pkt
 * again, its value gone, and redefining {@code int twice(int)} as {@code long twice(int)} leaves {@code quad}, which
 * returns {@code twice(twice(x))}, no longer compiling. Said once the cell has ended, for what is still so then (a
 * cell that redefines both, or declares the variable again, has nothing to say).
 *
 * <pre>{@code
 * // class Pkt { int ttl = 32; }   after   Pkt p = new Pkt();   in cell [1]
 * // zh: 注意：因为类型 Pkt 改了，变量 p（单元格 [1] 第 1 行）被重新创建，现在的值是 null：……
 * }</pre>
 */
final class ChangeNotes {

    private ChangeNotes() {
    }

    /**
     * Whether {@code e} is a declaration of another cell that this cell's change reached; not a value's variable
     * ({@code $3}, which the student never named).
     */
    static boolean reached(SnippetEvent e) {
        return e.causeSnippet() != null && e.snippet() instanceof DeclarationSnippet d && !d.name().startsWith("$")
                && e.status() != Snippet.Status.OVERWRITTEN && e.status() != Snippet.Status.DROPPED;
    }

    /** The note for {@code e}, an event {@link #reached} holds for, now that the cell has ended; empty if none. */
    static Optional<String> note(JShell shell, SnippetEvent e, SnippetOrigins origins, Lang lang) {
        DeclarationSnippet d = (DeclarationSnippet) e.snippet();
        Snippet.Status now = shell.status(d);
        String place = place(d, origins, lang);
        String cause = e.causeSnippet() instanceof DeclarationSnippet c ? named(c, lang)
                : Text.in(lang, "kernel.kind.declaration");
        if (d instanceof VarSnippet && now == Snippet.Status.VALID && e.previousStatus() == Snippet.Status.VALID) {
            return Optional.of(Text.in(lang, "kernel.change.reset", d.name(), place, cause,
                    e.value() == null ? "null" : e.value()));
        }
        if (now != Snippet.Status.RECOVERABLE_DEFINED && now != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return Optional.empty();
        }
        Optional<String> error = UnresolvedNotes.compileError(shell, d, lang);
        if (error.isPresent()) {
            return Optional.of(Text.in(lang, "kernel.change.broken", named(d, lang), place, cause, error.get()));
        }
        List<String> missing = UnresolvedNotes.missing(shell, d, lang);
        return missing.isEmpty() ? Optional.empty() : Optional.of(Text.in(lang, "kernel.change.waits", named(d, lang),
                place, String.join(Text.in(lang, "kernel.list.separator"), missing)));
    }

    /** A declaration as the student reads it: 方法 quad, type Pkt. */
    private static String named(DeclarationSnippet d, Lang lang) {
        return UnresolvedNotes.kindWord(d.kind(), lang) + " " + d.name();
    }

    /** Where {@code d} was declared: "line 2 of cell [4]", or "an earlier cell". */
    private static String place(Snippet d, SnippetOrigins origins, Lang lang) {
        SnippetOrigins.Origin origin = origins.of(d.id());
        return (origin == null ? Optional.<String>empty()
                : ErrorReports.numberedLine(origins, origin, origin.firstLine(), lang))
                .orElseGet(() -> Text.in(lang, "kernel.place.earlier"));
    }
}
