package netlab.kernel.jshell;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SnippetEvent;

/**
 * Finds the runs of a cell's pieces that {@link DeclarationBatch} may compile together, so that the cell
 * behaves as if each declaration were evaluated alone, one after the other.
 *
 * <p>A piece joins a run when it is one top-level declaration JShell takes without looking at the session:
 * a variable with its type written out, a method with a body, or a class, interface, enum or record. Not a
 * {@code var}: JShell infers its type from the session before compiling, so what the run declares before it
 * would not exist yet (javac's parser refuses {@code var} as a member, which keeps it out). A new run starts at
 * a declaration that
 * <ul>
 * <li>declares what the run already declares (the second {@code int x} must replace the first, in order);
 * <li>declares a name an earlier declaration of the run mentions: evaluated one by one, that earlier one saw
 *     the session's old meaning of the name, or none (then JShell prints that it waits for it).
 * </ul>
 * Names are compared as written, so a name that merely looks the same (a parameter, a field) only splits a run
 * that could have stayed whole. A joinable declaration alone is a run of one when it declares again, with other
 * source, a name the session has (a cell edited and run again): {@link DeclarationBatch} compiles it once. A piece
 * written exactly as a declaration of the session joins no run: it is run again without a compile
 * ({@link DeclarationBatch#rerun}) if, when its turn comes, that declaration is still the session's and valid.
 */
final class DeclarationPlanner {

    /**
     * Most declarations compiled together; a longer run is cut. Before {@link ImportPruning}, each unit of a
     * run imported every other, so a run's javac task grew as its length squared: runs of 16-32 grew the kernel
     * heap to its 256 MB maximum, and 200 in one task overflowed the kernel's 1 MB thread stack (javac enters a
     * unit's imports by completing the classes they name, recursing once per unit), so runs were 8 long. Now a
     * unit imports only the declarations it names. Measured again (one kernel-option JVM, a 200-declaration
     * cell eight times, load 6-7, CPU per cell from round 4 / committed heap after a full GC): runs of 50
     * 0.19-0.49 s / 69 MB, runs of 200 0.17-0.37 s / 71-72 MB; so the length no longer buys speed, and 64
     * bounds a long cell's task. Recursion now follows only a chain of declarations naming each other
     * ({@code int c1 = c0 + 1; int c2 = c1 + 1;} ...): a chain of 300 in one run passed on a 1 MB stack, and a
     * run of 64 is at most a chain of 64.
     */
    static final int MAX_RUN = 64;

    /** Most declarations compiled together when {@link ImportPruning} could not be installed: see {@link #MAX_RUN}. */
    static final int MAX_RUN_IMPORTING_ALL = 8;

    /** A name after a type (or a keyword) and before what may follow a declared name: a declaration's name. */
    private static final Pattern DECLARED_NAME = Pattern.compile(
            "(?<=[\\p{L}\\p{N}_$>\\]]\\s{1,40})([\\p{L}_$][\\p{L}\\p{N}_$]*)\\s*[=;({<]");

    private final StatementClassifier parser = new StatementClassifier();
    private final DeclarationBatch batch;
    private final int maxRun;

    /**
     * A planner for {@code batch}'s shell; with no batch, every plan evaluates one snippet at a time.
     *
     * @param importsNarrowed whether {@link ImportPruning} is installed in the shell, which lets runs be long
     */
    DeclarationPlanner(Optional<DeclarationBatch> batch, boolean importsNarrowed) {
        this.batch = batch.orElse(null);
        this.maxRun = importsNarrowed ? MAX_RUN : MAX_RUN_IMPORTING_ALL;
    }

    /** Whether {@code source} may declare again, with other source, a name of {@code declared}: read from its text. */
    private static boolean mayRedeclare(String source, Map<String, Set<String>> declared) {
        Matcher name = DECLARED_NAME.matcher(source);
        while (name.find()) {
            if (redeclares(name.group(1), source, declared)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether declaring {@code name} by {@code source} changes a declaration of the session ({@code declared}: each
     * name with the sources declaring it). Declared again unchanged, JShell keeps its class and loads nothing.
     */
    private static boolean redeclares(String name, String source, Map<String, Set<String>> declared) {
        Set<String> sources = declared.get(name);
        return sources != null && !sources.contains(source);
    }

    /** What one piece declares, when it may join a run. */
    private record Declaration(String key, String name, Set<String> mentions) {
    }

    /**
     * Runs of two or more joinable pieces, as {@code [start, end)} piece indexes; a joinable piece alone that
     * declares a name the session has, so that {@link DeclarationBatch} compiles a changed declaration once; and the
     * pieces written exactly as a declaration of the session is, which may run again without a compile.
     */
    Plan plan(List<Piece> pieces) {
        if (batch == null || pieces.isEmpty()) {
            return new Plan(List.of(), Set.of(), pieces);
        }
        // most lone pieces are values or statements, a new declaration, or one run again as it is: no parse
        if (pieces.size() == 1 && StatementClassifier.mayBeStatement(pieces.getFirst().source())) {
            return new Plan(List.of(), Set.of(), pieces);
        }
        Map<String, Set<String>> declared = batch.declared();
        Set<String> sources = declared.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<Integer> again = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (sources.contains(pieces.get(i).source())) {
                again.add(i);
            }
        }
        if (pieces.size() == 1 && (!again.isEmpty() || !mayRedeclare(pieces.getFirst().source(), declared))) {
            return new Plan(List.of(), again, pieces);
        }
        Declaration[] declarations = declarations(pieces);
        again.forEach(i -> declarations[i] = null); // run again alone, if still unchanged when its turn comes
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        Set<String> keys = new HashSet<>();
        Set<String> mentioned = new HashSet<>();
        for (int i = 0; i <= pieces.size(); i++) {
            Declaration d = i < pieces.size() ? declarations[i] : null;
            boolean joins = d != null && start >= 0 && i - start < maxRun && !keys.contains(d.key())
                    && !mentioned.contains(d.name());
            if (!joins) {
                if (start >= 0 && (i - start >= 2
                        || redeclares(declarations[start].name(), pieces.get(start).source(), declared))) {
                    runs.add(new int[] {start, i});
                }
                start = d == null ? -1 : i;
                keys.clear();
                mentioned.clear();
            }
            if (d != null) {
                keys.add(d.key());
                mentioned.addAll(d.mentions());
            }
        }
        return new Plan(runs, again, pieces);
    }

    private Declaration[] declarations(List<Piece> pieces) {
        Declaration[] result = new Declaration[pieces.size()];
        List<String> units = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            units.add("class P" + i + " {\n" + pieces.get(i).source() + "\n}");
        }
        StatementClassifier.Parsed parsed = parser.parse(units);
        if (parsed == null) {
            return result;
        }
        for (CompilationUnitTree tree : parsed.trees()) {
            int index = StatementClassifier.indexOf(tree.getSourceFile());
            Piece piece = pieces.get(index);
            if (!parsed.broken().contains(index) && piece.complete() && !piece.grouped()) {
                result[index] = declaration(tree);
            }
        }
        return result;
    }

    /** The one declaration in {@code class P { <piece> }}, or null when the piece is not one we join. */
    private static Declaration declaration(CompilationUnitTree tree) {
        if (tree.getTypeDecls().size() != 1 || !(tree.getTypeDecls().getFirst() instanceof ClassTree c)
                || c.getMembers().size() != 1) {
            return null;
        }
        Tree member = c.getMembers().getFirst();
        Set<String> mentions = mentions(member);
        return switch (member) {
            case VariableTree v when v.getType() != null -> new Declaration("variable " + v.getName(),
                    v.getName().toString(), mentions);
            case MethodTree m when m.getBody() != null && m.getReturnType() != null -> new Declaration(
                    "method " + m.getName() + m.getParameters().stream().map(p -> p.getType().toString())
                            .collect(Collectors.joining(",", "(", ")")),
                    m.getName().toString(), mentions);
            case ClassTree t -> new Declaration("type " + t.getSimpleName(), t.getSimpleName().toString(),
                    mentions);
            default -> null;
        };
    }

    /** Every simple name {@code tree} uses: variables, methods called, types. */
    private static Set<String> mentions(Tree tree) {
        Set<String> names = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                names.add(node.getName().toString());
                return null;
            }
        }.scan(tree, null);
        return names;
    }

    /**
     * One cell's runs. The engine asks for each piece's events in order; the first piece of a run evaluates
     * the whole run, and its other pieces get their share.
     */
    final class Plan {

        private final Map<Integer, Integer> runEnds = new HashMap<>();
        /** Pieces written as a declaration of the session is: {@link DeclarationBatch#rerun}. */
        private final Set<Integer> again;
        private final List<Piece> pieces;
        private final Map<Integer, List<SnippetEvent>> evaluated = new HashMap<>();

        private Plan(List<int[]> runs, Set<Integer> again, List<Piece> pieces) {
            this.again = again;
            this.pieces = pieces;
            runs.forEach(r -> runEnds.put(r[0], r[1]));
        }

        /** The pieces that may be run again unchanged: for tests. */
        Set<Integer> again() {
            return again;
        }

        /** The runs, as {@code [start, end)} piece indexes: for tests. */
        List<int[]> runs() {
            return runEnds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new int[] {e.getKey(), e.getValue()}).toList();
        }

        /**
         * The events of piece {@code index} if it belongs to a run: evaluated with the whole run when it is the
         * run's first piece; or if it declares again, unchanged, what the session has, now that the pieces before
         * it have run. Empty when the piece is neither, or the run ended before it (the engine then evaluates it
         * alone, as it would have).
         *
         * @param stopped asked after each initializer runs: true ends the run there
         * @throws IllegalStateException as {@link jdk.jshell.JShell#eval} when the shell closed
         */
        Optional<List<SnippetEvent>> events(int index, BooleanSupplier stopped) {
            if (again.contains(index)) {
                return batch.rerun(pieces.get(index).source());
            }
            Integer end = runEnds.remove(index);
            if (end != null) {
                List<String> sources = pieces.subList(index, end).stream().map(Piece::source).toList();
                List<List<SnippetEvent>> events = batch.eval(sources, stopped);
                for (int i = 0; i < events.size(); i++) {
                    evaluated.put(index + i, events.get(i));
                }
            }
            return Optional.ofNullable(evaluated.remove(index));
        }
    }
}
