package netlab.kernel.jshell;

import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import netlab.text.Lang;
import netlab.text.Text;

/** Says what a declaration that compiled only partly is waiting for, as JShell's own tool does. */
final class UnresolvedNotes {

    private UnresolvedNotes() {
    }

    static String note(JShell shell, Snippet snippet, Snippet.Status status, Lang lang) {
        if (!(snippet instanceof DeclarationSnippet d)) {
            return Text.in(lang, "kernel.unresolved.other");
        }
        String missing = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
        String kind = Text.in(lang, kindKey(d));
        if (missing.isEmpty()) {
            return Text.in(lang, "kernel.unresolved.later", kind, d.name());
        }
        return Text.in(lang, status == Snippet.Status.RECOVERABLE_DEFINED ? "kernel.unresolved.defined"
                : "kernel.unresolved.noted", kind, d.name(), missing);
    }

    private static String kindKey(DeclarationSnippet d) {
        return switch (d.kind()) {
            case METHOD -> "kernel.kind.method";
            case VAR -> "kernel.kind.variable";
            case TYPE_DECL -> "kernel.kind.type";
            default -> "kernel.kind.declaration";
        };
    }
}
