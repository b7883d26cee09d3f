package netlab.runtime;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lets the notebook know which sockets, threads and executors the course library opened on behalf of a cell,
 * so interrupting or re-running that cell releases them (and its ports). Outside a notebook nothing is
 * tracked and {@link #track} just returns its argument.
 *
 * <pre>{@code
 * DatagramSocket socket = Resources.track(new DatagramSocket(7788));
 * }</pre>
 */
public final class Resources {

    private static volatile Consumer<Object> tracker = resource -> { };

    private Resources() {
    }

    /**
     * Records {@code resource} (a socket, channel, selector, thread or executor) as opened by the cell
     * running on the calling thread; returns it unchanged.
     *
     * <pre>{@code
     * ServerSocket server = Resources.track(new ServerSocket(0));
     * }</pre>
     */
    public static <T> T track(T resource) {
        tracker.accept(resource);
        return resource;
    }

    /**
     * Installs the notebook's tracker; called by the process running notebook code as it starts.
     *
     * @throws IllegalCallerException when a notebook cell calls it: only netlab itself may
     */
    public static void installTracker(Consumer<Object> newTracker) {
        Host.requireHost("Resources.installTracker");
        tracker = Objects.requireNonNull(newTracker, "newTracker");
    }
}
