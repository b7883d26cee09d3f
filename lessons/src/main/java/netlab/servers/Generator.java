package netlab.servers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import netlab.text.Text;

/**
 * A Python-style generator on the JDK's own coroutine, {@code jdk.internal.vm.Continuation}: the body runs until it
 * calls {@code out.yield(value)}, is frozen there (its stack saved), and goes on from that very line when the next
 * value is asked for. A virtual thread is exactly this: a Continuation, plus a scheduler that runs it on a carrier
 * thread.
 *
 * <pre>{@code
 * Generator<Integer> squares = Generator.of(out -> {
 *     for (int i = 1; i <= 3; i++) {
 *         out.yield(i * i);      // frozen here until the next value is asked for
 *     }
 * });
 * squares.next()     // 1
 * squares.next()     // 4
 * squares.next()     // 9
 * squares.hasNext()  // false
 * }</pre>
 *
 * <p>{@code Continuation} is internal and unsupported: it needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED},
 * which the netlab kernel gives the notebook. Unlike a Python generator (stackless: one frame is saved), it is
 * stackful: {@code yield} may be called from any method the body calls. It cannot yield while holding a native
 * frame. Not thread safe: one thread iterates it.
 */
public final class Generator<T> implements Iterator<T>, Iterable<T> {

    /** What the body yields through. */
    public interface Out<T> {
        /** Hands {@code value} to whoever asked for the next one, and waits (frozen) until the one after is asked for. */
        void yield(T value);
    }

    private final Object continuation;
    private T value;
    private boolean ready;

    private Generator(Consumer<Out<T>> body) {
        Out<T> out = v -> {
            value = v;
            ready = true;
            Jdk.yield();
        };
        this.continuation = Jdk.continuation(() -> body.accept(out));
    }

    /** A generator running {@code body}, which yields through its argument. Example: {@code Generator.of(out -> out.yield(1))}. */
    public static <T> Generator<T> of(Consumer<Out<T>> body) {
        return new Generator<>(body);
    }

    /** Whether the body yields another value; runs it up to its next {@code yield} (or its end) to know. */
    @Override
    public boolean hasNext() {
        if (!ready && !Jdk.isDone(continuation)) {
            Jdk.run(continuation);
        }
        return ready;
    }

    /** The next value: the body runs from where it was frozen to its next {@code yield}. Example: {@code g.next()}. */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(Text.of("servers.gen.done"));
        }
        ready = false;
        T v = value;
        value = null;
        return v;
    }

    /** This generator, so it can be used in a for-each loop (once). */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /** jdk.internal.vm.Continuation through method handles: only the run time needs it exported, not javac. */
    private static final class Jdk {
        private static final Object SCOPE;
        private static final MethodHandle NEW;
        private static final MethodHandle RUN;
        private static final MethodHandle IS_DONE;
        private static final MethodHandle YIELD;
        private static final IllegalStateException UNAVAILABLE;

        static {
            Object scope = null;
            MethodHandle make = null;
            MethodHandle run = null;
            MethodHandle done = null;
            MethodHandle yield = null;
            IllegalStateException unavailable = null;
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup(); // publicLookup sees only packages exported to everyone
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
                scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class)).invoke("netlab.generator");
                make = lookup.findConstructor(continuation, MethodType.methodType(void.class, scopeClass, Runnable.class));
                run = lookup.findVirtual(continuation, "run", MethodType.methodType(void.class));
                done = lookup.findVirtual(continuation, "isDone", MethodType.methodType(boolean.class));
                yield = lookup.findStatic(continuation, "yield", MethodType.methodType(boolean.class, scopeClass));
            } catch (Throwable e) {
                unavailable = new IllegalStateException(Text.of("servers.gen.exports", e.toString()), e);
            }
            SCOPE = scope;
            NEW = make;
            RUN = run;
            IS_DONE = done;
            YIELD = yield;
            UNAVAILABLE = unavailable;
        }

        static Object continuation(Runnable body) {
            check();
            try {
                return NEW.invoke(SCOPE, body);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        static void run(Object c) {
            try {
                RUN.invoke(c);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        static boolean isDone(Object c) {
            try {
                return (boolean) IS_DONE.invoke(c);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        static void yield() {
            try {
                boolean ignored = (boolean) YIELD.invoke(SCOPE);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        private static void check() {
            if (UNAVAILABLE != null) {
                throw new IllegalStateException(UNAVAILABLE.getMessage(), UNAVAILABLE);
            }
        }

        private static RuntimeException rethrow(Throwable e) {
            if (e instanceof RuntimeException r) {
                return r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            return new IllegalStateException(e);
        }
    }
}
