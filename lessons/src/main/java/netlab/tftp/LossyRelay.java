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
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay that sits between a TFTP client and server and treats packets badly on purpose: it drops,
 * duplicates, delays and reorders them, so you can watch retransmission at work. Decisions come from a
 * seeded {@link Random}, so a run can be repeated.
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
 * the answer come from a new relay port too. Thread safe; {@link #close()} releases every port.
 */
public final class LossyRelay implements AutoCloseable {

    private final Builder config;
    private final InetSocketAddress target;
    private final DatagramSocket front;
    private final Map<InetSocketAddress, Session> sessions = new ConcurrentHashMap<>();
    private final List<DatagramSocket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService later;
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    private volatile boolean closed;

    /**
     * One client's conversation: {@code back} talks to the server; each server TID gets its own mirror
     * socket towards the client, so a repeated request answered from a second TID stays apart.
     */
    private record Session(InetSocketAddress client, DatagramSocket back, Map<InetSocketAddress, DatagramSocket> mirrors) {
    }

    private LossyRelay(Builder config) throws IOException {
        this.config = config;
        this.target = new InetSocketAddress(InetAddress.getByName(config.host), config.port);
        this.front = open();
        this.later = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("relay-delay").factory());
        pump(front, (from, bytes) -> {
            Session s = sessions.computeIfAbsent(from, this::newSession);
            forward(bytes, s.back, target, streamRandom(front));
        });
    }

    /** The port clients send to instead of the server's. Example: {@code Tftp.client("127.0.0.1", relay.port())}. */
    public int port() {
        return front.getLocalPort();
    }

    /** What the relay did so far. Example: {@code relay.stats()} prints like {@code forwarded 812, dropped 90, ...}. */
    public Stats stats() {
        return new Stats(forwarded.get(), dropped.get(), duplicated.get(), reordered.get());
    }

    /** Counts of packets: passed on, dropped, sent twice, held back so later ones overtake them. */
    public record Stats(long forwarded, long dropped, long duplicated, long reordered) {
        @Override
        public String toString() {
            return "forwarded " + forwarded + ", dropped " + dropped + ", duplicated " + duplicated + ", reordered " + reordered;
        }
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
            Session s = new Session(client, open(), new ConcurrentHashMap<>());
            pump(s.back(), (from, bytes) -> {
                if (from.equals(target)) {   // an answer from the server's own port (an ERROR): pass it on as is
                    forward(bytes, front, client, streamRandom(s.back()));
                    return;
                }
                DatagramSocket mirror = s.mirrors().computeIfAbsent(from, tid -> {
                    try {
                        DatagramSocket m = open();
                        pump(m, (c, b) -> forward(b, s.back(), tid, streamRandom(m)));
                        return m;
                    } catch (SocketException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                forward(bytes, mirror, client, streamRandom(s.back()));
            });
            return s;
        } catch (SocketException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Map<DatagramSocket, Random> randoms = new ConcurrentHashMap<>();

    /** Each socket's packets get their own random stream, so threads do not shuffle each other's decisions. */
    private Random streamRandom(DatagramSocket s) {
        return randoms.computeIfAbsent(s, k -> new Random(config.seed * 1_000_003L + streams.incrementAndGet()));
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

    private void forward(byte[] bytes, DatagramSocket via, InetSocketAddress to, Random random) {
        boolean drop;
        boolean twice;
        boolean holdBack;
        synchronized (random) {
            drop = random.nextDouble() < config.drop;
            twice = random.nextDouble() < config.duplicate;
            holdBack = random.nextDouble() < config.reorder;
        }
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
        PacketListener trace = PacketListener.NONE;

        Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("expected the server's port 1-65535 but was " + port);
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
                throw new IllegalArgumentException("expected a delay of 0 or more but was " + d);
            }
            this.delay = d;
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
                throw new IllegalArgumentException("expected a " + what + " probability 0.0-1.0 but was " + p);
            }
            return p;
        }
    }
}
