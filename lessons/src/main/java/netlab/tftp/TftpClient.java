package netlab.tftp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import netlab.text.Message;
import netlab.text.Text;

/**
 * A TFTP client (RFC 1350 with options from RFC 2347-2349 and 7440) that reads like a sentence:
 *
 * <pre>{@code
 * TransferSummary s = Tftp.client("127.0.0.1", port)
 *         .blockSize(1428)
 *         .windowSize(16)
 *         .timeout(Duration.ofSeconds(1))
 *         .get("boot.img", Path.of("boot.img"));
 * System.out.println(s);
 * // get "boot.img" from 127.0.0.1:6969: 3,145,728 bytes in 2,203 blocks, 0 retransmissions, 0.052 s ...
 * }</pre>
 *
 * <p>Each setter returns a new client and leaves this one unchanged, so a client is a value: safe to share
 * between threads, and each {@code get}/{@code put} runs on its own socket (its own TID). Called from a
 * virtual thread, a transfer runs on a platform thread of its own (three times faster in lockstep; see
 * TftpBench) while the caller waits; interrupting the caller ends the transfer. Listeners are called on the
 * thread that runs the transfer.
 *
 * <p>Two kinds of time: {@link #timeout} is how long to wait for one answer before sending again
 * ({@link #retries} times); {@link #deadline} bounds the whole transfer. By default there is no deadline.
 *
 * <p>Why not the course's 30-line sample client? It works only for a file named exactly {@code test.jpg},
 * writes in text mode and hangs on the first lost packet. This one retransmits, ignores stragglers and
 * packets from strangers (answering them with error 5), and rolls block numbers over past 65,535.
 */
public final class TftpClient {

    private final InetSocketAddress server;
    private final int blockSize;
    private final int windowSize;
    private final Duration timeout;
    private final boolean askTimeout;
    private final int retries;
    private final Duration deadline;
    private final Mode mode;
    private final boolean askSize;
    private final PacketListener listener;
    private final ProgressListener progress;

    private TftpClient(InetSocketAddress server, int blockSize, int windowSize, Duration timeout, boolean askTimeout,
                       int retries, Duration deadline, Mode mode, boolean askSize, PacketListener listener,
                       ProgressListener progress) {
        this.server = server;
        this.blockSize = blockSize;
        this.windowSize = windowSize;
        this.timeout = timeout;
        this.askTimeout = askTimeout;
        this.retries = retries;
        this.deadline = deadline;
        this.mode = mode;
        this.askSize = askSize;
        this.listener = listener;
        this.progress = progress;
    }

    /** See {@link Tftp#client(String, int)}. */
    static TftpClient to(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(Text.of("tftp.client.port", port));
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            return new TftpClient(address, 512, 1, Duration.ofSeconds(1), false, 5, null, Mode.OCTET, true,
                    PacketListener.NONE, ProgressListener.NONE);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(Text.of("tftp.client.host", host), e);
        }
    }

    /** Asks for {@code size}-byte blocks (RFC 2348, 8-65464); 512 asks for nothing. Example: {@code .blockSize(1428)}. */
    public TftpClient blockSize(int size) {
        if (size < 8 || size > TftpPacket.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException(Text.of("tftp.client.blockSize", size));
        }
        return new TftpClient(server, size, windowSize, timeout, askTimeout, retries, deadline, mode, askSize, listener, progress);
    }

    /** Asks for {@code blocks} DATA packets per ACK (RFC 7440, 1-65535); 1 is lockstep. Example: {@code .windowSize(16)}. */
    public TftpClient windowSize(int blocks) {
        if (blocks < 1 || blocks > 65535) {
            throw new IllegalArgumentException(Text.of("tftp.client.windowSize", blocks));
        }
        return new TftpClient(server, blockSize, blocks, timeout, askTimeout, retries, deadline, mode, askSize, listener, progress);
    }

    /**
     * Sets how long to wait for an answer before sending again (default 1 s), and asks the server to do the same:
     * a whole number of seconds with the {@code timeout} option (RFC 2349), anything else from 10 ms with
     * tftp-hpa's {@code utimeout} (microseconds), which netlab's server and tftpd-hpa understand. Over a lossy
     * link a lost DATA costs the sender's timeout, not ours; a server that ignores both options keeps its own.
     * Example: {@code .timeout(Duration.ofMillis(200))}.
     */
    public TftpClient timeout(Duration perPacket) {
        if (perPacket.toMillis() < 1 || perPacket.toSeconds() > 255) {
            throw new IllegalArgumentException(Text.of("tftp.client.timeout", perPacket));
        }
        return new TftpClient(server, blockSize, windowSize, perPacket, true, retries, deadline, mode, askSize, listener, progress);
    }

    /** Sets how many times to send again before giving up (default 5). Example: {@code .retries(10)}. */
    public TftpClient retries(int count) {
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException(Text.of("tftp.retries", count));
        }
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, count, deadline, mode, askSize, listener, progress);
    }

    /** Sets the limit for a whole transfer (default: none). Example: {@code .deadline(Duration.ofMinutes(1))}. */
    public TftpClient deadline(Duration whole) {
        if (whole.isNegative() || whole.isZero()) {
            throw new IllegalArgumentException(Text.of("tftp.client.deadline", whole));
        }
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, retries, whole, mode, askSize, listener, progress);
    }

    /** Removes the whole-transfer limit (the default). Example: {@code .noDeadline()}. */
    public TftpClient noDeadline() {
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, retries, null, mode, askSize, listener, progress);
    }

    /** Sets the transfer mode (default octet). Example: {@code .mode(Mode.NETASCII)}. */
    public TftpClient mode(Mode newMode) {
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, retries, deadline,
                Objects.requireNonNull(newMode, "mode"), askSize, listener, progress);
    }

    /** Whether to ask for the file size with {@code tsize} (default yes; it drives the progress bar). Example: {@code .askSize(false)}. */
    public TftpClient askSize(boolean ask) {
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, retries, deadline, mode, ask, listener, progress);
    }

    /** Sets who sees every packet. Example: {@code PacketTrace trace = new PacketTrace(); client.trace(trace)}. */
    public TftpClient trace(PacketListener packetListener) {
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, retries, deadline, mode, askSize,
                Objects.requireNonNull(packetListener, "listener"), progress);
    }

    /** Sets who hears about progress. Example: {@code .progress((done, total) -> System.out.println(done))}. */
    public TftpClient progress(ProgressListener progressListener) {
        return new TftpClient(server, blockSize, windowSize, timeout, askTimeout, retries, deadline, mode, askSize,
                listener, Objects.requireNonNull(progressListener, "progress"));
    }

    /** Shows a progress bar in the notebook during each transfer. Example: {@code .showProgress().get(...)}. */
    public TftpClient showProgress() {
        return progress(new ProgressBar());
    }

    /**
     * Downloads {@code remote} from the server into the file {@code local}, replacing it only once the whole file
     * has arrived: a failed transfer leaves {@code local} as it was (or absent). The download goes to a hidden
     * file beside it, {@code .name.tftp-….part}, that is removed on failure.
     * Example: {@code Tftp.client("127.0.0.1", port).get("a.txt", Path.of("a.txt"))}.
     *
     * @throws PeerErrorException       if the server refuses, e.g. error 1 when the file does not exist
     * @throws TransferTimeoutException if the server stops answering
     */
    public TransferSummary get(String remote, Path local) throws IOException {
        Path target = local.toAbsolutePath();
        Path part = partFile(target);
        try {
            TransferSummary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                summary = get(remote, out);
            }
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(part, Files.getPosixFilePermissions(target));   // a replaced file keeps its mode
            }
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** A new empty file beside {@code target}, created with the usual permissions (the umask's, unlike a temp file's 0600). */
    static Path partFile(Path target) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 0; ; attempt++) {
            Path part = dir.resolve("." + target.getFileName() + ".tftp-" + Long.toHexString(System.nanoTime()) + ".part");
            try {
                return Files.createFile(part);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Downloads {@code remote} into memory. Example: {@code byte[] b = client.getBytes("a.txt")}. */
    public byte[] getBytes(String remote) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        get(remote, out);
        return out.toByteArray();
    }

    /** Downloads {@code remote} into {@code out} (not closed). Example: {@code client.get("a.txt", System.out)}. */
    public TransferSummary get(String remote, OutputStream out) throws IOException {
        try (OutputStream local = mode == Mode.NETASCII ? Netascii.fromNetascii(nonClosing(out)) : nonClosing(out)) {
            return run("get", remote, OptionalLong.of(0), null, local);
        }
    }

    /**
     * Uploads the file {@code local} to the server as {@code remote}.
     * Example: {@code Tftp.client("127.0.0.1", port).put(Path.of("a.txt"), "a.txt")}.
     */
    public TransferSummary put(Path local, String remote) throws IOException {
        if (!Files.isRegularFile(local)) {
            throw new java.nio.file.NoSuchFileException(local.toString(), null, Text.of("tftp.client.upload"));
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(local), 1 << 16)) {
            return put(in, mode == Mode.OCTET ? OptionalLong.of(Files.size(local)) : OptionalLong.empty(), remote);
        }
    }

    /** Uploads {@code data} as {@code remote}. Example: {@code client.put("hello\n".getBytes(), "hello.txt")}. */
    public TransferSummary put(byte[] data, String remote) throws IOException {
        return put(new java.io.ByteArrayInputStream(data), mode == Mode.OCTET ? OptionalLong.of(data.length) : OptionalLong.empty(), remote);
    }

    private TransferSummary put(InputStream in, OptionalLong size, String remote) throws IOException {
        InputStream wire = mode == Mode.NETASCII ? Netascii.toNetascii(in) : in;
        return run("put", remote, size, wire, null);
    }

    private TransferSummary run(String kind, String remote, OptionalLong size, InputStream in, OutputStream out)
            throws IOException {
        Objects.requireNonNull(remote, "remote");
        Map<String, String> asked = requestedOptions(size);
        try {
            return run(kind, remote, asked, in, out);
        } catch (OptionsRefused e) {
            // RFC 2347: a server that refuses options answers ERROR 8; ask again without them
            return run(kind, remote, Map.of(), in, out);
        }
    }

    /** The server refused our options before any data moved. */
    private static final class OptionsRefused extends IOException {
        OptionsRefused(PeerErrorException cause) {
            super(cause);
        }
    }

    private TransferSummary run(String kind, String remote, Map<String, String> asked, InputStream in, OutputStream out)
            throws IOException {
        DatagramSocket socket = new DatagramSocket();   // our TID, one per transfer
        return OffVirtualThread.call(() -> transfer(socket, kind, remote, asked, in, out), socket, "tftp-client");
    }

    private TransferSummary transfer(DatagramSocket socket, String kind, String remote, Map<String, String> asked,
                                     InputStream in, OutputStream out) throws IOException {
        long start = System.nanoTime();
        TftpPacket request = kind.equals("get")
                ? new TftpPacket.ReadRequest(remote, mode, asked)
                : new TftpPacket.WriteRequest(remote, mode, asked);
        Transfer t = null;
        boolean ok = false;
        try (Link link = new Link(socket, server.getAddress(), null, listener, "client")) {
            t = new Transfer(link, TransferOptions.defaults(timeout), retries, Deadline.after(deadline), progress);
            try {
                TftpPacket answer;
                try {
                    answer = handshake(t, request);
                } catch (PeerErrorException e) {
                    if (e.errorCode() == ErrorCode.OPTION_REFUSED && !asked.isEmpty()) {
                        throw new OptionsRefused(e);
                    }
                    throw e;
                }
                if (answer instanceof TftpPacket.OptionAck oack) {
                    t.options = OptionNegotiation.clientAccept(asked, oack.options(), timeout);
                }
                t.reportProgress(true);
                if (kind.equals("get")) {
                    TftpPacket.Data first = answer instanceof TftpPacket.Data d ? d : null;
                    TftpPacket solicit = new TftpPacket.Ack(0);
                    if (first == null) {
                        link.send(solicit);   // ACK 0 accepts the OACK
                    }
                    new BlockReceiver(t, out, bytes -> { }, out::flush).run(solicit, first);
                } else {
                    new BlockSender(t, in).run();
                }
                ok = true;
                return new TransferSummary(kind, remote, hostPort(server), t.bytes, t.blocks, t.retransmissions,
                        t.elapsedSince(start), t.options);
            } catch (IOException | RuntimeException e) {
                if (!(e instanceof OptionsRefused)) {
                    t.tellPeer(e);
                }
                throw e;
            }
        } finally {
            if (t != null) {
                progress.onDone(t.bytes, t.options.transferSize().orElse(-1), ok);
            }
        }
    }

    /** Sends the request until the server answers: DATA 1 or OACK for a get, ACK 0 or OACK for a put. */
    private TftpPacket handshake(Transfer t, TftpPacket request) throws IOException {
        boolean isGet = request instanceof TftpPacket.ReadRequest;
        Message waiting = Message.of("tftp.wait.answer", request.opcode(), hostPort(server));
        t.link.sendTo(request, server);
        int tries = 0;
        while (true) {
            TftpPacket p = t.link.receive(t.timeoutNanos(), t.deadline, waiting);
            if (p == null) {
                tries = t.retry(tries, waiting);
                t.retransmissions++;
                t.link.sendTo(request, server);
                continue;
            }
            switch (p) {
                case TftpPacket.ErrorPacket e -> throw Transfer.peerError(e);
                case TftpPacket.OptionAck o -> {
                    return o;
                }
                case TftpPacket.Data d when isGet && d.block() == 1 -> {
                    return d;
                }
                case TftpPacket.Ack a when !isGet && a.block() == 0 -> {
                    return a;
                }
                default -> throw Transfer.illegal(p, "tftp.reason.want." + (isGet ? "firstData" : "firstAck"));
            }
        }
    }

    private Map<String, String> requestedOptions(OptionalLong size) {
        Map<String, String> options = new LinkedHashMap<>();
        if (blockSize != TransferOptions.DEFAULT_BLOCK_SIZE) {
            options.put(OptionNegotiation.BLKSIZE, Integer.toString(blockSize));
        }
        if (windowSize != 1) {
            options.put(OptionNegotiation.WINDOWSIZE, Integer.toString(windowSize));
        }
        if (askTimeout && timeout.toMillis() % 1000 == 0) {   // RFC 2349 speaks whole seconds only
            options.put(OptionNegotiation.TIMEOUT, Long.toString(timeout.toSeconds()));
        } else if (askTimeout && timeout.toNanos() / 1000 >= OptionNegotiation.MIN_UTIMEOUT) {   // tftp-hpa's microseconds
            options.put(OptionNegotiation.UTIMEOUT, Long.toString(timeout.toNanos() / 1000));
        }
        if (askSize && size.isPresent() && mode == Mode.OCTET) {   // a netascii size is not known before sending
            options.put(OptionNegotiation.TSIZE, Long.toString(size.getAsLong()));
        }
        return options;
    }

    /** {@code ip:port}, an IPv6 address in brackets and RFC 5952 form ({@code [::1]:69}) so its colons stay apart from the port. */
    static String hostPort(InetSocketAddress a) {
        return (a.getAddress() instanceof java.net.Inet6Address v6 ? "[" + netlab.ip.Ipv6.of(v6) + "]"
                : a.getAddress().getHostAddress()) + ":" + a.getPort();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    @Override
    public String toString() {
        return "TftpClient[" + hostPort(server) + ", blksize " + blockSize + ", windowsize " + windowSize + ", timeout "
                + timeout.toMillis() + " ms, " + retries + " retries, " + mode.wireName() + "]";
    }
}
