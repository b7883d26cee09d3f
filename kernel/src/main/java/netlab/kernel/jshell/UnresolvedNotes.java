package netlab.kernel.jshell;

import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/** Says what a declaration that compiled only partly is waiting for, as JShell's own tool does. */
final class UnresolvedNotes {

    private UnresolvedNotes() {
    }

    static String note(JShell shell, Snippet snippet, Snippet.Status status) {
        if (!(snippet instanceof DeclarationSnippet d)) {
            return "note: this declaration uses something not declared yet";
        }
        String missing = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
        String what = kindName(d) + " " + d.name();
        String waits = missing.isEmpty() ? "what it uses is declared" : missing + " "
                + (missing.contains(",") ? "are" : "is") + " declared";
        return status == Snippet.Status.RECOVERABLE_DEFINED
                ? "note: " + what + " was created, but it cannot be used until " + waits
                : "note: " + what + " was noted, but it cannot be used until " + waits;
    }

    private static String kindName(DeclarationSnippet d) {
        return switch (d.kind()) {
            case METHOD -> "method";
            case VAR -> "variable";
            case TYPE_DECL -> "type";
            default -> "declaration";
        };
    }
}
