package netlab.kernel.jshell;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.management.ObjectName;
import netlab.runtime.Causes;

/**
 * Stops javac on a thread that a cell's stop found compiling. javac runs in the kernel's JVM (and in the grading
 * JVM), never checks for an interrupt, and some short code keeps it busy for minutes: each level of
 * {@code id(b ? id(...) : id(1))} (a generic or overloaded method called with a conditional that calls it again)
 * multiplies its work, so twelve levels, 250 characters, took 48 s here and sixteen did not end within minutes.
 * Such a cell held the kernel's shell thread (the next cells never ran; the interrupt killed an agent that was
 * not running anything) and a grading thread for good (a whole class's batch never finished).
 *
 * <p>When a cell's thread is still inside javac a grace period after the cell's stop ({@link CellRun}: an
 * ordinary compile is let finish), this weaves a call to {@link #check()} into the start of the
 * methods javac's phases recurse through (the parser's, attribution's, the tree scanners' and translators', code
 * generation's), once per JVM, and marks the thread: its next call into one of those methods throws {@link Stopped}, an
 * {@link IllegalStateException}, which javac passes on as it is and JShell wraps; the javac context it ran in is
 * dropped from JShell's pool, and the session goes on (the stopped snippet declared nothing). Weaving costs
 * about 0.3 s once, and only a JVM that met such a cell; a method running when the weave lands keeps its old
 * code, but javac's phases call these methods again for every node of the tree, so the stop comes within
 * microseconds.
 *
 * <p>The weave needs an {@link Instrumentation}: the first such stop loads netlab.jar into its own JVM as an
 * agent ({@code Agent-Class} of its manifest) through the JVM's diagnostic command {@code JVMTI.agent_load}
 * (270 ms here, with the JMX it starts). Measured against an agent the JVM starts with ({@code
 * Launcher-Agent-Class}): that cost every kernel's start 67-86 ms (kernel_info 839 against 772 ms, 12 starts of
 * each, alternating; 867 against 782 ms in a second run), for a cell almost no session meets. The kernel and
 * the grading JVM run with {@code -XX:+EnableDynamicAgentLoading}, which keeps the JDK from warning about it.
 * From a build's class directories (no jar), or where JMX is missing, nothing is woven and a stop cannot end a
 * compile; a test JVM passes {@code -javaagent:netlab.jar} ({@link #premain}).
 */
public final class CompileStop {

    /** javac's classes and the methods of each that get the check: every phase re-enters one per tree node. */
    private static final Map<String, Set<String>> WOVEN = Map.of(
            "com/sun/tools/javac/parser/JavacParser", Set.of("term3", "blockStatement"),
            "com/sun/tools/javac/comp/Attr", Set.of("attribTree"),
            "com/sun/tools/javac/tree/TreeScanner", Set.of("scan"),
            "com/sun/tools/javac/tree/TreeTranslator", Set.of("translate"),
            "com/sun/tools/javac/jvm/Gen", Set.of("genStat", "genExpr"));
    private static final String JAVAC_PACKAGE = "com.sun.tools.javac.";

    private static volatile Instrumentation instrumentation;
    /** Guarded by the class's lock ({@link #weave}). */
    private static boolean woven;
    /** Marked threads; changed under the class's lock, read by {@link #check()} on any thread. */
    private static final Set<Thread> STOPPING = ConcurrentHashMap.newKeySet();
    /** Whether any thread is marked: the check's fast path, a plain read of a volatile. */
    private static volatile boolean anyStopping;

    private CompileStop() {
    }

    /** What a stopped compile throws out of javac: JShell wraps it, {@link #stopped} finds it. */
    public static final class Stopped extends IllegalStateException {
        private Stopped() {
            super("the compile was stopped", null);
        }
    }

    /** The JVM's entry when {@link #weave} loads netlab.jar as an agent: keeps {@code inst} for the weave. */
    public static void agentmain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The JVM's entry for {@code -javaagent:netlab.jar}: as {@link #agentmain}. */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Woven into javac's methods: throws on a thread whose compile was stopped. Not for other callers. */
    public static void check() {
        if (anyStopping && STOPPING.contains(Thread.currentThread())) {
            throw new Stopped();
        }
    }

    /**
     * Stops {@code thread}'s compile if it is inside javac now: true when it will throw {@link Stopped} at its
     * next check. Weaves javac first if no stop has yet. False, and nothing marked, when the thread is not
     * compiling, or javac could not be woven.
     */
    static synchronized boolean stopIfCompiling(Thread thread) {
        if (!compiling(thread) || !weave()) {
            return false;
        }
        STOPPING.add(thread);
        anyStopping = true;
        return true;
    }

    /**
     * {@code work}'s result, or {@code whenStopped} if javac was still at it on this thread after {@code limit}
     * and was stopped: completion and inspection of a cell such code is in would hold the kernel as its run did.
     */
    static <T> T within(Watchdog watchdog, Duration limit, Supplier<T> work, T whenStopped) {
        Deadline deadline = new Deadline(Thread.currentThread());
        Future<?> timer = watchdog.after(limit, deadline);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            if (stopped(e)) {
                return whenStopped;
            }
            throw e;
        } finally {
            timer.cancel(false);
            deadline.end();
        }
    }

    /** Stops the compile on its thread when it fires before {@link #end}; never after, so no mark outlives it. */
    private static final class Deadline implements Runnable {
        private final Thread thread;
        private boolean ended;
        private boolean marked;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!ended) {
                marked = stopIfCompiling(thread);
            }
        }

        void end() {
            boolean release;
            synchronized (this) {
                ended = true;
                release = marked;
            }
            if (release) {
                release(thread);
            }
        }
    }

    /** What {@link #stopIfCompiling} marked {@code thread} for has ended: a later compile there runs. */
    static synchronized void release(Thread thread) {
        STOPPING.remove(thread);
        anyStopping = !STOPPING.isEmpty();
    }

    /** Whether {@code e}, or what it wraps, is a stopped compile's {@link Stopped}. */
    static boolean stopped(Throwable e) {
        return Causes.include(e, Stopped.class);
    }

    /** Whether javac is on {@code thread}'s stack now. */
    static boolean compiling(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().startsWith(JAVAC_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    private static synchronized boolean weave() {
        if (woven) {
            return true;
        }
        try {
            Instrumentation inst = instrumentation();
            Module javac = ModuleLayer.boot().findModule("jdk.compiler").orElseThrow();
            // the woven calls name this class: javac's module must read the class path's
            inst.redefineModule(javac, Set.of(CompileStop.class.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
            Class<?>[] classes = new Class<?>[WOVEN.size()];
            int i = 0;
            for (String name : WOVEN.keySet()) {
                classes[i++] = Class.forName(name.replace('/', '.'), false, javac.getClassLoader());
            }
            Weaver weaver = new Weaver();
            inst.addTransformer(weaver, true);
            try {
                inst.retransformClasses(classes);
            } finally {
                inst.removeTransformer(weaver);
            }
            if (weaver.woven.size() < WOVEN.size()) { // a transformer's exception is dropped by the JVM
                throw new IllegalStateException("not woven: " + weaver.failure);
            }
            woven = true;
            return true;
        } catch (Exception | LinkageError e) {
            EngineLog.ENGINE.log(System.Logger.Level.WARNING, "a cell's compile cannot be stopped: " + e);
            return false;
        }
    }

    /** The JVM's {@link Instrumentation}, loading netlab.jar as this JVM's agent the first time. */
    private static Instrumentation instrumentation() throws Exception {
        if (instrumentation == null) {
            Path jar = Path.of(CompileStop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("not run from netlab.jar but from " + jar);
            }
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "jvmtiAgentLoad",
                    new Object[] {new String[] {jar.toString()}}, new String[] {String[].class.getName()});
        }
        Instrumentation inst = instrumentation;
        if (inst == null || !inst.isRetransformClassesSupported()) {
            throw new IllegalStateException("netlab.jar did not load as an agent that can retransform classes");
        }
        return inst;
    }

    /** Puts a call to {@link #check()} first in each method {@link #WOVEN} names. */
    private static final class Weaver implements ClassFileTransformer {

        private static final ClassDesc SELF = ClassDesc.of(CompileStop.class.getName());
        private static final MethodTypeDesc NO_ARGS = MethodTypeDesc.of(ConstantDescs.CD_void);

        final Set<String> woven = ConcurrentHashMap.newKeySet();
        volatile Throwable failure;

        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) {
            Set<String> methods = WOVEN.get(name);
            if (methods == null || redefined == null) {
                return null;
            }
            try {
                byte[] result = weave(loader, bytes, methods);
                woven.add(name);
                return result;
            } catch (RuntimeException | LinkageError e) {
                failure = e;
                return null;
            }
        }

        private static byte[] weave(ClassLoader loader, byte[] bytes, Set<String> methods) {
            ClassFile files = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.ofResourceParsing(loader)));
            return files.transformClass(files.parse(bytes), ClassTransform.transformingMethodBodies(
                    method -> methods.contains(method.methodName().stringValue()), new CodeTransform() {
                        @Override
                        public void atStart(CodeBuilder code) {
                            code.invokestatic(SELF, "check", NO_ARGS);
                        }

                        @Override
                        public void accept(CodeBuilder code, CodeElement element) {
                            code.with(element);
                        }
                    }));
        }
    }
}
