package netlab.kernel.jshell;

import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import netlab.text.Text;

/**
 * JShell's listing commands in a cell: {@code /vars}, {@code /methods}, {@code /types}, {@code /imports},
 * {@code /list}, each printed as JShell's own tool prints it (without its {@code |} margin):
 *
 * <pre>{@code
 * /vars        //   int port = 7788
 * /methods     //   String echo(String)
 * /types       //   record Point
 * /list        //    3 : int port = 7788;
 * }</pre>
 */
final class SnippetListMagic implements Magic {

    enum What { VARS, METHODS, TYPES, IMPORTS, LIST }

    private final What what;

    private SnippetListMagic(What what) {
        this.what = what;
    }

    static List<Magic> all() {
        return Stream.of(What.values()).<Magic>map(SnippetListMagic::new).toList();
    }

    @Override
    public String name() {
        return key();
    }

    private String key() {
        return what.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code /vars} runs the student's {@code toString}s; the other listings stay beside it, in the order typed. */
    @Override
    public boolean runsInCell() {
        return true;
    }

    @Override
    public String run(String args, MagicContext context) {
        Magic.noArguments(key(), args);
        JShell shell = context.shell();
        List<String> lines = switch (what) {
            case VARS -> shell.variables().filter(v -> !ValueExpression.isValue(v))
                    .map(v -> "  " + v.typeName() + " " + v.name() + " = " + value(shell, v)).toList();
            case METHODS -> shell.methods().map(m -> "  " + returnType(m) + " " + m.name() + "(" + m.parameterTypes() + ")").toList();
            case TYPES -> shell.types().map(t -> "  " + kind(t) + " " + t.name()).toList();
            case IMPORTS -> shell.imports().map(i -> "  import " + (i.isStatic() ? "static " : "") + i.fullname()).toList();
            case LIST -> shell.snippets().filter(s -> shell.status(s).isActive() && userSnippet(s, context.startup()))
                    .map(SnippetListMagic::numbered).toList();
        };
        if (lines.isEmpty()) {
            return Text.of("magic." + key() + ".none") + "\n";
        }
        return String.join("\n", lines) + "\n";
    }

    private static String value(JShell shell, VarSnippet v) {
        try {
            return shell.status(v) == Snippet.Status.VALID ? shell.varValue(v) : Text.of("magic.vars.unset");
        } catch (IllegalStateException e) {
            return Text.of("magic.vars.unset");
        }
    }

    /** "(int,String)boolean" is JShell's signature of {@code boolean f(int, String)}. */
    static String returnType(MethodSnippet m) {
        String signature = m.signature();
        return signature.substring(signature.lastIndexOf(')') + 1);
    }

    private static String kind(TypeDeclSnippet t) {
        return switch (t.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "@interface";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }

    private static boolean userSnippet(Snippet s, List<String> startup) {
        return !(s instanceof ImportSnippet && startup.contains(s.source().strip()))
                && !TempVariables.holdsValue(s);
    }

    /** As JShell's {@code /list}: the id right-aligned in four columns, then the source, its lines indented. */
    private static String numbered(Snippet s) {
        String indent = " ".repeat(7);
        return "%4s : %s".formatted(s.id(), s.source().strip().replace("\n", "\n" + indent));
    }
}
