package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StopCheckWeaverTest {

    /** The notebook's main thread, as the agent has one: every cell of the class runs on it in turn. */
    private static final MainThread MAIN = new MainThread();

    /** Student-like code: a loop that swallows every exception, and a plain method. */
    public static final class Spinner {
        public static long spin() {
            long n = 0;
            while (true) {
                try {
                    n++;
                } catch (Exception e) {
                    n--;
                }
            }
        }

        public static int add(int a, int b) {
            return a + b;
        }
    }

    private static Class<?> wovenSpinner() throws Exception {
        byte[] original;
        try (InputStream in = Spinner.class.getResourceAsStream("StopCheckWeaverTest$Spinner.class")) {
            original = in.readAllBytes();
        }
        byte[] woven = StopCheckWeaver.weave(original);
        // Child-first for the woven class only: the parent already has the original.
        ClassLoader loader = new ClassLoader(StopCheckWeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Spinner.class.getName())) {
                    return defineClass(name, woven, 0, woven.length);
                }
                return super.loadClass(name, resolve);
            }
        };
        Class<?> c = loader.loadClass(Spinner.class.getName());
        assertNotSame(Spinner.class, c);
        return c;
    }

    @Test
    void wovenCodeStillComputes() throws Exception {
        Class<?> c = wovenSpinner();
        Cell cell = new Cell("test");
        Future<Object> sum = cell.start(MAIN, () -> c.getMethod("add", int.class, int.class).invoke(null, 2, 3));
        assertEquals(5, sum.get(10, TimeUnit.SECONDS));
    }

    @Test
    void stoppedCellLeavesAnEndlessLoop() throws Exception {
        Class<?> c = wovenSpinner();
        Cell cell = new Cell("test");
        Future<Object> spin = cell.start(MAIN, () -> c.getMethod("spin").invoke(null));
        Thread.sleep(100);
        cell.stop();
        ExecutionException e = assertThrows(ExecutionException.class, () -> spin.get(10, TimeUnit.SECONDS));
        InvocationTargetException ite = assertInstanceOf(InvocationTargetException.class, e.getCause());
        assertInstanceOf(CellStoppedError.class, ite.getCause());
    }

    @Test
    void otherCellsAreNotStopped() throws Exception {
        Class<?> c = wovenSpinner();
        Cell stopped = new Cell("test");
        stopped.stop();
        Cell other = new Cell("test");
        assertEquals(7, other.start(MAIN, () -> c.getMethod("add", int.class, int.class).invoke(null, 3, 4))
                .get(10, TimeUnit.SECONDS));
    }

    /** A snippet's wrapper as javac makes it: a default constructor and {@code do_it$} with {@code body}. */
    private static byte[] wrapper(String name, Consumer<CodeBuilder> body) {
        ClassDesc self = ClassDesc.ofInternalName(name);
        return ClassFile.of().build(self, c -> c
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, 0, b -> b
                        .aload(0)
                        .invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                        .return_())
                .withMethodBody("do_it$", MethodTypeDesc.of(ConstantDescs.CD_Object),
                        AccessFlag.PUBLIC.mask() | AccessFlag.STATIC.mask(), body));
    }

    /** {@code return 1 + 1;} as javac compiles it: a constant boxed. */
    private static void value(CodeBuilder b) {
        b.iconst_2().invokestatic(ConstantDescs.CD_Integer, "valueOf",
                MethodTypeDesc.of(ConstantDescs.CD_Integer, ConstantDescs.CD_int)).areturn();
    }

    /** Whether {@code classFile} names class {@code internalName}: calls it. */
    private static boolean names(byte[] classFile, String internalName) {
        for (PoolEntry entry : ClassFile.of().parse(classFile).constantPool()) {
            if (entry instanceof ClassEntry c && c.asInternalName().equals(internalName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean checked(byte[] classFile) {
        return names(classFile, "netlab/agent/StopCheck");
    }

    @Test
    void aValueWrapperLoadsAsItCame() {
        byte[] plain = wrapper("REPL/$JShell$12", StopCheckWeaverTest::value);
        assertSame(plain, StopCheckWeaver.weave(plain));
        byte[] kernels = wrapper("REPL/$JShell$netlabValue7", StopCheckWeaverTest::value);
        assertSame(kernels, StopCheckWeaver.weave(kernels));
    }

    @Test
    void aWrapperThatOnlyBranchesForwardLoadsAsItCame() {
        byte[] choice = wrapper("REPL/$JShell$12", b -> {
            var other = b.newLabel();
            b.iconst_1().ifeq(other).aconst_null().areturn().labelBinding(other);
            value(b);
        });
        assertSame(choice, StopCheckWeaver.weave(choice));
    }

    @Test
    void aWrapperWithALoopIsWoven() {
        byte[] loop = wrapper("REPL/$JShell$12", b -> {
            var top = b.newBoundLabel();
            b.goto_(top);
        });
        assertTrue(checked(StopCheckWeaver.weave(loop)));
    }

    @Test
    void aWrapperOpeningASocketIsWoven() {
        ClassDesc socket = ClassDesc.of("java.net.DatagramSocket");
        byte[] opens = wrapper("REPL/$JShell$12", b -> b.new_(socket).dup()
                .invokespecial(socket, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void).areturn());
        assertTrue(names(StopCheckWeaver.weave(opens), "netlab/agent/Track"));
    }

    @Test
    void classesDeclaredInASnippetAndOtherClassesAreWoven() {
        assertTrue(checked(StopCheckWeaver.weave(wrapper("REPL/$JShell$12$Counter", StopCheckWeaverTest::value))));
        assertTrue(checked(StopCheckWeaver.weave(wrapper("REPL/Counter", StopCheckWeaverTest::value))));
        byte[] lambda = ClassFile.of().build(ClassDesc.ofInternalName("REPL/$JShell$13"), c -> c
                .withMethodBody("do_it$", MethodTypeDesc.of(ConstantDescs.CD_Object),
                        AccessFlag.PUBLIC.mask() | AccessFlag.STATIC.mask(), StopCheckWeaverTest::value)
                .withMethodBody("lambda$do_it$$0", ConstantDescs.MTD_void,
                        AccessFlag.PRIVATE.mask() | AccessFlag.STATIC.mask(), CodeBuilder::return_));
        assertFalse(StopCheckWeaver.needsNothing(ClassFile.of().parse(lambda)));
        assertTrue(checked(StopCheckWeaver.weave(lambda)));
    }
}
