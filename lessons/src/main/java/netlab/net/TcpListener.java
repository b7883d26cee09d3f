package netlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import netlab.text.Text;

/**
 * A listening TCP socket: {@code socket + bind + listen} in the seed's words. Each {@link #accept} returns one
 * new connection; the listener goes on waiting for the next.
 *
 * <pre>{@code
 * try (TcpListener server = Tcp.listen(0)) {
 *     TcpConnection client = Tcp.connect("127.0.0.1", server.port());
 *     TcpConnection served = server.accept(Duration.ofSeconds(2));   // the server's side of that connection
 *     client.sendLine("hello");
 *     served.readLine(Duration.ofSeconds(2));                        // "hello"
 * }
 * }</pre>
 *
 * <p>Accept from one thread at a time. Closing the listener does not close connections already accepted.
 */
public final class TcpListener implements AutoCloseable {

    private final ServerSocket socket;
    private final int backlog;

    TcpListener(ServerSocket socket, int backlog) {
        this.socket = socket;
        this.backlog = backlog;
    }

    /** The port it listens on. Example: {@code Tcp.listen(0).port()}. */
    public int port() {
        return socket.getLocalPort();
    }

    /** The local address and port. Example: {@code listener.address()}. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The backlog passed to listen(). Example: {@code Tcp.listen(0, 5).backlog()} is 5. */
    public int backlog() {
        return backlog;
    }

    /** Waits as long as it takes for the next connection. Example: {@code listener.accept()}. */
    public TcpConnection accept() {
        return accept(0, Duration.ZERO);
    }

    /**
     * Waits up to {@code timeout} for the next connection. Example: {@code listener.accept(Duration.ofSeconds(5))}.
     *
     * @throws TimedOutException if no client connected in time
     */
    public TcpConnection accept(Duration timeout) {
        return accept(Durations.millis(timeout), timeout);
    }

    private TcpConnection accept(int millis, Duration timeout) {
        try {
            socket.setSoTimeout(millis);
            return new TcpConnection(socket.accept());
        } catch (SocketTimeoutException e) {
            throw new TimedOutException(Text.of("net.tcp.acceptTimeout", port(), Durations.show(timeout)), e);
        } catch (IOException e) {
            throw socket.isClosed()
                    ? new ClosedException(Text.of("net.closed.listener", UdpEndpoint.show(address())), e)
                    : new UncheckedIOException(Text.of("net.tcp.accept", port(), e.getMessage()), e);
        }
    }

    /** The JDK server socket. Example: {@code listener.socket().getReuseAddress()}. */
    public ServerSocket socket() {
        return socket;
    }

    /** Stops listening and frees the port. Example: {@code listener.close()}. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return Text.of("net.tcp.listener", UdpEndpoint.show(address()), backlog)
                + (socket.isClosed() ? " " + Text.of("net.tcp.closedShort") : "");
    }
}
