package netlab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * The ZeroMQ transport (JeroMQ): shell, control and stdin are ROUTER sockets each owned by one thread that
 * blocks in a poller (no sleep loops: a message is handled the moment it arrives); iopub is a PUB socket
 * whose sends are serialized by a lock; heartbeat echoes on its own thread.
 *
 * <p>ZeroMQ sockets are not thread-safe, so a send from a thread that does not own the socket is queued and
 * the owner is woken through an inproc pipe to write it.
 */
public final class ZmqTransport implements Transport {

    /** How long close waits for queued replies (such as shutdown_reply) to leave. */
    private static final int LINGER_MS = 1000;

    private final ZMQ.Context context = ZMQ.context(1);
    private final WireCodec codec;
    private final Map<Channel, RouterLoop> routers = new EnumMap<>(Channel.class);
    private final Map<Channel, Integer> ports = new EnumMap<>(Channel.class);
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket heartbeat;
    private final int heartbeatPort;
    private final Thread heartbeatThread;
    private volatile boolean closed;

    private ZmqTransport(KernelConnectionProperties connection, WireCodec codec) {
        this.codec = codec;
        for (Channel channel : List.of(Channel.SHELL, Channel.CONTROL, Channel.STDIN)) {
            ZMQ.Socket socket = context.socket(SocketType.ROUTER);
            socket.setLinger(LINGER_MS);
            ports.put(channel, bind(socket, connection, portOf(connection, channel)));
            routers.put(channel, new RouterLoop(context, channel, socket, codec));
        }
        iopub = context.socket(SocketType.PUB);
        iopub.setLinger(LINGER_MS);
        iopub.setSndHWM(0); // never drop a student's output because a front end reads slowly
        ports.put(Channel.IOPUB, bind(iopub, connection, connection.getIopubPort()));
        heartbeat = context.socket(SocketType.REP);
        heartbeat.setLinger(0);
        heartbeatPort = bind(heartbeat, connection, connection.getHbPort());
        heartbeatThread = Thread.ofPlatform().daemon().name("netlab-heartbeat").unstarted(this::echoHeartbeats);
    }

    /**
     * Binds every socket named in the connection file. A port of 0 binds an ephemeral port (tests); read it
     * back with {@link #port}.
     */
    public static ZmqTransport bind(KernelConnectionProperties connection) {
        HMACGenerator hmac;
        try {
            hmac = connection.createHMACGenerator();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The connection file's signature_scheme '"
                    + connection.getSignatureScheme() + "' is not usable (expected hmac-sha256): " + e.getMessage(), e);
        }
        return new ZmqTransport(connection, new WireCodec(hmac));
    }

    /** The port bound for {@code channel}. */
    public int port(Channel channel) {
        return ports.get(channel);
    }

    public int heartbeatPort() {
        return heartbeatPort;
    }

    @Override
    public void start(Receiver receiver) {
        routers.values().forEach(router -> router.start(receiver));
        heartbeatThread.start();
    }

    @Override
    public void send(Channel channel, Message message) {
        if (closed) {
            return;
        }
        if (channel == Channel.IOPUB) {
            List<byte[]> frames = codec.encode(message);
            synchronized (iopub) {
                if (!closed) {
                    RouterLoop.write(iopub, frames);
                }
            }
        } else {
            routers.get(channel).send(message);
        }
    }

    @Override
    public Optional<Message> pollShell() {
        return routers.get(Channel.SHELL).pollNow();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean onOwnThread = routers.values().stream().anyMatch(RouterLoop::isOwner);
        if (onOwnThread) {
            // The calling loop must return before its socket can close: finish in the background.
            Thread.ofPlatform().daemon().name("netlab-transport-close").start(this::release);
        } else {
            release();
        }
    }

    private void release() {
        routers.values().forEach(RouterLoop::stop);
        for (RouterLoop router : routers.values()) {
            router.awaitStopped(2_000);
        }
        synchronized (iopub) {
            iopub.close();
        }
        context.term(); // wakes the heartbeat thread with ETERM; it closes its socket
        ProtocolLog.LOG.fine("transport closed");
    }

    private void echoHeartbeats() {
        try {
            while (!closed) {
                byte[] ping = heartbeat.recv(0);
                if (ping == null) {
                    break;
                }
                heartbeat.send(ping, 0);
            }
        } catch (ZMQException | zmq.ZError.IOException e) {
            if (!closed) {
                ProtocolLog.LOG.log(Level.WARNING, "heartbeat stopped", e);
            }
        } finally {
            heartbeat.close();
        }
    }

    private static int bind(ZMQ.Socket socket, KernelConnectionProperties connection, int port) {
        String transport = connection.getTransport() == null ? "tcp" : connection.getTransport();
        String ip = connection.getIp() == null ? "127.0.0.1" : connection.getIp();
        if (transport.equals("ipc")) {
            socket.bind("ipc://" + ip + "-" + port);
            return port;
        }
        if (!transport.equals("tcp")) {
            throw new IllegalArgumentException("The connection file's transport is '" + transport
                    + "'; netlab supports 'tcp' and 'ipc'.");
        }
        if (port == 0) {
            return socket.bindToRandomPort("tcp://" + ip);
        }
        socket.bind("tcp://" + ip + ":" + port);
        return port;
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
