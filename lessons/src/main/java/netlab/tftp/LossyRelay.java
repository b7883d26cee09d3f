package netlab.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import netlab.text.Text;

/**
 * A UDP relay that sits between a TFTP client and server and treats packets badly on purpose: it drops,
 * duplicates, delays and reorders them, so you can watch retransmission at work. What happens to a packet
 * depends only on the seed, its direction, its bytes and how many copies of it came before, not on which
 * thread got there first: a run with the same seed treats the same packets the same way, however the
 * retransmissions happen to be timed.
 *
 * <pre>{@code
 * try (TftpServer server = Tftp.server(Path.of("files")).start();
 *      LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(0.1).seed(42).start()) {
 *     TransferSummary s = Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofMillis(100)).get("a.bin", Path.of("a.bin"));
 *     System.out.println(s.retransmissions() + " retransmissions; relay " + relay.stats());
 * }
 * }</pre>
 *
 * <p>The relay keeps TFTP's transfer IDs visible: when the server answers from a new port, the client sees
 * the answer come from a new relay port too. The sockets and counts it keeps for a client are released once
 * nothing has passed for that client for {@link Builder#idleTimeout} (default 10 s), so a relay left running in
 * a notebook does not collect a port per transfer. Thread safe; {@link #close()} releases every port.
 */
public final class LossyRelay implements AutoCloseable {

    private final Builder config;
    private final InetSocketAddress target;
    private final DatagramSocket front;
    /** Its port, kept: a closed DatagramSocket says -1. */
    private final int frontPort;
    private final Map<InetSocketAddress, Session> sessions = new ConcurrentHashMap<>();   // by client address
    private final List<DatagramSocket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService later;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    private volatile boolean closed;

    /**
     * One client's conversation: {@code back} talks to the server; each server TID gets its own mirror
     * socket towards the client, so a repeated request answered from a second TID stays apart. It remembers when
     * a packet last passed, so an idle one can be released, and how many copies of each packet it has seen.
     */
    private static final class Session {
        final InetSocketAddress client;
        final DatagramSocket back;
        final Map<InetSocketAddress, DatagramSocket> mirrors = new ConcurrentHashMap<>();
        final Map<Long, Integer> copiesSeen = new ConcurrentHashMap<>();
        volatile long lastPacketNanos = System.nanoTime();

        Session(InetSocketAddress client, DatagramSocket back) {
            this.client = client;
            this.back = back;
        }

        void touch() {
            lastPacketNanos = System.nanoTime();
        }
    }

    private LossyRelay(Builder config) throws IOException {
        this.config = config;
        this.target = new InetSocketAddress(InetAddress.getByName(config.host), config.port);
        this.front = open();
        this.frontPort = front.getLocalPort();
        this.later = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("relay-delay").factory());
        long sweepNanos = Math.clamp(config.idleTimeout.toNanos() / 4, 10_000_000L, 1_000_000_000L);
        later.scheduleWithFixedDelay(this::releaseIdleSessions, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
        pump(front, (from, bytes) -> {
            Session s = sessions.computeIfAbsent(from, this::newSession);
            s.touch();
            forward(bytes, s, s.back, target, true);
        });
    }

    /** The port clients send to instead of the server's. Example: {@code Tftp.client("127.0.0.1", relay.port())}. */
    public int port() {
        return frontPort;
    }

    /** What the relay did so far. Example: {@code relay.stats()} prints like {@code forwarded 812, dropped 90, ...}. */
    public Stats stats() {
        return new Stats(forwarded.get(), dropped.get(), duplicated.get(), reordered.get());
    }

    /** Counts of packets: passed on, dropped, sent twice, held back so later ones overtake them. */
    public record Stats(long forwarded, long dropped, long duplicated, long reordered) {
        @Override
        public String toString() {
            return Text.of("tftp.relay.stats", forwarded, dropped, duplicated, reordered);
        }
    }

    /**
     * How many clients the relay keeps sockets for now: one per client address seen within the idle timeout.
     * Example: {@code relay.activeClients()} is 0 some seconds after the last transfer.
     */
    public int activeClients() {
        return sessions.size();
    }

    /** How many of the relay's sockets are open, its own port included; for tests. */
    int openSockets() {
        return (int) sockets.stream().filter(s -> !s.isClosed()).count();
    }

    /** Closes the sockets of every client that has been quiet for the idle timeout. */
    private void releaseIdleSessions() {
        long now = System.nanoTime();
        for (Session s : sessions.values()) {
            if (now - s.lastPacketNanos >= config.idleTimeout.toNanos() && sessions.remove(s.client, s)) {
                s.mirrors.values().forEach(this::release);
                release(s.back);
            }
        }
    }

    private void release(DatagramSocket socket) {
        socket.close();   // its pump thread ends with the socket
        sockets.remove(socket);
    }

    /** Stops relaying and releases every port. Example: {@code relay.close()}. */
    @Override
    public void close() {
        closed = true;
        sockets.forEach(DatagramSocket::close);
        later.shutdownNow();
    }

    private DatagramSocket open() throws SocketException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(target.getAddress().isLoopbackAddress()
                ? target.getAddress() : InetAddress.getLoopbackAddress(), 0));
        sockets.add(s);
        return s;
    }

    private Session newSession(InetSocketAddress client) {
        try {
            Session s = new Session(client, open());
            pump(s.back, (from, bytes) -> {
                s.touch();
                if (from.equals(target)) {   // an answer from the server's own port (an ERROR): pass it on as is
                    forward(bytes, s, front, client, false);
                    return;
                }
                DatagramSocket mirror = s.mirrors.computeIfAbsent(from, tid -> {
                    try {
                        DatagramSocket m = open();
                        pump(m, (c, b) -> {
                            s.touch();
                            forward(b, s, s.back, tid, true);
                        });
                        return m;
                    } catch (SocketException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                forward(bytes, s, mirror, client, false);
            });
            return s;
        } catch (SocketException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The random decisions for one packet, from the seed, its direction, its bytes and its copy number. A
     * stream per socket would hand the n-th decision to whichever packet came n-th, and how many packets come
     * (retransmissions) depends on timing: then the same seed could lose a final ACK and its one repeat in one run
     * and not in the next. Copies are counted per client, so concurrent clients sending the same bytes (ACK 1)
     * do not change each other's fate.
     */
    private SplittableRandom fate(byte[] bytes, Session session, boolean toServer) {
        long key = 0xcbf29ce484222325L ^ (config.seed * 0x9E3779B97F4A7C15L) ^ (toServer ? 1 : 2);
        for (byte b : bytes) {
            key = (key ^ (b & 0xff)) * 0x100000001b3L;   // FNV-1a over the packet
        }
        int copy = session.copiesSeen.merge(key, 1, Integer::sum);
        return new SplittableRandom(key + copy * 0x9E3779B97F4A7C15L);
    }

    private interface Handler {
        void accept(InetSocketAddress from, byte[] bytes) throws IOException;
    }

    /** Reads {@code socket} on a virtual thread until the relay closes. */
    private void pump(DatagramSocket socket, Handler handler) {
        Thread.ofVirtual().name("relay:" + socket.getLocalPort()).start(() -> {
            byte[] buffer = new byte[65536];
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            while (!closed) {
                try {
                    p.setLength(buffer.length);
                    socket.receive(p);
                    handler.accept((InetSocketAddress) p.getSocketAddress(), Arrays.copyOf(buffer, p.getLength()));
                } catch (IOException | RuntimeException e) {
                    if (closed || socket.isClosed()) {
                        return;
                    }
                }
            }
        });
    }

    private void forward(byte[] bytes, Session session, DatagramSocket via, InetSocketAddress to, boolean toServer) {
        SplittableRandom random = fate(bytes, session, toServer);
        boolean drop = random.nextDouble() < config.drop;
        boolean twice = random.nextDouble() < config.duplicate;
        boolean holdBack = random.nextDouble() < config.reorder;
        if (drop) {
            dropped.incrementAndGet();
            event(Instant.now(), PacketEvent.Direction.DROPPED, via, to, bytes);
            return;
        }
        long delayNanos = config.delay.toNanos() + (holdBack ? config.reorderDelay.toNanos() : 0);
        if (holdBack) {
            reordered.incrementAndGet();
        }
        int copies = twice ? 2 : 1;
        if (twice) {
            duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            if (delayNanos == 0) {
                send(bytes, via, to);
            } else {
                later.schedule(() -> send(bytes, via, to), delayNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void send(byte[] bytes, DatagramSocket via, InetSocketAddress to) {
        try {
            Instant at = Instant.now();
            via.send(new DatagramPacket(bytes, bytes.length, to));
            forwarded.incrementAndGet();
            event(at, PacketEvent.Direction.SENT, via, to, bytes);
        } catch (IOException e) {
            // a closed relay or an unreachable port: the packet is lost, which is what a relay may do
        }
    }

    private void event(Instant at, PacketEvent.Direction direction, DatagramSocket via, InetSocketAddress to, byte[] bytes) {
        if (config.trace != PacketListener.NONE) {
            config.trace.onPacket(new PacketEvent(at, "relay", direction,
                    (InetSocketAddress) via.getLocalSocketAddress(), to, bytes));
        }
    }

    /**
     * How badly the relay behaves, then {@link #start()}. Probabilities are per packet, 0.0-1.0.
     *
     * <pre>{@code
     * LossyRelay relay = Tftp.relay("127.0.0.1", serverPort).drop(0.1).duplicate(0.05).delay(Duration.ofMillis(2)).seed(7).start();
     * }</pre>
     */
    public static final class Builder {
        private final String host;
        private final int port;
        double drop;
        double duplicate;
        double reorder;
        Duration delay = Duration.ZERO;
        Duration reorderDelay = Duration.ofMillis(5);
        long seed = 1;
        Duration idleTimeout = Duration.ofSeconds(10);
        PacketListener trace = PacketListener.NONE;

        Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(Text.of("tftp.relay.port", port));
            }
            this.port = port;
        }

        /** Drops each packet with probability {@code p}. Example: {@code .drop(0.1)} loses one in ten. */
        public Builder drop(double p) {
            this.drop = probability(p, "drop");
            return this;
        }

        /** Sends each packet twice with probability {@code p}. Example: {@code .duplicate(0.05)}. */
        public Builder duplicate(double p) {
            this.duplicate = probability(p, "duplicate");
            return this;
        }

        /** Holds a packet back by {@code by} with probability {@code p}, so later ones overtake it. Example: {@code .reorder(0.05, Duration.ofMillis(5))}. */
        public Builder reorder(double p, Duration by) {
            this.reorder = probability(p, "reorder");
            this.reorderDelay = Objects.requireNonNull(by, "by");
            return this;
        }

        /** Delays every packet by {@code d}. Example: {@code .delay(Duration.ofMillis(10))} adds 20 ms to each round trip. */
        public Builder delay(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(Text.of("tftp.relay.delay", d));
            }
            this.delay = d;
            return this;
        }

        /**
         * Releases a client's sockets after {@code idle} without a packet to or from it (default 10 s). Keep it
         * longer than the transfers' retransmission timeout: a client that resumes after its state was released
         * reaches the server from a new port, which answers error 5 (unknown transfer ID).
         * Example: {@code .idleTimeout(Duration.ofSeconds(30))}.
         */
        public Builder idleTimeout(Duration idle) {
            if (idle.toMillis() < 1) {
                throw new IllegalArgumentException(Text.of("tftp.relay.idle", idle));
            }
            this.idleTimeout = idle;
            return this;
        }

        /** Seeds the random decisions, so a run can be repeated (default 1). Example: {@code .seed(42)}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Shows every packet the relay passes on or drops. Example: {@code .trace(trace)}. */
        public Builder trace(PacketListener listener) {
            this.trace = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Opens the relay's port and starts relaying. Example: {@code try (LossyRelay r = Tftp.relay(h, p).drop(0.1).start()) { ... }}. */
        public LossyRelay start() throws IOException {
            return new LossyRelay(this);
        }

        private static double probability(double p, String what) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(Text.of("tftp.relay.probability", what, p));
            }
            return p;
        }
    }
}
