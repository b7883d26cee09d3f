package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellInternals.open;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import netlab.agent.AgentProtocol;

/**
 * A piece of a cell that declares nothing (the expression that ends it, whose value the notebook shows, or
 * plain statements: {@code System.out.println(x);}, {@code for (...) {...}}) compiled by one javac task and
 * run, where JShell spends three or four on it (its parse, an analysis, then the compile of the same source;
 * an expression's type first) and makes a snippet the session then carries. Nothing of JShell's bookkeeping is
 * needed for code no later cell can name. The piece is wrapped as
 * {@code class $JShell$netlabValue7 { public static Object do_it$() throws Throwable { return (EXPRESSION); } }}
 * (statements: {@code public static void do_it$() throws Throwable { STATEMENTS }}) under the header JShell
 * would give it (the session's imports, and the declarations the piece names, as {@link ImportPruning}
 * chooses), compiled in one of JShell's own pooled javac tasks, loaded into the agent and invoked, as JShell
 * does with its wrappers, but in one exchange with the agent ({@link LoadThenInvoke}). An expression whose method returns nothing runs as a statement and shows nothing.
 * Statements are checked on javac's tree before anything else: one that declares (a variable, a local class)
 * is left to JShell, whose top level keeps it.
 *
 * <p>What does not compile that way is left to the caller, unrun, which gives it to JShell as written, so a
 * student's mistake reads as JShell reports it. What it throws reads as from JShell: its frames are JShell's
 * translation of the agent's (the class name carries JShell's wrapper prefix, so the translation stops below
 * it), with the piece's own frames at {@code #v7} and their line in the piece.
 *
 * <p>Measured (C1 only, one kernel, {@code 1 + 1}, cells 150-450): the kernel's shell thread 4.4 ms of CPU per
 * cell against 7.2 ms through JShell; README has the benchmark. Needs {@code jdk.jshell/jdk.jshell} opened to
 * the kernel, as {@link ImportPruning} does; without it, or on a JDK whose internals differ, {@link #evaluate}
 * returns empty and the caller uses JShell.
 */
final class DirectRun {

    private static final Optional<Internals> INTERNALS = Internals.lookUp();
    private static final AtomicLong COUNT = new AtomicLong();
    /**
     * The full name of every class a piece is wrapped in starts so: {@code REPL.$JShell$netlabValue7}. Its simple
     * name starts with JShell's wrapper prefix ({@link AgentProtocol#PIECE_CLASS_PREFIX}), so JShell's stack
     * translation and its {@code expunge} treat the class as a wrapper.
     */
    static final String CLASS_NAME_PREFIX = "REPL." + AgentProtocol.PIECE_CLASS_PREFIX;
    /** JShell's name for the method that runs a snippet; a {@code var}'s initializer runs in {@code do_it$Aux}. */
    static final String DO_IT = "do_it$";
    /** What JShell compiles a snippet with (TaskFactory.compile); the pool adds the session's own options. */
    private static final List<String> OPTIONS = List.of("-Xlint:unchecked,-strictfp", "-proc:none", "-parameters");
    /** The names the class around a piece uses: an import of a type so named would change what they mean. */
    private static final String WRAPPER_NAMES = "\nObject Throwable";
    /** javac's code for an expression that cannot convert to Object: one that returns nothing. */
    private static final String NOT_CONVERTIBLE = "compiler.err.prob.found.req";

    /** What became of the expression: it ran, or JShell should evaluate it as written. */
    sealed interface Outcome {
    }

    /** Not run: it does not compile so (or is no expression), and JShell should evaluate it as written. */
    record AsWritten() implements Outcome {
    }

    /** It ran (or began to): what the notebook shows next. */
    sealed interface Ran extends Outcome {
    }

    /** It ran; {@code text} is its value as JShell shows it. */
    record Value(String text) implements Ran {
    }

    /** A method returning nothing ran: nothing to show. */
    record NoValue() implements Ran {
    }

    /** It threw; its own frames are at the {@code #snippetId} it was named. */
    record Threw(JShellException exception) implements Ran {
    }

    /** It was stopped, or the agent ended: the caller reads which from the run and the session. */
    record Ended() implements Ran {
    }

    private DirectRun() {
    }

    /**
     * Compiles and runs {@code source} in {@code session}: as an expression whose value shows when
     * {@code shown}, else as statements; {@code named} is told the snippet id its frames carry before it runs.
     * {@code endsCell}: nothing of the cell runs after it, so the agent ends the cell as its invoke returns
     * ({@link KernelExecutionControl#loadAndInvoke}).
     * Empty, unrun, when JShell's internals cannot be reached (then {@link ValueExpression} is the next best way
     * for a value).
     */
    static Optional<Outcome> evaluate(Session session, String source, boolean shown, boolean endsCell,
            Consumer<String> named) {
        if (INTERNALS.isEmpty()) {
            return Optional.empty();
        }
        if (!StatementClassifier.mayBeStatement(source)) {
            return Optional.of(new AsWritten()); // a declaration: JShell's
        }
        return Optional.of(INTERNALS.get().evaluate(session, source, shown && ValueExpression.mayBeExpression(source),
                endsCell, named));
    }

    /** A compile's classes, or its errors. */
    private record Compiled(List<ClassBytecodes> classes, List<Diagnostic<? extends JavaFileObject>> errors) {

        boolean returnsNothing() {
            return !errors.isEmpty() && errors.stream().allMatch(d -> NOT_CONVERTIBLE.equals(d.getCode()));
        }
    }

    /** JShell's members this needs, looked up once per JVM. */
    private static final class Internals {

        final MethodHandle runTask;
        final MethodHandle newStringSourceHandler;
        /**
         * The constructor of JShell's compile task, called for what it sets up in the pooled javac context:
         * JShell's parser for wrapped code, which a context keeps from its first task on.
         */
        final MethodHandle useJShellParser;
        final Method bytes;
        final JShellInternals.Results results;
        /** A {@code TaskFactory.Worker} that does nothing: the task's creator does the work. */
        final Object noWork;

        private Internals() throws ReflectiveOperationException {
            Class<?> factoryClass = Class.forName("jdk.jshell.TaskFactory");
            MethodHandles.Lookup inJShell = MethodHandles.privateLookupIn(factoryClass, MethodHandles.lookup());
            Class<?> sourceHandler = Class.forName("jdk.jshell.TaskFactory$SourceHandler");
            Class<?> worker = Class.forName("jdk.jshell.TaskFactory$Worker");
            runTask = inJShell.findVirtual(factoryClass, "runTask", MethodType.methodType(Object.class,
                    Stream.class, sourceHandler, List.class, BiFunction.class, worker));
            newStringSourceHandler = inJShell.findConstructor(
                    Class.forName("jdk.jshell.TaskFactory$StringSourceHandler"),
                    MethodType.methodType(void.class, factoryClass));
            useJShellParser = inJShell.findConstructor(Class.forName("jdk.jshell.TaskFactory$CompileTask"),
                    MethodType.methodType(void.class, factoryClass, sourceHandler,
                            Class.forName("com.sun.tools.javac.api.JavacTaskImpl"), DiagnosticCollector.class));
            bytes = open(Class.forName("jdk.jshell.MemoryFileManager$OutputMemoryJavaFileObject")
                    .getDeclaredMethod("getBytes"));
            results = new JShellInternals.Results();
            noWork = Proxy.newProxyInstance(worker.getClassLoader(), new Class<?>[] {worker}, (proxy, m, args) ->
                    switch (m.getName()) {
                        case "withTask" -> null;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "TaskFactory.Worker (netlab)";
                    });
        }

        static Optional<Internals> lookUp() {
            try {
                return Optional.of(new Internals());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "every piece goes through JShell: " + e);
                return Optional.empty();
            }
        }

        Outcome evaluate(Session session, String source, boolean value, boolean endsCell, Consumer<String> named) {
            JShell shell = session.shell();
            long n = COUNT.incrementAndGet();
            String name = AgentProtocol.PIECE_CLASS_PREFIX + n;
            try {
                Optional<String> imports = ImportPruning.header(shell, source + WRAPPER_NAMES);
                if (imports.isEmpty()) {
                    return new AsWritten();
                }
                String header = imports.get();
                String opening = header + "class " + name + " { public static ";
                // the newlines keep a trailing // comment from swallowing what follows
                Compiled compiled = value
                        ? compile(shell, opening + "Object " + DO_IT + "() throws Throwable { return (" + source
                                + "\n); } }", false)
                        : null;
                boolean returnsNothing = compiled == null || compiled.returnsNothing();
                if (returnsNothing) {
                    String statements = CellSplitter.withoutTrailingComments(source).endsWith(";")
                            || source.stripTrailing().endsWith("}") ? source : source + "\n;";
                    compiled = compile(shell, opening + "void " + DO_IT + "() throws Throwable {" + statements
                            + "\n} }", true);
                }
                if (!compiled.errors().isEmpty() || compiled.classes().isEmpty()) {
                    return new AsWritten();
                }
                String snippetId = "v" + n;
                session.pieces().record(CLASS_NAME_PREFIX + n, snippetId, lines(header));
                named.accept(snippetId);
                return run(session, compiled.classes(), CLASS_NAME_PREFIX + n, returnsNothing, endsCell);
            } catch (ExecutionControl.EngineTerminationException e) {
                return new Ended();
            } catch (CompileStop.Stopped e) {
                throw e; // the cell was stopped in javac: JShell must not compile the piece again
            } catch (Throwable e) { // invoke's signature; an internal that changed: JShell runs it as before
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "a piece went through JShell: " + e);
                return new AsWritten();
            }
        }

        /**
         * Loads the piece's classes and runs it; never throws, since from here on it has run (or may have), unless
         * its classes did not load (then JShell may still manage).
         */
        private Outcome run(Session session, List<ClassBytecodes> classes, String className,
                boolean returnsNothing, boolean endsCell) {
            try {
                Optional<String> value = session.control().loadAndInvoke(classes.toArray(ClassBytecodes[]::new),
                        className, DO_IT, endsCell);
                if (value.isEmpty()) {
                    return new AsWritten(); // nothing ran
                }
                return returnsNothing ? new NoValue() : new Value(results.value(value.get()));
            } catch (ExecutionControl.UserException | ExecutionControl.ResolutionException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    t.setStackTrace(session.pieces().placed(t.getStackTrace()));
                }
                try {
                    return new Threw(results.exception(session.shell(), e));
                } catch (ReflectiveOperationException | RuntimeException internal) {
                    EngineLog.ENGINE.log(System.Logger.Level.WARNING,
                            "what a piece threw could not be translated: " + internal);
                    return new Ended();
                }
            } catch (ExecutionControl.EngineTerminationException | ExecutionControl.RunException e) {
                return new Ended();
            } catch (ExecutionControl.InternalException | ReflectiveOperationException | RuntimeException e) {
                EngineLog.ENGINE.log(System.Logger.Level.WARNING, "the agent could not run a piece: " + e);
                return new Ended();
            }
        }

        /**
         * {@code code} compiled by one of the session's pooled javac tasks (which purges the {@code REPL}
         * package after it, as after every JShell task); its class files are not kept for later snippets,
         * since none can name them.
         */
        private Compiled compile(JShell shell, String code, boolean statements) throws Throwable {
            Object factory = JShellInternals.taskFactory(shell);
            Map<String, ?> files = JShellInternals.classFilesOf(factory);
            Object sourceHandler = newStringSourceHandler.invoke(factory);
            List<ClassBytecodes> classes = new ArrayList<>();
            List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
            BiFunction<Object, DiagnosticCollector<JavaFileObject>, Object> creator = (task, diagnostics) -> {
                JavacTask javac = (JavacTask) task;
                try {
                    Object unused = useJShellParser.invoke(factory, sourceHandler, task, diagnostics);
                    Iterable<? extends CompilationUnitTree> units = javac.parse();
                    if (statements && !declaresNothing(units)) {
                        return null; // no classes, no errors: JShell's
                    }
                    javac.analyze();
                    diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .forEach(errors::add);
                    if (errors.isEmpty()) {
                        for (JavaFileObject file : javac.generate()) { // javac's wrapper of JShell's file
                            Object written = files.remove(file.getName());
                            classes.add(new ClassBytecodes(file.getName(), (byte[]) bytes.invoke(written)));
                        }
                    }
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) { // invoke's signature, generate's IOException
                    throw new IllegalStateException(e);
                }
                return null;
            };
            runTask.invoke(factory, Stream.of(code), sourceHandler, OPTIONS, creator, noWork);
            return new Compiled(classes, errors);
        }

        /** Whether the method wrapping statements holds only statements that declare nothing. */
        private static boolean declaresNothing(Iterable<? extends CompilationUnitTree> units) {
            for (CompilationUnitTree unit : units) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c && c.getMembers().getFirst() instanceof MethodTree m
                            && m.getBody() != null) {
                        return m.getBody().getStatements().stream().allMatch(
                                st -> st.getKind() == Tree.Kind.EMPTY_STATEMENT || StatementClassifier.joinable(st));
                    }
                }
            }
            return false;
        }

        private static int lines(String text) {
            return (int) text.chars().filter(c -> c == '\n').count();
        }
    }
}
