package netlab.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import netlab.text.Message;
import netlab.text.Text;

/**
 * A TFTP server for one directory. Each transfer gets its own socket (a new TID, as RFC 1350 asks) and its
 * own virtual thread, so many run at once; while packets flow, a transfer borrows a platform thread, which on
 * loopback makes lockstep transfers about twice as fast (see {@link Builder#virtualTransferLoop}).
 *
 * <pre>{@code
 * try (TftpServer server = Tftp.server(Path.of("files")).writable(true).start()) {
 *     System.out.println("serving on port " + server.port());
 *     // tftp -m binary 127.0.0.1 <port> -c get hello.txt
 * }
 * // RRQ 127.0.0.1:40000 "hello.txt": 12 bytes in 1 blocks, 0 retransmissions, 0.001 s ...
 * }</pre>
 *
 * <p>Safe by default: it listens on 127.0.0.1 on a free port (69 needs root), is read-only, refuses names
 * outside its directory ({@code ../}, absolute names, links leading out) with error 2, and caps uploads. A
 * writable server never replaces a file unless told to ({@link Builder#overwrite}): an upload of an existing
 * name gets error 6, as tftpd-hpa's users expect. New uploads are {@code rw-r--r--}; a replaced file keeps its
 * permissions.
 *
 * <p>A classroom server keeps serving when a client misbehaves: one address may run at most
 * {@value Builder#DEFAULT_MAX_TRANSFERS_PER_CLIENT} transfers at once (more are refused at once with ERROR 0), and
 * a transfer whose client never answers gives up after three timeouts (not six), so requests that are never acknowledged
 * (a slow-loris client) cannot fill the server's {@link Builder#maxTransfers} slots.
 * {@link #close()} stops it and every transfer it is running. Thread safe.
 */
public final class TftpServer implements AutoCloseable {

    /** The longest close() waits for running transfers, however long the server's timeout. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Builder config;
    private final ServerFiles files;
    private final DatagramSocket socket;
    /**
     * Where it listens, kept from the bind: a closed DatagramSocket forgets (its port reads -1, and the log line of a
     * server closed under it said "port -1").
     */
    private final InetSocketAddress address;
    private final Semaphore permits;
    private final Set<DatagramSocket> sessions = ConcurrentHashMap.newKeySet();   // every open transfer socket
    private final Set<DatagramSocket> running = ConcurrentHashMap.newKeySet();    // ... whose transfer is not over yet
    private final ConcurrentHashMap<InetAddress, Integer> perClient = new ConcurrentHashMap<>();   // open transfers by client address
    private final Set<InetSocketAddress> clientTids = ConcurrentHashMap.newKeySet();   // the client TIDs with a transfer open
    private final Object idle = new Object();                                      // notified when running shrinks
    private final List<TransferSummary> transfers = new ArrayList<>();
    private final Thread listener;
    private volatile boolean closed;

    private TftpServer(Builder config) throws IOException {
        this.config = config;
        this.files = new ServerFiles(config.root);
        this.socket = netlab.runtime.Resources.track(
                new DatagramSocket(new InetSocketAddress(config.address, config.port)));
        this.address = (InetSocketAddress) socket.getLocalSocketAddress();
        this.permits = new Semaphore(config.maxTransfers);
        this.listener = netlab.runtime.Resources.track(
                Thread.ofVirtual().name("tftp-server:" + port()).start(this::listen));
    }

    /** The port the server listens on, also once closed. Example: {@code Tftp.client("127.0.0.1", server.port())}. */
    public int port() {
        return address.getPort();
    }

    /** The directory served, with links resolved. Example: {@code server.root()}. */
    public Path root() {
        return files.root();
    }

    /**
     * How many transfers are running now; one that has finished but still listens a moment for a repeated last
     * block (dallying) no longer counts. Example: {@code server.activeTransfers()}.
     */
    public int activeTransfers() {
        return running.size();
    }

    /**
     * Waits until no transfer is running (each has been recorded in {@link #transfers()} or has failed), or until
     * {@code timeout} passes; returns whether the server is idle. A client is done with a download when it has
     * sent its last ACK, a moment before the server has it: wait for the server here before you read
     * {@link #transfers()}. Example: {@code server.awaitIdle(Duration.ofSeconds(2))}.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!running.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    /** The transfers finished so far, oldest first (at most the last 1,000). Example: {@code server.transfers().size()}. */
    public List<TransferSummary> transfers() {
        synchronized (transfers) {
            return List.copyOf(transfers);
        }
    }

    /**
     * Stops listening and ends running transfers. A transfer whose last packet is on its way is not cut off:
     * close waits up to one timeout (see {@link Builder#timeout}; at most 2 s) for running transfers to finish,
     * then closes the rest, which fail and are logged as failed. Example: {@code server.close()}.
     */
    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            listener.join(Duration.ofSeconds(2));   // no new transfer starts after this
            sessions.stream().filter(s -> !running.contains(s)).forEach(DatagramSocket::close);   // done, only dallying
            awaitIdle(config.timeout.compareTo(CLOSE_GRACE) < 0 ? config.timeout : CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessions.forEach(DatagramSocket::close);
        }
    }

    /** {@code TFTP server 127.0.0.1:6969, serving /srv/tftp, read-only}, and whether it is closed. */
    @Override
    public String toString() {
        return Text.of("tftp.server.shown", TftpClient.hostPort(address), files.root(),
                Message.of(config.writable ? "tftp.server.writable" : "tftp.server.read-only"))
                + (closed ? " " + Text.of("net.tcp.closedShort") : "");
    }

    /** The accept loop: one request in, one transfer thread out. A bad packet never stops the loop. */
    private void listen() {
        byte[] buffer = new byte[TftpPacket.MAX_BLOCK_SIZE + 5];
        DatagramPacket incoming = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                permits.acquire();   // taken before receive, so at most maxTransfers run at once
            } catch (InterruptedException e) {
                return;
            }
            boolean handedOver = false;
            try {
                incoming.setLength(buffer.length);
                socket.receive(incoming);
                InetSocketAddress from = (InetSocketAddress) incoming.getSocketAddress();
                byte[] bytes = Arrays.copyOf(buffer, incoming.getLength());
                if (config.trace != PacketListener.NONE) {
                    config.trace.onPacket(new PacketEvent(Instant.now(), "server", PacketEvent.Direction.RECEIVED, address, from, bytes));
                }
                handedOver = dispatch(bytes, from, address);
            } catch (SocketException e) {
                if (!closed) {
                    config.log.accept(Text.of("tftp.log.stopped", port(), e.getMessage()));
                }
                return;
            } catch (IOException | RuntimeException e) {
                // one bad datagram must not stop the server
                config.log.accept(Text.of("tftp.log.ignored", e));
            } finally {
                if (!handedOver) {
                    permits.release();
                }
            }
        }
    }

    /** Starts a transfer for a request; answers anything else with error 4. Returns whether a transfer started. */
    private boolean dispatch(byte[] bytes, InetSocketAddress from, InetSocketAddress local) throws IOException {
        TftpPacket packet;
        try {
            packet = TftpPacket.decode(bytes);
        } catch (MalformedPacketException e) {
            if (!(bytes.length >= 2 && bytes[0] == 0 && bytes[1] == 5)) {
                answer(new TftpPacket.ErrorPacket(ErrorCode.ILLEGAL_OPERATION, e.wireText()), from, local);
            }
            return false;
        }
        boolean request = packet instanceof TftpPacket.ReadRequest || packet instanceof TftpPacket.WriteRequest;
        if (request && !clientTids.add(from)) {
            return false;   // the client sent its request again: the transfer already open for its TID answers it
        }
        if (request && !takeClientSlot(from)) {
            clientTids.remove(from);
            answer(new TftpPacket.ErrorPacket(ErrorCode.NOT_DEFINED, "too many transfers from "
                    + from.getAddress().getHostAddress() + " at once (at most " + config.maxTransfersPerClient
                    + "); wait for one to finish"), from, local);
            return false;
        }
        switch (packet) {
            case TftpPacket.ReadRequest r -> startSession(r, from);
            case TftpPacket.WriteRequest w -> startSession(w, from);
            case TftpPacket.ErrorPacket e -> {
                return false;   // never answer an ERROR
            }
            default -> {
                answer(new TftpPacket.ErrorPacket(ErrorCode.ILLEGAL_OPERATION, "expected RRQ or WRQ on port "
                        + port() + " but got " + packet.opcode() + "; a transfer's packets go to its own port"), from, local);
                return false;
            }
        }
        return true;
    }

    private void answer(TftpPacket packet, InetSocketAddress to, InetSocketAddress local) throws IOException {
        byte[] bytes = packet.encode();
        Instant at = Instant.now();
        socket.send(new DatagramPacket(bytes, bytes.length, to));
        if (config.trace != PacketListener.NONE) {
            config.trace.onPacket(new PacketEvent(at, "server", PacketEvent.Direction.SENT, local, to, bytes));
        }
    }

    private void startSession(TftpPacket request, InetSocketAddress client) throws IOException {
        DatagramSocket transferSocket;
        try {
            transferSocket = new DatagramSocket(new InetSocketAddress(socket.getLocalAddress(), 0));
        } catch (IOException | RuntimeException e) {
            releaseClientSlot(client);
            clientTids.remove(client);
            throw e;
        }
        sessions.add(transferSocket);
        running.add(transferSocket);
        ServerSession session = new ServerSession(config, files, transferSocket, client, request, this::finished,
                () -> notRunning(transferSocket));   // what is left is dallying
        Thread.ofVirtual().name("tftp " + TftpClient.hostPort(client)).start(() -> {
            try {
                session.run();
            } finally {
                sessions.remove(transferSocket);
                transferSocket.close();
                notRunning(transferSocket);
                releaseClientSlot(client);
                clientTids.remove(client);
                permits.release();
            }
        });
    }

    /** Counts one more transfer for the client's address, unless it has its share already. */
    private boolean takeClientSlot(InetSocketAddress client) {
        boolean[] taken = {false};
        perClient.compute(client.getAddress(), (a, n) -> {
            int open = n == null ? 0 : n;
            taken[0] = open < config.maxTransfersPerClient;
            return taken[0] ? open + 1 : n;
        });
        return taken[0];
    }

    private void releaseClientSlot(InetSocketAddress client) {
        perClient.computeIfPresent(client.getAddress(), (a, n) -> n == 1 ? null : n - 1);
    }

    private void notRunning(DatagramSocket transferSocket) {
        synchronized (idle) {
            if (running.remove(transferSocket)) {
                idle.notifyAll();
            }
        }
    }

    private void finished(TransferSummary summary) {
        synchronized (transfers) {
            if (transfers.size() >= 1000) {
                transfers.removeFirst();
            }
            transfers.add(summary);
        }
    }

    /**
     * The settings of a server, then {@link #start()}. Each setter changes this builder and returns it.
     *
     * <pre>{@code
     * TftpServer server = Tftp.server(Path.of("files")).port(6969).writable(true).maxFileSize(10_000_000).start();
     * }</pre>
     */
    public static final class Builder {
        private final Path root;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        boolean writable;
        long maxFileSize = 100L << 20;
        int maxBlockSize = TftpPacket.MAX_BLOCK_SIZE;
        int maxWindowSize = 64;
        Duration timeout = Duration.ofSeconds(1);
        Duration maxTimeout = Duration.ofSeconds(255);
        int retries = 5;
        private int maxTransfers = 64;
        /** How many transfers one client address may run at once unless {@link #maxTransfersPerClient} says otherwise. */
        public static final int DEFAULT_MAX_TRANSFERS_PER_CLIENT = 16;
        int maxTransfersPerClient = DEFAULT_MAX_TRANSFERS_PER_CLIENT;
        boolean overwrite;
        boolean virtualTransferLoop;
        PacketListener trace = PacketListener.NONE;
        Consumer<String> log = System.out::println;

        Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Listens on {@code port} (default 0: any free port; 69 needs root). Example: {@code .port(6969)}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(Text.of("tftp.server.port", port));
            }
            this.port = port;
            return this;
        }

        /** Listens on {@code host} (default 127.0.0.1; "0.0.0.0" for every interface). Example: {@code .bind("0.0.0.0")}. */
        public Builder bind(String host) throws IOException {
            this.address = InetAddress.getByName(host);
            return this;
        }

        /** Accepts uploads (WRQ) when {@code true}; the default is read-only. Example: {@code .writable(true)}. */
        public Builder writable(boolean allow) {
            this.writable = allow;
            return this;
        }

        /**
         * Whether an upload may replace an existing file (default {@code false}: error 6, "file already exists",
         * like tftpd-hpa without write permission on the file). A replaced file keeps its permissions.
         * Example: {@code .writable(true).overwrite(true)}.
         */
        public Builder overwrite(boolean allow) {
            this.overwrite = allow;
            return this;
        }

        /** Refuses uploads larger than {@code bytes} with error 3 (default 100 MiB). Example: {@code .maxFileSize(1 << 20)}. */
        public Builder maxFileSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException(Text.of("tftp.server.sizeLimit", bytes));
            }
            this.maxFileSize = bytes;
            return this;
        }

        /** Agrees to blocks of at most {@code bytes} (default 65464). Example: {@code .maxBlockSize(1428)}. */
        public Builder maxBlockSize(int bytes) {
            if (bytes < 8 || bytes > TftpPacket.MAX_BLOCK_SIZE) {
                throw new IllegalArgumentException(Text.of("tftp.server.blockSize", bytes));
            }
            this.maxBlockSize = bytes;
            return this;
        }

        /** Agrees to windows of at most {@code blocks} (default 64; 1 refuses windowsize). Example: {@code .maxWindowSize(16)}. */
        public Builder maxWindowSize(int blocks) {
            if (blocks < 1 || blocks > 65535) {
                throw new IllegalArgumentException(Text.of("tftp.server.windowSize", blocks));
            }
            this.maxWindowSize = blocks;
            return this;
        }

        /** Waits {@code perPacket} for an answer before sending again (default 1 s). Example: {@code .timeout(Duration.ofMillis(200))}. */
        public Builder timeout(Duration perPacket) {
            if (perPacket.toMillis() < 1) {
                throw new IllegalArgumentException(Text.of("tftp.server.timeout", perPacket));
            }
            this.timeout = perPacket;
            return this;
        }

        /**
         * Agrees to a client's {@code timeout} option (RFC 2349) only up to {@code longest} (default 255 s, the
         * RFC's limit); a longer one is left out of the OACK and the server keeps its own timeout. This bounds
         * how long a vanished client can hold a transfer open. Example: {@code .maxTimeout(Duration.ofSeconds(5))}.
         */
        public Builder maxTimeout(Duration longest) {
            if (longest.isNegative()) {
                throw new IllegalArgumentException(Text.of("tftp.server.longest", longest));
            }
            this.maxTimeout = longest;
            return this;
        }

        /** Sends again at most {@code count} times before giving a transfer up (default 5). Example: {@code .retries(8)}. */
        public Builder retries(int count) {
            if (count < 0 || count > 1000) {
                throw new IllegalArgumentException(Text.of("tftp.retries", count));
            }
            this.retries = count;
            return this;
        }

        /** Runs at most {@code count} transfers at once (default 64). Example: {@code .maxTransfers(8)}. */
        public Builder maxTransfers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException(Text.of("tftp.server.concurrent", count));
            }
            this.maxTransfers = count;
            return this;
        }

        /**
         * Runs at most {@code count} transfers at once for one client address (default
         * {@value #DEFAULT_MAX_TRANSFERS_PER_CLIENT}); further requests from it get ERROR 0 at once. Raise it when
         * many clients share one address (NAT). Example: {@code .maxTransfersPerClient(32)}.
         */
        public Builder maxTransfersPerClient(int count) {
            if (count < 1) {
                throw new IllegalArgumentException(Text.of("tftp.server.perClient", count));
            }
            this.maxTransfersPerClient = count;
            return this;
        }

        /**
         * Where a transfer's packet exchange runs. Each transfer has a virtual thread of its own; by default
         * ({@code false}) it hands the exchange to a platform thread until the last packet, because a virtual
         * thread waiting for each ACK parks and is woken through the JDK's I/O poller: on loopback (TftpBench)
         * a 40 MiB lockstep download was 1.6 to 2.1 times as slow; with windowsize 16, where it waits once a
         * window, the difference was lost in the machine's noise.
         * {@code true} keeps the exchange on the virtual thread, to compare or when thousands of slow transfers
         * must run at once (raise {@link #maxTransfers} too). Example: {@code .virtualTransferLoop(true)}.
         */
        public Builder virtualTransferLoop(boolean virtual) {
            this.virtualTransferLoop = virtual;
            return this;
        }

        /** Shows every packet to {@code listener}. Example: {@code .trace(new PacketTrace())}. */
        public Builder trace(PacketListener listener) {
            this.trace = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sends the one-line-per-transfer log to {@code sink} (default: standard output). Example: {@code .log(line -> {})}. */
        public Builder log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "log");
            return this;
        }

        /** Binds the port and starts serving. Example: {@code try (TftpServer s = Tftp.server(dir).start()) { ... }}. */
        public TftpServer start() throws IOException {
            return new TftpServer(this);
        }
    }
}
