package netlab.runtime;

import java.util.function.Consumer;
import java.util.function.Supplier;
import netlab.display.DisplaySink;

/**
 * The notebook host the library's tests run under (registered for {@link java.util.ServiceLoader} in the test
 * resources): {@link NotebookHost#OUTSIDE} until a test swaps in the display sink, tracker or scope opener it
 * watches; closing what the swap returns puts the outside one back.
 *
 * <pre>{@code
 * try (var restore = TestHost.showOn(sink)) {
 *     Display.show("x");                      // reaches sink
 * }
 * }</pre>
 */
public final class TestHost implements NotebookHost {

    private static volatile DisplaySink display = OUTSIDE.display();
    private static volatile Consumer<Object> tracker = OUTSIDE::track;
    private static volatile Supplier<? extends StopScope> opener = OUTSIDE::openScope;

    /** Undoes a swap; closing it throws nothing. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    public TestHost() {
    }

    public static Restore showOn(DisplaySink sink) {
        display = sink;
        return () -> display = OUTSIDE.display();
    }

    public static Restore trackWith(Consumer<Object> newTracker) {
        tracker = newTracker;
        return () -> tracker = OUTSIDE::track;
    }

    public static Restore openScopesWith(Supplier<? extends StopScope> newOpener) {
        opener = newOpener;
        return () -> opener = OUTSIDE::openScope;
    }

    @Override
    public DisplaySink display() {
        return display;
    }

    @Override
    public void track(Object resource) {
        tracker.accept(resource);
    }

    @Override
    public StopScope openScope() {
        return opener.get();
    }
}
