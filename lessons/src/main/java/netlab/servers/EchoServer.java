package netlab.servers;

import java.util.List;

/**
 * A running echo server of one {@link Model}: it sends back every byte a client sends, until the client closes.
 * The load harness ({@code netlab.load.Load}) measures every model through this one interface.
 *
 * <pre>{@code
 * try (EchoServer s = Servers.virtualThreads(0)) {
 *     s.port();          // e.g. 41234
 *     s.model();         // VIRTUAL_THREADS
 * }
 * }</pre>
 *
 * <p>Close it when done: that closes the listening socket and every connection, and ends its threads or
 * processes. In a notebook the kernel also does that when the cell that started it is re-run or interrupted.
 */
public interface EchoServer extends AutoCloseable {

    /** Which server model this is. Example: {@code Servers.selector(0).model()} is {@code SELECTOR}. */
    Model model();

    /** The loopback port it listens on. Example: {@code Servers.iterative(0).port()}. */
    int port();

    /**
     * The processes doing the serving, whose threads, memory and CPU time the load harness reads: this JVM for
     * a server in this process, the child JVMs for one in other processes. Example: {@code s.processes()}.
     */
    List<ProcessHandle> processes();

    /** Stops serving: closes the listener and every connection. Example: {@code s.close()}. */
    @Override
    void close();
}
