package netlab.tftp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.function.Consumer;
import netlab.text.Message;
import netlab.text.Text;

/**
 * One transfer on the server side, on its own socket (TID) and virtual thread; logs one line when it ends. The
 * packet exchange itself runs on a platform thread (see {@link OffVirtualThread} for the numbers) unless
 * {@link TftpServer.Builder#virtualTransferLoop} asks otherwise; dallying after an upload waits on the virtual thread.
 */
final class ServerSession {

    /**
     * Retransmissions before the client's first answer. A client that sent a request and never answers (a lost
     * client, or a slow-loris attack with forged requests) holds a transfer slot for 3 timeouts, not 6. Two, not
     * one: over a lossy link (the course's relay drops 10 %) a first DATA and its ACK are both lost one time in five.
     */
    static final int HALF_OPEN_RETRIES = 2;

    /** A new upload's mode: what tftpd-hpa gives with the usual umask 022. A replaced file keeps its own. */
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> NEW_FILE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    private final TftpServer.Builder config;
    private final ServerFiles files;
    private final InetSocketAddress client;
    private final TftpPacket request;
    private final Consumer<TransferSummary> finished;
    private final Runnable dallying;
    private final Link link;
    private BlockReceiver dallier;   // an upload's receiver, which waits a moment for a repeated last block
    private long start;
    private String name;
    private boolean recorded;

    ServerSession(TftpServer.Builder config, ServerFiles files, DatagramSocket socket, InetSocketAddress client,
                  TftpPacket request, Consumer<TransferSummary> finished, Runnable dallying) {
        this.config = config;
        this.files = files;
        this.client = client;
        this.request = request;
        this.finished = finished;
        this.dallying = dallying;
        this.link = new Link(socket, client.getAddress(), client, config.trace, "server");
    }

    void run() {
        start = System.nanoTime();
        Transfer t = new Transfer(link, TransferOptions.defaults(config.timeout), config.retries, Deadline.NONE, ProgressListener.NONE);
        t.firstAnswerRetries = HALF_OPEN_RETRIES;
        name = switch (request) {
            case TftpPacket.ReadRequest r -> r.filename();
            case TftpPacket.WriteRequest w -> w.filename();
            default -> throw new IllegalStateException("a session starts with RRQ or WRQ, not " + request.opcode());
        };
        try {
            OffVirtualThread.Job<Void> exchange = () -> {
                switch (request) {
                    case TftpPacket.ReadRequest r -> read(t, r);
                    case TftpPacket.WriteRequest w -> write(t, w);
                    default -> throw new IllegalStateException();
                }
                return null;
            };
            if (config.virtualTransferLoop) {
                exchange.run();
            } else {
                OffVirtualThread.call(exchange, link, "tftp " + TftpClient.hostPort(client));
            }
            record(t);
            if (dallier != null) {
                dallying.run();   // the transfer is over: the server need not wait for this part
                dallier.dally();
            }
        } catch (IOException | RuntimeException e) {
            // Logged before the peer hears of it: a client that sees the ERROR can already find it in the log.
            String why = e instanceof TftpException te && !(e instanceof TransferTimeoutException)
                    ? Text.of("tftp.log.error", te.errorCode().code(), te.errorCode().meaning(), e.getMessage())
                    : e.getMessage();
            config.log.accept(Text.of("tftp.log.failed", request.opcode(), TransferSummary.quoted(name),
                    TftpClient.hostPort(client), Counts.grouped(t.bytes), why));
            t.tellPeer(e);
        }
    }

    /**
     * Records and logs the finished transfer, once. An upload is recorded before its final ACK goes out, so a
     * client that has its final ACK finds the transfer in {@link TftpServer#transfers()}; a download can only be
     * recorded when the client's last ACK arrives, after the client is done ({@link TftpServer#awaitIdle}).
     */
    private void record(Transfer t) {
        if (recorded) {
            return;
        }
        recorded = true;
        TransferSummary summary = new TransferSummary(request.opcode().name(), name, TftpClient.hostPort(client),
                t.bytes, t.blocks, t.retransmissions, t.elapsedSince(start), t.options);
        finished.accept(summary);
        config.log.accept(summary.toString());
    }

    private void read(Transfer t, TftpPacket.ReadRequest r) throws IOException {
        Path file = files.forRead(r.filename());
        OptionalLong size = r.mode() == Mode.OCTET ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
        OptionNegotiation.Choice choice = OptionNegotiation.serverChoice(r.options(), limits(), config.timeout, size, false);
        t.options = choice.options();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (!choice.oack().isEmpty()) {
                awaitAckZero(t, new TftpPacket.OptionAck(choice.oack()));
            }
            new BlockSender(t, r.mode() == Mode.NETASCII ? Netascii.toNetascii(in) : in).run();
        }
    }

    /** Sends the OACK until the client accepts it with ACK 0 (RFC 2347). */
    private void awaitAckZero(Transfer t, TftpPacket oack) throws IOException {
        link.send(oack);
        int retries = 0;
        while (true) {
            TftpPacket p = link.receive(t.timeoutNanos(), t.deadline, Message.of("tftp.wait.ackToOack"));
            switch (p) {
                case null -> {
                    retries = t.retry(retries, Message.of("tftp.wait.ackToOack"));
                    t.resend(oack);
                }
                case TftpPacket.Ack a when a.block() == 0 -> {
                    return;
                }
                case TftpPacket.ErrorPacket e -> throw Transfer.peerError(e);
                default -> throw Transfer.illegal(p, "tftp.reason.want.ackToOack");
            }
        }
    }

    private void write(Transfer t, TftpPacket.WriteRequest w) throws IOException {
        if (!config.writable) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, Message.of("tftp.reason.readOnly"));
        }
        Path target = files.forWrite(w.filename());
        if (!config.overwrite && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw exists(w.filename());
        }
        OptionNegotiation.Choice choice = OptionNegotiation.serverChoice(w.options(), limits(), config.timeout, OptionalLong.empty(), true);
        t.options = choice.options();
        if (t.options.transferSize().orElse(0) > config.maxFileSize) {
            throw tooBig(t.options.transferSize().getAsLong(), true);
        }
        Path temp = TftpClient.partFile(target);
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
        try {
            TftpPacket solicit = choice.oack().isEmpty() ? new TftpPacket.Ack(0) : new TftpPacket.OptionAck(choice.oack());
            OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            OutputStream out = w.mode() == Mode.NETASCII ? Netascii.fromNetascii(file) : file;
            try {
                link.send(solicit);
                BlockReceiver receiver = new BlockReceiver(t, out, bytes -> {
                    if (bytes > config.maxFileSize) {
                        throw tooBig(bytes, false);
                    }
                }, () -> {
                    out.close();   // the file is complete: put it in place before the final ACK says so
                    if (config.overwrite) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        try {
                            Files.createLink(target, temp);   // link(2) fails if the name exists; rename(2) would replace it
                        } catch (java.nio.file.FileAlreadyExistsException e) {
                            throw exists(w.filename());      // another upload of the same name finished first
                        }
                    }
                    record(t);
                });
                receiver.run(solicit, null);
                dallier = receiver;
            } finally {
                out.close();   // closing twice is harmless
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An upload announced (tsize) or found (by counting) to be over the cap; counted bytes are only what arrived so far. */
    private TftpException tooBig(long bytes, boolean announced) {
        String limit = Counts.grouped(config.maxFileSize);
        return new TftpException(ErrorCode.DISK_FULL, announced
                ? Message.of("tftp.reason.tooBig", Counts.grouped(bytes), limit)
                : Message.of("tftp.reason.tooBigCounted", limit));
    }

    private static TftpException exists(String name) {
        return new TftpException(ErrorCode.FILE_EXISTS, Message.of("tftp.reason.exists", TransferSummary.quoted(name)));
    }

    private OptionNegotiation.Limits limits() {
        return new OptionNegotiation.Limits(config.maxBlockSize, config.maxWindowSize, config.maxTimeout.toSeconds());
    }
}
