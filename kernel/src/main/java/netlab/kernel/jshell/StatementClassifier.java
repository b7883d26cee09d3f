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
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Tells which snippets are plain statements that may be joined into one block: it parses (only parses —
 * no attribution, so it is cheap) each snippet as the body of a method, all in one javac task.
 */
final class StatementClassifier {

    /** Statements that mean the same inside a block as at JShell's top level. */
    private static final Set<Tree.Kind> JOINABLE = EnumSet.of(Tree.Kind.EXPRESSION_STATEMENT, Tree.Kind.IF,
            Tree.Kind.FOR_LOOP, Tree.Kind.ENHANCED_FOR_LOOP, Tree.Kind.WHILE_LOOP, Tree.Kind.DO_WHILE_LOOP,
            Tree.Kind.BLOCK, Tree.Kind.SWITCH, Tree.Kind.TRY, Tree.Kind.THROW, Tree.Kind.SYNCHRONIZED,
            Tree.Kind.ASSERT);

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private StandardJavaFileManager files;

    /** For each source, whether it is exactly one joinable statement. */
    boolean[] plainStatements(List<String> sources) {
        boolean[] plain = new boolean[sources.size()];
        if (javac == null) {
            return plain;
        }
        if (files == null) {
            files = javac.getStandardFileManager(null, null, null);
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            units.add(new Source(i, "class P" + i + " { void m() {\n" + sources.get(i) + "\n} }"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null, units);
        Iterable<? extends CompilationUnitTree> trees;
        try {
            trees = task.parse();
        } catch (IOException | RuntimeException e) {
            return plain;
        }
        Set<Integer> broken = new HashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                broken.add(indexOf(d.getSource()));
            }
        }
        for (CompilationUnitTree tree : trees) {
            int index = indexOf(tree.getSourceFile());
            plain[index] = !broken.contains(index) && isOneJoinableStatement(tree);
        }
        return plain;
    }

    /** The snippet index from the file name {@code P<index>.java} (javac wraps our file objects). */
    private static int indexOf(JavaFileObject file) {
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
        return statements.size() == 1 && JOINABLE.contains(statements.getFirst().getKind());
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
