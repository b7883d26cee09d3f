package netlab.runtime;

/**
 * Lets the notebook know which sockets, threads and executors the course library opened on behalf of a cell,
 * so interrupting or re-running that cell releases them (and its ports). Outside a notebook nothing is
 * tracked and {@link #track} just returns its argument ({@link NotebookHost}).
 *
 * <pre>{@code
 * DatagramSocket socket = Resources.track(new DatagramSocket(7788));
 * }</pre>
 */
public final class Resources {

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
        NotebookHost.current().track(resource);
        return resource;
    }
}
