package netlab.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netlab.runtime.Resources;

/**
 * What the one-thread, non-blocking models share, so each model's class is only its loop: a loopback channel,
 * the thread running {@link #serve}, {@link #accept} that remembers each connection for {@link #close}, and
 * {@link #echoSome}, which moves bytes back without ever waiting.
 */
abstract class NonBlockingServer implements EchoServer {

    private final Model model;
    private final ServerSocketChannel listener;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Thread loop;

    NonBlockingServer(Model model, int port) {
        this.model = model;
        try {
            listener = Resources.track(ServerSocketChannel.open());
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BlockingServer.BACKLOG);
        } catch (IOException e) {
            throw Servers.cannotListen(port, e);
        }
    }

    /** The model: accept and serve from one thread, until the listener is closed. */
    abstract void serve(ServerSocketChannel listener) throws IOException;

    /** Called by {@link #close} after the listener is closed: wakes a loop that is waiting. */
    void wakeUp() {
    }

    final EchoServer start() {
        loop = Resources.track(Thread.ofPlatform().name(model.name().toLowerCase(java.util.Locale.ROOT) + " :" + port()).start(() -> {
            try {
                serve(listener);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    System.err.println(netlab.text.Text.of("servers.stopped", model.label(), e));
                }
            }
        }));
        return Resources.track(this);
    }

    /** {@code listener.accept()} (null when nobody is waiting), made non-blocking and remembered for {@link #close}. */
    final SocketChannel accept(ServerSocketChannel listener) throws IOException {
        SocketChannel client = listener.accept();
        if (client != null) {
            client.configureBlocking(false);
            connections.add(client);
        }
        return client;
    }

    /** A buffer for one connection's bytes not yet sent back: empty and ready to be sent from. */
    static ByteBuffer emptyBuffer() {
        return ByteBuffer.allocate(1024).flip();
    }

    /**
     * Reads what has arrived (if nothing is waiting to go back) and writes back what the socket takes now, never
     * waiting: {@code pending} keeps the bytes a partial write left over. Returns false once the client has closed
     * (read returned -1), after closing our side too.
     */
    final boolean echoSome(SocketChannel client, ByteBuffer pending) throws IOException {
        if (!pending.hasRemaining()) {
            pending.clear();
            int n = client.read(pending); // 0: nothing yet; -1: the client closed
            pending.flip();
            if (n == -1) {
                forget(client);
                return false;
            }
        }
        client.write(pending); // may write only part when the client reads slowly
        return true;
    }

    /** Closes a connection and stops remembering it. */
    final void forget(SocketChannel client) {
        connections.remove(client);
        Servers.closeQuietly(client);
    }

    @Override
    public final Model model() {
        return model;
    }

    @Override
    public final int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public final List<ProcessHandle> processes() {
        return List.of(ProcessHandle.current());
    }

    @Override
    public final void close() {
        closed = true;
        Servers.closeQuietly(listener);
        wakeUp();
        connections.forEach(Servers::closeQuietly);
        Servers.awaitEnd(loop); // a selector releases its channels' sockets only when its loop ends
    }

    @Override
    public String toString() {
        return model.label() + " :" + port();
    }
}
