package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopCheckWeaverTest {

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
        Cell cell = new Cell(1);
        Future<Object> sum = cell.start(() -> c.getMethod("add", int.class, int.class).invoke(null, 2, 3));
        assertEquals(5, sum.get(10, TimeUnit.SECONDS));
    }

    @Test
    void stoppedCellLeavesAnEndlessLoop() throws Exception {
        Class<?> c = wovenSpinner();
        Cell cell = new Cell(2);
        Future<Object> spin = cell.start(() -> c.getMethod("spin").invoke(null));
        Thread.sleep(100);
        cell.stop();
        ExecutionException e = assertThrows(ExecutionException.class, () -> spin.get(10, TimeUnit.SECONDS));
        InvocationTargetException ite = assertInstanceOf(InvocationTargetException.class, e.getCause());
        assertInstanceOf(CellStoppedError.class, ite.getCause());
    }

    @Test
    void otherCellsAreNotStopped() throws Exception {
        Class<?> c = wovenSpinner();
        Cell stopped = new Cell(3);
        stopped.stop();
        Cell other = new Cell(4);
        assertEquals(7, other.start(() -> c.getMethod("add", int.class, int.class).invoke(null, 3, 4))
                .get(10, TimeUnit.SECONDS));
    }
}
