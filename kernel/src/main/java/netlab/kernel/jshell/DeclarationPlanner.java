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
import java.util.stream.IntStream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.PersistentSnippet;
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

    /** Whether {@code source} may declare again, with other source, a name of the session: read from its text. */
    private static boolean mayRedeclare(String source, Declared declared) {
        Matcher name = DECLARED_NAME.matcher(source);
        while (name.find()) {
            if (declared.redeclares(name.group(1), source)) {
                return true;
            }
        }
        return false;
    }

    /** The session's active declarations and imports when the plan is made. */
    private record Declared(Map<String, PersistentSnippet> bySource, Set<String> names) {

        Declared(Map<String, PersistentSnippet> bySource) {
            this(bySource, bySource.values().stream().map(PersistentSnippet::name).collect(Collectors.toSet()));
        }

        /**
         * Whether declaring {@code name} by {@code source} changes a declaration of the session. Declared again
         * unchanged, JShell keeps its class and loads nothing.
         */
        boolean redeclares(String name, String source) {
            return names.contains(name) && !bySource.containsKey(source);
        }

        /** The declaration {@code source} is written exactly as, if any. */
        Optional<DeclarationSnippet> same(String source) {
            return bySource.get(source) instanceof DeclarationSnippet d ? Optional.of(d) : Optional.empty();
        }
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
            return new Plan(List.of(), Map.of(), pieces);
        }
        // most lone pieces are values or statements, a new declaration, or one run again as it is: no parse
        if (pieces.size() == 1 && StatementClassifier.mayBeStatement(pieces.getFirst().source())) {
            return new Plan(List.of(), Map.of(), pieces);
        }
        Declared declared = new Declared(batch.declared());
        Map<Integer, DeclarationSnippet> again = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            int index = i;
            declared.same(pieces.get(i).source()).ifPresent(d -> again.put(index, d));
        }
        if (pieces.size() == 1 && (!again.isEmpty() || !mayRedeclare(pieces.getFirst().source(), declared))) {
            return new Plan(List.of(), again, pieces);
        }
        // a piece run again joins no run: it is not parsed
        Declaration[] declarations = declarations(pieces, again.keySet());
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
                        || declared.redeclares(declarations[start].name(), pieces.get(start).source()))) {
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

    /** What each piece declares, if it may join a run; null for the pieces {@code skipped}, which are not parsed. */
    private Declaration[] declarations(List<Piece> pieces, Set<Integer> skipped) {
        Declaration[] result = new Declaration[pieces.size()];
        List<Integer> parsedPieces = IntStream.range(0, pieces.size()).filter(i -> !skipped.contains(i)).boxed()
                .toList();
        if (parsedPieces.isEmpty()) {
            return result;
        }
        StatementClassifier.Parsed parsed = parser.parse(parsedPieces.stream()
                .map(i -> "class P" + i + " {\n" + pieces.get(i).source() + "\n}").toList());
        if (parsed == null) {
            return result;
        }
        for (CompilationUnitTree tree : parsed.trees()) {
            int unit = StatementClassifier.indexOf(tree.getSourceFile());
            Piece piece = pieces.get(parsedPieces.get(unit));
            if (!parsed.broken().contains(unit) && piece.complete() && !piece.grouped()) {
                result[parsedPieces.get(unit)] = declaration(tree);
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
        /** Pieces written exactly as a declaration of the session, with it: {@link DeclarationBatch#rerun}. */
        private final Map<Integer, DeclarationSnippet> again;
        private final List<Piece> pieces;
        private final Map<Integer, List<SnippetEvent>> evaluated = new HashMap<>();

        private Plan(List<int[]> runs, Map<Integer, DeclarationSnippet> again, List<Piece> pieces) {
            this.again = again;
            this.pieces = pieces;
            runs.forEach(r -> runEnds.put(r[0], r[1]));
        }

        /** The pieces that may be run again unchanged: for tests. */
        Set<Integer> again() {
            return again.keySet();
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
            DeclarationSnippet same = again.get(index);
            if (same != null) {
                return batch.rerun(same);
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
