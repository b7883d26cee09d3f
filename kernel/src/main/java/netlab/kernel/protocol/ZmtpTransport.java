package netlab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * The kernel's five sockets as ZeroMQ peers see them, over plain TCP ({@link ZmtpConnection}): shell, control and
 * stdin are ROUTERs ({@link ZmtpRouter}), iopub a PUB ({@link ZmtpPublisher}), heartbeat echoes what it reads.
 * Every connection is read on a thread of its own; a message sent is written to its socket by the thread that
 * sends it, before {@link #send} returns.
 *
 * <p>Why not JeroMQ, which this replaced: its sockets are owned by one thread each and do their I/O on another, so
 * every message the kernel sent or received crossed two threads by way of wake-up pipes. Traced over a warm
 * {@code 1 + 1} cell (request, five messages out), JeroMQ's I/O thread took 1.2 ms of CPU a cell on a two-core
 * machine the front end and the agent share, the {@code busy} status took 0.33-0.62 ms of the shell thread's wall
 * time to send and {@code execute_result} 0.2-0.47 ms; {@code bench/kernel-bench} has the cell's time before and
 * after.
 */
public final class ZmtpTransport implements Transport {

    /** How long close lets the front ends read what was last sent (a shutdown_reply) before it closes anyway. */
    private static final int LINGER_MS = 1000;
    /**
     * Connections open at once, all ports together; one more is closed as it is accepted. Each is read on a thread
     * of its own, and anything on the machine can connect to the kernel's ports (a cell too): the limit keeps a
     * flood of connections from costing the kernel a thread each. A front end opens five; JupyterLab a few more.
     */
    static final int MAX_CONNECTIONS = 128;
    /**
     * How long a message may wait for a front end to read before its connection is closed. A front end that reads
     * nothing (stopped, or a client that never reads iopub) would otherwise stop every thread that sends to it once
     * the socket's buffers are full, the kernel with them; closed, it loses what it did not read, as a ZeroMQ PUB
     * drops for a subscriber past its high-water mark, and libzmq connects again.
     */
    static final long STUCK_WRITE_MS = 10_000;

    private final Map<Channel, ZmtpRouter> routers = new EnumMap<>(Channel.class);
    private final ZmtpPublisher iopub = new ZmtpPublisher();
    private final Map<Channel, ServerSocket> listening = new EnumMap<>(Channel.class);
    private final ServerSocket heartbeat;
    private final WireCodec codec;
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Set<ZmtpConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ZmtpTransport(KernelConnectionProperties connection, WireCodec codec) throws IOException {
        this.codec = codec;
        InetAddress ip = address(connection);
        try {
            for (Channel channel : Channel.values()) {
                listening.put(channel, listen(ip, portOf(connection, channel)));
                if (channel != Channel.IOPUB) {
                    routers.put(channel, new ZmtpRouter(channel, codec));
                }
            }
            heartbeat = listen(ip, connection.getHbPort());
        } catch (IOException e) {
            listening.values().forEach(ZmtpTransport::closeQuietly);
            throw e;
        }
    }

    /**
     * Binds every socket named in the connection file. A port of 0 binds an ephemeral port (tests); read it
     * back with {@link #port}.
     *
     * @throws IllegalArgumentException if the file names a transport other than tcp, an unusable signature scheme,
     *     or a port that cannot be bound
     */
    public static ZmtpTransport bind(KernelConnectionProperties connection) {
        WireCodec codec = WireCodec.of(connection.getSignatureScheme(), connection.getKey());
        String transport = connection.getTransport() == null ? "tcp" : connection.getTransport();
        if (!transport.equals("tcp")) {
            throw new IllegalArgumentException("The connection file's transport is '" + transport
                    + "'; netlab supports 'tcp' (start the kernel from Jupyter with the default transport).");
        }
        try {
            return new ZmtpTransport(connection, codec);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not bind the connection file's ports on " + connection.getIp()
                    + ": " + e.getMessage() + " (another kernel may hold them; start this one again)", e);
        }
    }

    /** The port bound for {@code channel}. */
    public int port(Channel channel) {
        return listening.get(channel).getLocalPort();
    }

    public int heartbeatPort() {
        return heartbeat.getLocalPort();
    }

    @Override
    public void start(Receiver receiver) {
        routers.values().forEach(router -> router.start(receiver));
        for (Channel channel : Channel.values()) {
            ZmtpRouter router = routers.get(channel);
            accept(listening.get(channel), channel == Channel.IOPUB ? "PUB" : "ROUTER",
                    router == null ? iopub::serve : router::serve);
        }
        accept(heartbeat, "REP", ZmtpTransport::echo);
        Thread.ofPlatform().daemon().name("netlab-stuck-writes").start(this::closeStuckConnections);
    }

    @Override
    public void send(Channel channel, Message message) {
        if (closed) {
            return;
        }
        if (channel == Channel.IOPUB) {
            iopub.publish(codec.encode(message));
        } else {
            routers.get(channel).send(message);
        }
    }

    @Override
    public Optional<Message> pollShell() {
        return routers.get(Channel.SHELL).pollNow();
    }

    /**
     * Stops accepting and delivering at once (the ports are free when this returns), and lets the front ends read
     * what was sent last, closing their connections once they have or after {@link #LINGER_MS}.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        listening.values().forEach(ZmtpTransport::closeQuietly);
        closeQuietly(heartbeat);
        routers.values().forEach(ZmtpRouter::stop);
        open.forEach(ZmtpConnection::shutdownOutput);
        Thread.ofPlatform().daemon().name("netlab-transport-close").start(() -> {
            try {
                Thread.sleep(LINGER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.forEach(ZmtpConnection::close);
        });
        ProtocolLog.LOG.fine("transport closed");
    }

    /** Accepts connections on {@code server} until it closes, each handshaken and then served on its own thread. */
    private void accept(ServerSocket server, String socketType, Consumer<ZmtpConnection> handler) {
        Thread.ofPlatform().daemon().name("netlab-accept-" + server.getLocalPort()).start(() -> {
            while (!closed) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException e) {
                    if (!closed) {
                        ProtocolLog.LOG.log(Level.SEVERE, "port " + server.getLocalPort() + " stopped accepting", e);
                    }
                    return;
                }
                if (connectionCount.incrementAndGet() > MAX_CONNECTIONS) {
                    connectionCount.decrementAndGet();
                    ProtocolLog.LOG.warning(() -> "refused a connection to port " + server.getLocalPort() + ": "
                            + MAX_CONNECTIONS + " are open");
                    closeQuietly(socket);
                    continue;
                }
                Thread.ofPlatform().daemon().name("netlab-zmtp-" + server.getLocalPort()).start(() -> {
                    try {
                        serve(socket, socketType, handler);
                    } finally {
                        connectionCount.decrementAndGet();
                    }
                });
            }
        });
    }

    /** Greets the peer on {@code socket}, then hands the connection to {@code handler}; closes it after. */
    private void serve(Socket socket, String socketType, Consumer<ZmtpConnection> handler) {
        ZmtpConnection connection;
        try {
            connection = ZmtpConnection.open(socket, socketType, new byte[0]);
        } catch (IOException e) {
            ProtocolLog.LOG.log(Level.FINE, "a connection to port " + socket.getLocalPort() + " failed its handshake",
                    e);
            return;
        }
        open.add(connection);
        try {
            if (!closed) {
                handler.accept(connection);
            }
        } finally {
            open.remove(connection);
            connection.close();
        }
    }

    private void closeStuckConnections() {
        while (!closed) {
            try {
                Thread.sleep(STUCK_WRITE_MS / 2);
            } catch (InterruptedException e) {
                return;
            }
            for (ZmtpConnection connection : open) {
                if (connection.closeIfStuck(STUCK_WRITE_MS * 1_000_000)) {
                    ProtocolLog.LOG.warning("closed a front end's connection that read nothing for "
                            + STUCK_WRITE_MS + " ms");
                }
            }
        }
    }

    /** The heartbeat: each message goes back as it came (a REQ's envelope included), until the peer closes. */
    private static void echo(ZmtpConnection connection) {
        try {
            while (true) {
                connection.write(connection.read());
            }
        } catch (IOException e) {
            // the front end closed its connection
        }
    }

    private static ServerSocket listen(InetAddress ip, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(ip, port), 64);
        return server;
    }

    private static InetAddress address(KernelConnectionProperties connection) throws IOException {
        String ip = connection.getIp() == null ? "127.0.0.1" : connection.getIp();
        return ip.equals("*") ? null : InetAddress.getByName(ip);
    }

    private static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            ProtocolLog.LOG.log(Level.FINE, "closing a socket failed", e);
        }
    }

    private static int portOf(KernelConnectionProperties connection, Channel channel) {
        return switch (channel) {
            case SHELL -> connection.getShellPort();
            case CONTROL -> connection.getControlPort();
            case STDIN -> connection.getStdinPort();
            case IOPUB -> connection.getIopubPort();
        };
    }
}
