package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Says what a declaration that compiled only partly is waiting for, as JShell's own tool does, and where in the
 * cell each missing name is used, with the sentence a compile error naming it would get: a typo of a method
 * ({@code ipToint} for {@code ipToInt}) otherwise looked like a declaration still to come, and the check that
 * called it failed with a bare "resolution exception".
 *
 * <pre>{@code
 * // String nextHop(String ip) { return ipToint(ip); }
 * // zh: 注意：方法 nextHop 已经创建，但要等这些声明之后才能使用：方法 ipToint(String)
 * //       单元格第 1 行第 38 列：这里不认识名为 “ipToint” 的东西。你是想写 “ipToInt” 吗？……
 * }</pre>
 */
final class UnresolvedNotes {

    /** JShell's name of a missing declaration: its kind, its name, and a method's parameter types. */
    private static final Pattern DEPENDENCY = Pattern.compile("(\\S+) ([\\p{javaJavaIdentifierPart}]+)(\\(.*\\))?");
    /** A qualified type name's package part, which a student's note does without ({@code java.lang.String}). */
    private static final Pattern PACKAGE_PART = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+(?=[A-Z])");

    private UnresolvedNotes() {
    }

    /**
     * The note for {@code snippet}, evaluated from {@code piece} of {@code cell}; {@code explainer} words the
     * sentence for each missing name as a compile error naming it would.
     */
    static String note(JShell shell, Snippet snippet, Snippet.Status status, String cell, Piece piece,
                       CompileExplainer explainer, CodeSource source) {
        Lang lang = explainer.lang();
        if (!(snippet instanceof DeclarationSnippet d)) {
            return Text.in(lang, "kernel.unresolved.other");
        }
        List<String> missing = new ArrayList<>();
        List<String> where = new ArrayList<>();
        shell.unresolvedDependencies(d).forEach(dependency -> {
            missing.add(worded(dependency, lang));
            Matcher m = DEPENDENCY.matcher(dependency);
            int at = m.matches() ? use(snippet.source(), m.group(2)) : -1;
            if (at >= 0) {
                int offset = piece.cellOffset(at);
                explainer.explain(cell, new ErrorReports.CellDiagnostic(offset, CompileExplainer.CANT_RESOLVE, ""))
                        .ifPresent(sentence -> where.addAll(
                                ErrorReports.located(cell, offset, sentence, lang, source)));
            }
        });
        String kind = kindWord(d.kind(), lang);
        if (missing.isEmpty()) {
            return Text.in(lang, "kernel.unresolved.later", kind, d.name());
        }
        String head = Text.in(lang, status == Snippet.Status.RECOVERABLE_DEFINED ? "kernel.unresolved.defined"
                : "kernel.unresolved.noted", kind, d.name(), String.join(Text.in(lang, "kernel.list.separator"), missing));
        where.addFirst(head);
        return String.join("\n", where);
    }

    /**
     * {@code failure}, the call of a declaration still waiting ({@code UnresolvedReference}), with a line naming
     * what it waits for: the declaration's own name alone said nothing of the misspelt one it calls. One that waits
     * for nothing but no longer compiles (a later cell changed a method it calls) says so, with javac's words.
     */
    static ExecuteOutcome.Failure waiting(ExecuteOutcome.Failure failure, JShell shell, DeclarationSnippet called,
                                          Lang lang) {
        List<String> missing = missing(shell, called, lang);
        List<String> traceback = new ArrayList<>(failure.traceback());
        if (!missing.isEmpty()) {
            traceback.add(1, "  " + Text.in(lang, "kernel.unresolved.waits", String.join(Text.in(lang,
                    "kernel.list.separator"), missing)));
            return new ExecuteOutcome.Failure(failure.ename(), failure.evalue(), traceback);
        }
        Optional<String> error = compileError(shell, called, lang);
        if (error.isEmpty()) {
            return failure;
        }
        String evalue = Text.in(lang, "kernel.unresolved.broken",
                called.source().strip().lines().findFirst().orElse(""), error.get());
        traceback.set(0, failure.ename() + ": " + evalue);
        return new ExecuteOutcome.Failure(failure.ename(), evalue, traceback);
    }

    /** What {@code d} waits for, in the student's words ({@code 方法 ipToint(String)}); empty if nothing. */
    static List<String> missing(JShell shell, DeclarationSnippet d, Lang lang) {
        return shell.unresolvedDependencies(d).map(dependency -> worded(dependency, lang)).toList();
    }

    /** javac's first line on why {@code d} does not compile, in {@code lang}, other than a name it waits for. */
    static Optional<String> compileError(JShell shell, DeclarationSnippet d, Lang lang) {
        return shell.diagnostics(d)
                .filter(diag -> diag.isError() && !diag.getCode().startsWith(CompileExplainer.CANT_RESOLVE))
                .map(diag -> diag.getMessage(lang.locale()).strip().lines().findFirst().orElse(""))
                .findFirst();
    }

    /** The word for a declaration's kind in {@code lang}: 方法, 变量, 类型. */
    static String kindWord(Snippet.Kind kind, Lang lang) {
        return Text.in(lang, kindKey(kind));
    }

    /**
     * What the session's declaration named {@code name} waits for, in the student's words, when JShell keeps it
     * without having compiled it ({@code class A { B b; }} and no B yet: javac then finds no A); empty for any other
     * name.
     */
    static List<String> waitingFor(JShell shell, String name, Lang lang) {
        return Stream.of(shell.types(), shell.variables(), shell.methods()).flatMap(s -> s)
                .filter(d -> d.name().equals(name) && shell.status(d) == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                .findFirst()
                .map(d -> missing(shell, d, lang))
                .orElse(List.of());
    }

    /** JShell's name of a missing declaration in the student's words: {@code 方法 ipToint(String)}. */
    private static String worded(String dependency, Lang lang) {
        Matcher m = DEPENDENCY.matcher(dependency);
        if (!m.matches()) {
            return dependency;
        }
        String parameters = m.group(3) == null ? "" : PACKAGE_PART.matcher(m.group(3)).replaceAll("");
        return Text.in(lang, kindKey(m.group(1))) + " " + m.group(2) + parameters;
    }

    /** Where {@code name} is first used as a name of its own in {@code source} (not as a member after a dot), or -1. */
    static int use(String source, String name) {
        Matcher m = Pattern.compile("(?<![\\p{javaJavaIdentifierPart}.])" + Pattern.quote(name)
                + "(?![\\p{javaJavaIdentifierPart}])").matcher(source);
        return m.find() ? m.start() : -1;
    }

    private static String kindKey(Snippet.Kind kind) {
        return switch (kind) {
            case METHOD -> "kernel.kind.method";
            case VAR -> "kernel.kind.variable";
            case TYPE_DECL -> "kernel.kind.type";
            default -> "kernel.kind.declaration";
        };
    }

    /** JShell's word for a missing declaration's kind ({@code method}, {@code variable}, {@code class} ...). */
    private static String kindKey(String jshellKind) {
        return switch (jshellKind) {
            case "method" -> "kernel.kind.method";
            case "variable" -> "kernel.kind.variable";
            case "class", "interface", "enum", "record", "@interface" -> "kernel.kind.type";
            default -> "kernel.kind.declaration";
        };
    }
}
