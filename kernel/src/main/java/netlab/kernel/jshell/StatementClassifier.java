package netlab.kernel.jshell;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Cheap syntax questions about snippets, answered by javac's parser alone (no attribution): which snippets
 * are plain statements that may be joined into one block, and whether a snippet is valid Java at all.
 */
final class StatementClassifier {

    /** Statements that mean the same inside a block as at JShell's top level. */
    private static final Set<Tree.Kind> JOINABLE = EnumSet.of(Tree.Kind.EXPRESSION_STATEMENT, Tree.Kind.IF,
            Tree.Kind.FOR_LOOP, Tree.Kind.ENHANCED_FOR_LOOP, Tree.Kind.WHILE_LOOP, Tree.Kind.DO_WHILE_LOOP,
            Tree.Kind.BLOCK, Tree.Kind.SWITCH, Tree.Kind.TRY, Tree.Kind.THROW, Tree.Kind.SYNCHRONIZED,
            Tree.Kind.ASSERT);

    /** Sources that begin as a statement does, which neither an expression nor a declaration does. */
    private static final Pattern STATEMENT = Pattern.compile(
            "\\s*(?:(?:if|for|while|do|switch|try|throw|synchronized|assert)\\b|\\{)");

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private StandardJavaFileManager files;

    /**
     * For each source, whether it is exactly one joinable statement. Those that begin as a declaration does
     * ({@link #mayBeStatement}) are not parsed: a cell of 200 declarations spent 5 % of its time here.
     */
    boolean[] plainStatements(List<String> sources) {
        boolean[] plain = new boolean[sources.size()];
        List<Integer> candidates = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (mayBeStatement(sources.get(i))) {
                units.add("class P" + candidates.size() + " { void m() {\n" + sources.get(i) + "\n} }");
                candidates.add(i);
            }
        }
        Parsed parsed = units.isEmpty() ? null : parse(units);
        if (parsed == null) {
            return plain;
        }
        for (CompilationUnitTree tree : parsed.trees()) {
            int unit = indexOf(tree.getSourceFile());
            plain[candidates.get(unit)] = !parsed.broken().contains(unit) && isOneJoinableStatement(tree);
        }
        return plain;
    }

    /**
     * False for a source that surely declares something or imports (it begins with a modifier, a primitive
     * type, a type and a name, {@code class}, {@code import} ...); true for what may be a statement: one
     * that begins with a statement's keyword or a block, or what may be an expression.
     */
    static boolean mayBeStatement(String source) {
        return STATEMENT.matcher(source).lookingAt() || ValueExpression.mayBeExpression(source);
    }

    /**
     * Whether {@code source} (one JShell snippet) is syntactically valid: as statements, as class members,
     * as a compilation unit (imports, types) or as an expression. Names need not resolve.
     */
    boolean parses(String source) {
        String expression = source.strip();
        if (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1);
        }
        List<String> units = List.of(
                "class P0 { void m() {\n" + source + "\n} }",
                "class P1 {\n" + source + "\n}",
                source,
                "class P3 { Object o = (\n" + expression + "\n); }");
        Parsed parsed = parse(units);
        return parsed == null || parsed.broken().size() < units.size();
    }

    /** The trees of units parsed together, and the indexes of those with syntax errors. */
    record Parsed(Iterable<? extends CompilationUnitTree> trees, Set<Integer> broken) {
    }

    /** Parses each unit (file {@code P<i>.java}); null if javac is unavailable or failed. */
    Parsed parse(List<String> sources) {
        if (javac == null) {
            return null;
        }
        if (files == null) {
            files = javac.getStandardFileManager(null, null, null);
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            units.add(new Source(i, sources.get(i)));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null, units);
        Iterable<? extends CompilationUnitTree> trees;
        try {
            trees = task.parse();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Set<Integer> broken = new HashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                broken.add(indexOf(d.getSource()));
            }
        }
        return new Parsed(trees, broken);
    }

    /** The snippet index from the file name {@code P<index>.java} (javac wraps our file objects). */
    static int indexOf(JavaFileObject file) {
        String path = file.toUri().getPath();
        return Integer.parseInt(path.substring(path.lastIndexOf('P') + 1, path.length() - ".java".length()));
    }

    private static boolean isOneJoinableStatement(CompilationUnitTree tree) {
        if (tree.getTypeDecls().size() != 1 || !(tree.getTypeDecls().getFirst() instanceof ClassTree c)
                || c.getMembers().size() != 1 || !(c.getMembers().getFirst() instanceof MethodTree m)
                || m.getBody() == null) {
            return false;
        }
        List<? extends StatementTree> statements = m.getBody().getStatements();
        return statements.size() == 1 && joinable(statements.getFirst());
    }

    /** Whether {@code statement} means the same inside a method as at JShell's top level: no declaration. */
    static boolean joinable(StatementTree statement) {
        return JOINABLE.contains(statement.getKind());
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(int index, String text) {
            super(URI.create("string:///P" + index + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
