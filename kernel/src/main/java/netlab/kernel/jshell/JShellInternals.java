package netlab.kernel.jshell;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.NavigableMap;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * Reaching JShell's non-public members, for the engine pieces that change how JShell works inside
 * ({@link DeclarationBatch}, {@link ImportPruning}, {@link PreloadedImports}, {@link StaleClassFiles},
 * {@link PackageIndex}). It needs {@code jdk.jshell/jdk.jshell} opened to the kernel (netlab.jar's manifest
 * {@code Add-Opens}); without it each call throws {@code InaccessibleObjectException}, which each piece catches
 * and then leaves JShell as it is.
 */
final class JShellInternals {

    private JShellInternals() {
    }

    /** {@code member}, made accessible. */
    static <T extends AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }

    /** {@code shell}'s {@code TaskFactory}, which runs its javac tasks and owns its file manager. */
    static Object taskFactory(JShell shell) throws ReflectiveOperationException {
        return ClassFileStore.get().taskFactory().get(shell);
    }

    /**
     * The class files JShell has compiled for {@code shell}, by class name: its file manager's store, which javac
     * also reads the {@code REPL} package from.
     */
    static NavigableMap<String, ?> classFiles(JShell shell) throws ReflectiveOperationException {
        return classFilesOf(taskFactory(shell));
    }

    /** {@link #classFiles} from the {@link #taskFactory} a caller already holds. */
    @SuppressWarnings("unchecked")
    static NavigableMap<String, ?> classFilesOf(Object taskFactory) throws ReflectiveOperationException {
        ClassFileStore store = ClassFileStore.get();
        return (NavigableMap<String, ?>) store.classObjects().get(store.fileManager().invoke(taskFactory));
    }

    /**
     * The members from a JShell to its class-file store, looked up on first use and kept: {@link DirectRun} asks
     * for the store at every piece it compiles.
     */
    private record ClassFileStore(Field taskFactory, Method fileManager, Field classObjects) {

        private static ClassFileStore found;

        static synchronized ClassFileStore get() throws ReflectiveOperationException {
            if (found == null) {
                found = new ClassFileStore(open(JShell.class.getDeclaredField("taskFactory")),
                        open(Class.forName("jdk.jshell.TaskFactory").getDeclaredMethod("fileManager")),
                        open(Class.forName("jdk.jshell.MemoryFileManager").getDeclaredField("classObjects")));
            }
            return found;
        }
    }

    /**
     * The members of a JShell and its snippets that several pieces read: its evaluator ({@code Eval}), its map of
     * wrapped classes ({@code OuterWrapMap}) and its snippet maps ({@code SnippetMaps}); a snippet's source as
     * JShell compiles it ({@code guts}) and the setter of the class wrapped around it. Looked up once per JVM.
     */
    record Members(Field eval, Field outerMap, Field maps, Method guts, Method setOuterWrap) {

        private static Members found;

        static synchronized Members get() throws ReflectiveOperationException {
            if (found == null) {
                found = new Members(open(JShell.class.getDeclaredField("eval")),
                        open(JShell.class.getDeclaredField("outerMap")), open(JShell.class.getDeclaredField("maps")),
                        open(Snippet.class.getDeclaredMethod("guts")), open(Snippet.class.getDeclaredMethod(
                                "setOuterWrap", Class.forName("jdk.jshell.OuterWrap"))));
            }
            return found;
        }
    }

    /** The value of {@code owner}'s static field {@code name}. */
    @SuppressWarnings("unchecked")
    static <T> T staticField(Class<?> owner, String name) throws ReflectiveOperationException {
        Field f = open(owner.getDeclaredField(name));
        return (T) f.get(null);
    }

    /**
     * JShell's own wording of what the agent returned or threw, for code the engine runs itself
     * ({@link DeclarationBatch}, {@link DirectRun}): a value's text with wrapper class names cut, and an
     * exception with its frames translated to snippets, as {@code JShell.eval} gives them.
     */
    static final class Results {

        private final Field eval;
        private final Method asJShellException;
        private final Method expunge;

        Results() throws ReflectiveOperationException {
            eval = Members.get().eval();
            asJShellException = open(Class.forName("jdk.jshell.Eval")
                    .getDeclaredMethod("asJShellException", Throwable.class));
            expunge = open(Class.forName("jdk.jshell.Util").getDeclaredMethod("expunge", String.class));
        }

        /** The text of a value the agent sent, as JShell shows it. */
        String value(String shown) throws ReflectiveOperationException {
            return (String) expunge.invoke(null, shown);
        }

        /** What a snippet's code threw in {@code shell}'s agent, as JShell reports it. */
        JShellException exception(JShell shell, ExecutionControl.RunException thrown)
                throws ReflectiveOperationException {
            return (JShellException) asJShellException.invoke(eval.get(shell), thrown);
        }
    }
}
