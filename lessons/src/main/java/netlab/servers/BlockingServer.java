package netlab.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netlab.runtime.Resources;

/**
 * What the blocking models share, so each model's class is only its serving loop: a loopback listener, a thread
 * running {@link #serve}, {@link #accept} that remembers each connection so {@link #close} can close it, and
 * {@link #echo}.
 */
abstract class BlockingServer implements EchoServer {

    /** The accept queue: big enough that thousands of clients connecting at once are not dropped (somaxconn caps it). */
    static final int BACKLOG = 4096;

    private final Model model;
    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Thread loop;

    BlockingServer(Model model, int port) {
        this.model = model;
        try {
            this.listener = Resources.track(new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw Servers.cannotListen(port, e);
        }
    }

    /** The model: accept connections and serve them, until the listener is closed. */
    abstract void serve(ServerSocket listener) throws IOException;

    /** Starts {@link #serve} on its own thread (platform or virtual, as the model says). */
    final EchoServer start(Thread.Builder builder) {
        loop = Resources.track(builder.name(model.name().toLowerCase(java.util.Locale.ROOT) + " :" + port()).start(() -> {
            try {
                serve(listener);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(netlab.text.Text.of("servers.stopped", model.label(), e.getMessage()));
                }
            }
        }));
        return Resources.track(this);
    }

    /** {@code listener.accept()}, remembered so that {@link #close} can close the connection. */
    final Socket accept(ServerSocket listener) throws IOException {
        Socket client = listener.accept();
        connections.add(client);
        if (closed) { // closed while accepting: do not keep it
            client.close();
        }
        return client;
    }

    /** Sends back every byte the client sends until it closes its side; then closes the connection. */
    final void echo(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client reset the connection, or close() closed it: one bad connection never stops the server
        } finally {
            connections.remove(client);
        }
    }

    @Override
    public final Model model() {
        return model;
    }

    @Override
    public final int port() {
        return listener.getLocalPort();
    }

    @Override
    public final List<ProcessHandle> processes() {
        return List.of(ProcessHandle.current());
    }

    @Override
    public void close() {
        closed = true;
        Servers.closeQuietly(listener);
        connections.forEach(Servers::closeQuietly);
        Servers.awaitEnd(loop);
    }

    @Override
    public String toString() {
        return model.label() + " :" + port();
    }
}
