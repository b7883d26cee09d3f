package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellInternals.open;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;

/**
 * Evaluates a run of top-level declarations with one javac analysis and one compile instead of two per
 * declaration, through JShell's own multi-snippet path (the one it uses to recompile a declaration's
 * dependents), so each declaration is still a snippet of its own: its own status, diagnostics, value,
 * redefinable alone, listed by {@code /vars} and completion.
 *
 * <p>Why reach into JShell: {@link JShell#eval} compiles each snippet in two javac tasks, each wrapping the
 * snippet in a class that imports every active declaration, so a cell of N declarations costs 2N tasks whose
 * import phase grows with N (JFR on a 200-declaration cell: 84 % of the kernel thread in javac's analyze and
 * compile tasks, 51 % of it entering imports and reading REPL classes; the agent's round trips under 2 %).
 * JShell's {@code Eval.compileAndLoad(Set<Unit>)} compiles a set of units in one analysis and one compile
 * task and loads their classes in one round trip. It is package-private: the kernel JVM opens
 * {@code jdk.jshell/jdk.jshell} to reach it (netlab.jar's manifest {@code Add-Opens}); without that, or on a
 * JDK whose internals differ, {@link #available} is false and the engine evaluates one snippet at a time.
 *
 * <p>Measured before choosing (JDK 25, this shared 2-core machine at load 17-18; thread CPU of one JVM running
 * both ways interleaved, a cell of 200 {@code int vN = N * 2;} six times): one by one 2.6-4.4 s, as one batch
 * 0.32-1.3 s (6-10× less after the first round). In the kernel the gain was smaller while each unit of a run
 * imported every active declaration and every other unit of its run (JFR of the batch: 31 % entering imports,
 * 19 % parsing them, 14 % building their text), which bounded runs to 8 and left kernel-bench's
 * 200-declaration cell at 1.1-2.2 s. {@link ImportPruning} now imports into a unit only what it names, so runs
 * are {@link DeclarationPlanner#MAX_RUN} long. One kernel-option JVM, the cell ten times, load 6-7, kernel CPU
 * per cell from the fifth round: 0.20-0.23 s against main's 1.0-1.35 s, plus 0.06 s in the agent (200
 * invokes). {@code bench/kernel-bench --runs 30 --compare} main's jar, three runs at load 8-19, median wall /
 * mean CPU of 5 cells: 2.24 / 0.73, 1.70 / 1.10, 0.89 / 0.61 s against main's 2.18 / 1.56, 4.68 / 1.71,
 * 3.72 / 2.12 s; kernel+agent RSS after the run 223-225 MB against 285-288 MB. Of what was left (JFR):
 * javac's compile task 33 %, its analysis 22 %, JShell parsing each declaration alone 12 %, the cell's
 * splitter 17 % (since cut to a third by {@link CellSplitter}'s windows). Also tried: a multi-variable
 * declaration ({@code int a = 1, b = 2;}) gives one snippet per variable but JShell still compiles each alone.
 *
 * <p>A declaration edited and run again (other source under a declared name) gets a new class name at once: JShell
 * would compile it under the old name, ask the agent to redefine that class, which it cannot, and analyze and
 * compile it again under a new one. So {@link DeclarationPlanner} sends such a declaration through here even
 * alone, a run of one. A cell run again unchanged compiles to identical bytes, which JShell neither redefines nor
 * reloads: it keeps its name. Measured by {@code bench/kernel-bench --compare} main's jar, two runs at load 0.4 and
 * 0.1: the edited cell {@code int x = k;} p50 12.1 / 12.6 ms against 13.6 / 14.4 ms (ipykernel 6.2 / 6.5 ms); an
 * edited method, 100 cells in each of two fresh kernels taking turns, 15.8 against 16.1 ms.
 *
 * <p>A declaration run again exactly as the session has it, and valid (a notebook run again from the top, a cell
 * run twice), is not compiled at all ({@link #rerun}): JShell would parse, analyze and compile it into the bytes
 * its class already has, load nothing and run its initializer, so only the initializer runs, and the snippet stays
 * the session's. Measured by {@code bench/kernel-bench --compare} main's jar, two runs at load 0.6 and 1.2: the
 * declaration cell {@code int x = 1;} (run again from the second time on) p50 6.0 / 4.8 ms against 9.8 / 8.7 ms
 * (ipykernel 6.3 / 5.9 ms), its 200-declaration cell run again as it is 79 / 58 ms against 239 / 177 ms. In the same
 * runs, with every declaration's source changed each run, that cell took 265 / 223 ms against 491 / 359 ms, and the
 * 200-line method edited each run 55 / 40 ms against 117 / 84 ms: JShell's path compiled each twice.
 *
 * <p>What stays as {@link JShell#eval} one by one would do, given what {@link DeclarationPlanner} lets
 * into a run (no name declared twice, no reference to a later declaration of the run): initializers run
 * in order, each on its own invoke; the first declaration that is rejected or throws ends the run and the
 * declarations after it are dropped again, so later cells do not see what a one-by-one cell never reached.
 */
final class DeclarationBatch {

    private static final String DO_IT = "do_it$";

    private final JShell shell;
    private final Internals internals;

    private DeclarationBatch(JShell shell, Internals internals) {
        this.shell = shell;
        this.internals = internals;
    }

    /** A batch evaluator for {@code shell}, or empty when JShell's internals cannot be reached. */
    static Optional<DeclarationBatch> on(JShell shell) {
        return Internals.INSTANCE.map(i -> new DeclarationBatch(shell, i));
    }

    /** The session's active declarations (variables, methods, types) and imports, by their source as written. */
    Map<String, PersistentSnippet> declared() {
        return shell.snippets().filter(s -> s instanceof PersistentSnippet && !TempVariables.holdsValue(s)
                        && shell.status(s).isActive())
                .collect(Collectors.toMap(Snippet::source, s -> (PersistentSnippet) s, (first, later) -> later));
    }

    /**
     * Runs {@code declaration} of the session again without compiling it, for a piece written exactly as its
     * source: JShell would parse, analyze and compile it into the bytes its class already has, neither redefine
     * nor load that class, and run its initializer; this runs the initializer (a variable's; methods and types
     * have none). Its event is the declaration's own, still valid. Empty, with nothing run, when the declaration is
     * no longer valid (replaced since, or waiting for a name): the engine evaluates the piece as usual.
     *
     * @throws IllegalStateException as {@link JShell#eval} when the shell is closed (the agent died)
     */
    Optional<List<SnippetEvent>> rerun(DeclarationSnippet declaration) {
        if (shell.status(declaration) != Snippet.Status.VALID) {
            return Optional.empty();
        }
        try {
            return Optional.of(List.of(internals.rerun(shell, declaration)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JShell's batch path failed: " + e, e);
        }
    }

    /** Whether JShell's multi-snippet path can be reached in this JVM. */
    static boolean available() {
        return Internals.INSTANCE.isPresent();
    }

    /**
     * Evaluates {@code sources} (each one declaration JShell takes as one snippet) as one compile. Returns
     * the events of each source evaluated, in order: fewer than {@code sources} when one was rejected, threw,
     * or {@code stopped} became true after an invoke; then that one's events are the last, and the
     * declarations after it were dropped. Empty, with nothing evaluated, when a source is not exactly one
     * snippet or does not parse.
     *
     * @throws IllegalStateException as {@link JShell#eval} when the shell is closed (the agent died)
     */
    List<List<SnippetEvent>> eval(List<String> sources, BooleanSupplier stopped) {
        try {
            return internals.eval(shell, sources, stopped);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JShell's batch path failed: " + e, e);
        }
    }

    /** JShell's package-private members this class uses, looked up once per JVM. */
    private static final class Internals {

        static final Optional<Internals> INSTANCE = lookUp();

        final Field eval;
        final Method sourceToSnippets;
        final Method syntheticDiags;
        final Constructor<?> unit;
        final Method compileAndLoad;
        final Method events;
        final Method executionControl;
        final Method classFullName;
        final Method isExecutable;
        final Method notifyKeyStatusEvent;
        final JShellInternals.Results results;
        final Field sourceCodeAnalysis;
        final Method checkIfAlive;
        final Method suspendIndexing;
        final Method resumeIndexing;
        final Field outerMap;
        final Method wrapInClass;
        final Method guts;
        final Method setOuterWrap;
        /** The unit's predecessor: the session's snippet with the same key, or null. */
        final Field replaced;
        final Method markForReplacement;
        final Constructor<SnippetEvent> event;

        private Internals() throws ReflectiveOperationException {
            Class<?> evalClass = Class.forName("jdk.jshell.Eval");
            Class<?> unitClass = Class.forName("jdk.jshell.Unit");
            Class<?> diagList = Class.forName("jdk.jshell.DiagList");
            JShellInternals.Members members = JShellInternals.Members.get();
            eval = members.eval();
            sourceToSnippets = open(evalClass.getDeclaredMethod("sourceToSnippets", String.class));
            syntheticDiags = open(Snippet.class.getDeclaredMethod("syntheticDiags"));
            unit = open(unitClass.getDeclaredConstructor(JShell.class, Snippet.class, Snippet.class, diagList));
            replaced = open(unitClass.getDeclaredField("siOld"));
            markForReplacement = open(unitClass.getDeclaredMethod("markForReplacement"));
            event = open(SnippetEvent.class.getDeclaredConstructor(Snippet.class, Snippet.Status.class,
                    Snippet.Status.class, boolean.class, Snippet.class, String.class, JShellException.class));
            compileAndLoad = open(evalClass.getDeclaredMethod("compileAndLoad", Set.class));
            events = open(evalClass.getDeclaredMethod("events", unitClass, Collection.class, String.class,
                    JShellException.class));
            executionControl = open(JShell.class.getDeclaredMethod("executionControl"));
            classFullName = open(Snippet.class.getDeclaredMethod("classFullName"));
            isExecutable = open(Snippet.class.getDeclaredMethod("isExecutable"));
            Class<?> outerWrapMap = Class.forName("jdk.jshell.OuterWrapMap");
            outerMap = members.outerMap();
            wrapInClass = open(outerWrapMap.getDeclaredMethod("wrapInClass", Set.class, Collection.class, List.class,
                    List.class));
            guts = members.guts();
            setOuterWrap = members.setOuterWrap();
            Class<?> analysisClass = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
            checkIfAlive = open(JShell.class.getDeclaredMethod("checkIfAlive"));
            sourceCodeAnalysis = open(JShell.class.getDeclaredField("sourceCodeAnalysis"));
            suspendIndexing = open(analysisClass.getDeclaredMethod("suspendIndexing"));
            resumeIndexing = open(analysisClass.getDeclaredMethod("resumeIndexing"));
            results = new JShellInternals.Results();
            notifyKeyStatusEvent = open(JShell.class.getDeclaredMethod("notifyKeyStatusEvent", SnippetEvent.class));
        }

        private static Optional<Internals> lookUp() {
            try {
                return Optional.of(new Internals());
            } catch (ReflectiveOperationException | RuntimeException e) {
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "declarations compile one at a time: " + e);
                return Optional.empty();
            }
        }

        List<List<SnippetEvent>> eval(JShell shell, List<String> sources, BooleanSupplier stopped)
                throws ReflectiveOperationException {
            call(checkIfAlive, shell); // IllegalStateException once the agent died, as JShell.eval
            // as JShell.eval: completion's background indexing waits while the compiler is busy
            Object analysis = sourceCodeAnalysis.get(shell);
            if (analysis != null) {
                call(suspendIndexing, analysis);
            }
            try {
                return evalAll(shell, sources, stopped);
            } finally {
                if (analysis != null) {
                    call(resumeIndexing, analysis);
                }
            }
        }

        private List<List<SnippetEvent>> evalAll(JShell shell, List<String> sources, BooleanSupplier stopped)
                throws ReflectiveOperationException {
            Object evaluator = eval.get(shell);
            List<Snippet> snippets = new ArrayList<>();
            List<Object> units = new ArrayList<>();
            for (String source : sources) {
                List<?> parsed = (List<?>) call(sourceToSnippets, evaluator, source);
                if (parsed.size() != 1 || ((Snippet) parsed.getFirst()).kind() == Snippet.Kind.ERRONEOUS) {
                    return List.of(); // nothing installed yet: the engine evaluates these one by one
                }
                Snippet snippet = (Snippet) parsed.getFirst();
                snippets.add(snippet);
                Object unit = this.unit.newInstance(shell, snippet, null, call(syntheticDiags, snippet));
                if (changes(shell, (Snippet) replaced.get(unit), snippet)) {
                    call(markForReplacement, unit);
                }
                units.add(unit);
            }
            // compileAndLoad wraps each unit importing the others, so each needs its class name first: the name
            // depends only on the snippet's key and version, which the units' constructors have fixed
            Object outers = outerMap.get(shell);
            for (Snippet snippet : snippets) {
                call(setOuterWrap, snippet, call(wrapInClass, outers, Set.of(), List.of(), List.of(snippet),
                        List.of(call(guts, snippet))));
            }
            @SuppressWarnings("unchecked")
            Set<Object> outs = (Set<Object>) call(compileAndLoad, evaluator, new LinkedHashSet<>(units));
            ExecutionControl control = (ExecutionControl) call(executionControl, shell);
            List<List<SnippetEvent>> result = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Snippet snippet = snippets.get(i);
                // a rejected declaration ends the run; one waiting for a name (RECOVERABLE_*) does not
                Ran ran = shell.status(snippet).isDefined() ? run(shell, control, snippet) : Ran.NOTHING;
                String value = ran.value();
                JShellException exception = ran.exception();
                boolean ended = shell.status(snippet) == Snippet.Status.REJECTED || ran.stopped()
                        || exception != null || stopped.getAsBoolean();
                boolean last = ended || i == units.size() - 1;
                // the run's other units are reported with their own source; dependents outside it with the last
                Collection<Object> reported = new ArrayList<>(last ? outs : List.of(units.get(i)));
                if (last) {
                    reported.removeAll(units);
                    reported.add(units.get(i));
                }
                @SuppressWarnings("unchecked")
                List<SnippetEvent> events = (List<SnippetEvent>) call(this.events, evaluator, units.get(i),
                        reported, value, exception);
                for (SnippetEvent e : events) {
                    call(notifyKeyStatusEvent, shell, e);
                }
                result.add(List.copyOf(events));
                if (ended) {
                    for (Snippet after : snippets.subList(i + 1, snippets.size())) {
                        if (shell.status(after).isActive()) {
                            shell.drop(after);
                        }
                    }
                    break;
                }
            }
            return result;
        }

        /** {@code snippet}, valid and loaded, run again: its initializer, if it has one. */
        SnippetEvent rerun(JShell shell, Snippet snippet) throws ReflectiveOperationException {
            call(checkIfAlive, shell);
            Ran ran = run(shell, (ExecutionControl) call(executionControl, shell), snippet);
            return event.newInstance(snippet, Snippet.Status.VALID, Snippet.Status.VALID, false, null, ran.value(),
                    ran.exception());
        }

        /** What running a defined snippet's initializer gave: its value, or what it threw, or that it was stopped. */
        private record Ran(String value, JShellException exception, boolean stopped) {
            static final Ran NOTHING = new Ran(null, null, false);
        }

        private Ran run(JShell shell, ExecutionControl control, Snippet snippet) throws ReflectiveOperationException {
            if (!(boolean) call(isExecutable, snippet)) {
                return Ran.NOTHING;
            }
            try {
                String shown = control.invoke((String) call(classFullName, snippet), DO_IT);
                return new Ran(snippet.subKind().hasValue() ? results.value(shown) : "", null, false);
            } catch (ExecutionControl.UserException | ExecutionControl.ResolutionException e) {
                return new Ran(null, results.exception(shell, e), false);
            } catch (ExecutionControl.EngineTerminationException e) {
                shell.close();
                throw new IllegalStateException("the agent terminated", e);
            } catch (ExecutionControl.RunException | ExecutionControl.InternalException e) {
                return new Ran(null, null, true); // a stop (StopException) or an agent-side failure
            }
        }

        /**
         * Whether {@code snippet} replaces {@code old}, a method or an initialized variable whose class the agent has
         * loaded, with other source. JShell would compile it under the old class name, ask the agent to redefine
         * that class, which it cannot (no JVMTI), and compile it again under a new name; a new name at once spares
         * the analysis and the compile that fail. Unchanged source compiles to the same bytes, which JShell neither
         * redefines nor loads again, so it keeps the old name. Source changed in a comment only may compile to the
         * same bytes too: for a method or an initialized variable a new class changes nothing a student sees (the
         * initializer runs either way), but a new class of a type would make its variables again, their values
         * gone, and an uninitialized variable would lose its value; so those are left to JShell, which compares
         * the bytes.
         */
        private static boolean changes(JShell shell, Snippet old, Snippet snippet) {
            boolean holder = snippet.kind() == Snippet.Kind.METHOD
                    || snippet.subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND;
            return holder && old != null && shell.status(old).isDefined() && !old.source().equals(snippet.source());
        }

        private static Object call(Method m, Object target, Object... args) throws ReflectiveOperationException {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }
}
