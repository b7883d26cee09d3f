package netlab.course;

import netlab.exercise.*;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import netlab.runtime.Causes;
import netlab.tftp.LossyRelay;
import netlab.tftp.Tftp;
import netlab.tftp.TftpServer;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The TFTP exercises of chapter 2 (RFC 1350), with their public cases. Packets are built here by hand, byte by
 * byte, so the checks do not trust the code they teach. Everything runs on 127.0.0.1.
 *
 * <pre>{@code
 * byte[] rrq(String filename, String mode) { ... }                               // answer cell
 * Check.tftpRrq((name, mode) -> rrq(name, mode));                               // check cell
 * }</pre>
 */
public final class TftpExercises implements ExerciseSet {

    /** {@code tftp.rrq}: the bytes of a read request: 0 1, filename, 0, mode, 0. */
    @FunctionalInterface
    public interface Rrq {
        byte[] rrq(String filename, String mode) throws Exception;
    }

    /** {@code tftp.ack}: the 4 bytes of ACK {@code block}: 0 4, block as an unsigned 16-bit number. */
    @FunctionalInterface
    public interface Ack {
        byte[] ack(int block) throws Exception;
    }

    /** {@code tftp.describe}: one line about a DATA, ACK or ERROR packet, e.g. "DATA 1 (512 bytes)". */
    @FunctionalInterface
    public interface Describe {
        String describe(byte[] packet) throws Exception;
    }

    /**
     * {@code tftp.ack-loop}: DATA blocks arrive on {@code socket}; ACK each one to its sender, keep each block
     * once, stop after a block shorter than 512 bytes, return the file.
     */
    @FunctionalInterface
    public interface AckLoop {
        byte[] receiveFile(DatagramSocket socket) throws Exception;
    }

    /** {@code tftp.download}: download {@code filename} (octet) from the TFTP server at host:port, lossy path. */
    @FunctionalInterface
    public interface Download {
        byte[] download(String host, int port, String filename) throws Exception;
    }

    static final int WAIT_MS = 1500;

    public static final Exercise<Rrq> RRQ = Exercise.of("tftp.rrq", Message.of("course.tftp.rrq.title"), Rrq.class)
            .add(rrqCase("test.jpg", "octet"))
            .add(rrqCase("notes.txt", "netascii"))
            .hiddenCases(2)
            .build();

    public static final Exercise<Ack> ACK = Exercise.of("tftp.ack", Message.of("course.tftp.ack.title"), Ack.class)
            .add(ackCase(1))
            .add(ackCase(300))
            .hiddenCases(2)
            .build();

    public static final Exercise<Describe> DESCRIBE = Exercise.of("tftp.describe", Message.of("course.tftp.describe.title"),
                    Describe.class)
            .add(describeCase(data(1, 512), "DATA 1 (512 bytes)"))
            .add(describeCase(data(7, 3), "DATA 7 (3 bytes)"))
            .add(describeCase(ack(2), "ACK 2"))
            .add(describeCase(error(1, "File not found"), "ERROR 1: File not found"))
            .hiddenCases(3)
            .build();

    public static final Exercise<AckLoop> ACK_LOOP = Exercise.of("tftp.ack-loop", Message.of("course.tftp.ack-loop.title"), AckLoop.class)
            .add(ackLoopCase(1300, false))
            .add(ackLoopCase(512, false))
            .hiddenCases(2)
            .build();

    public static final Exercise<Download> DOWNLOAD = Exercise.of("tftp.download",
                    Message.of("course.tftp.download.title"), Download.class)
            .add(downloadCase(3000, 0.0, 1))
            .add(downloadCase(5000, 0.1, 5))
            .add(downloadErrorCase(1, "File not found"))
            .add(downloadTidCase(700, 9))
            .hiddenCases(4)
            .build();

    public static Case<Rrq> rrqCase(String filename, String mode) {
        return Case.<Rrq>named("rrq(\"" + filename + "\", \"" + mode + "\")")
                .hint(Message.of("course.tftp.rrq.hint"))
                .expect(hex(request(filename, mode)), a -> hex(a.rrq(filename, mode)));
    }

    public static Case<Ack> ackCase(int block) {
        return Case.<Ack>named("ack(" + block + ")")
                .hint(Message.of("course.tftp.ack.hint"))
                .expect(hex(ack(block)), a -> hex(a.ack(block)));
    }

    public static Case<Describe> describeCase(byte[] packet, String expected) {
        return Case.<Describe>named("describe(" + abbreviate(packet) + ")")
                .hint(Message.of("course.tftp.describe.hint"))
                .expect(expected, a -> a.describe(packet.clone()));
    }

    /** A fake server sends {@code size} bytes as DATA blocks and waits for each ACK; {@code dup} repeats each block once. */
    public static Case<AckLoop> ackLoopCase(int size, boolean dup) {
        return Case.<AckLoop>named("receiveFile(socket) ← " + size + " B" + (dup ? ", DATA ×2" : ""))
                .failure(Message.of("course.tftp.ack-loop.failure"))
                .hint(Message.of("course.tftp.ack-loop.hint"))
                .expect(Message.of("course.tftp.outcome.received", size), a -> {
                    byte[] file = sample(size, size);
                    try (DatagramSocket client = UdpExercises.loopbackSocket();
                         DatagramSocket server = UdpExercises.loopbackSocket()) {
                        Background<byte[]> answer = Background.start(() -> a.receiveFile(client));
                        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
                        for (int block = 1; (block - 1) * 512 <= size; block++) {
                            int from = (block - 1) * 512;
                            byte[] packet = data(block, Arrays.copyOfRange(file, from, Math.min(size, from + 512)));
                            boolean last = from + 512 > size;
                            // the last block is not repeated: after it the receiver may rightly be gone
                            for (int copy = 0; copy < (dup && !last ? 2 : 1); copy++) {
                                server.send(new DatagramPacket(packet, packet.length, to));
                                expectAck(server, block, answer);
                            }
                        }
                        byte[] got = answer.await(WAIT_MS);
                        return transferred("received", file, got);
                    }
                });
    }

    /** netlab's server holds a {@code size}-byte file behind a relay that drops {@code drop} of the packets. */
    public static Case<Download> downloadCase(int size, double drop, long seed) {
        return Case.<Download>named(Message.of("course.tftp.case.lossy", size, (int) (drop * 100)))
                .failure(Message.of("course.tftp.download.failure"))
                .hint(Message.of("course.tftp.download.hint"))
                .expect(Message.of("course.tftp.outcome.downloaded", size), a -> {
                    Path dir = Files.createTempDirectory("netlab-tftp-case");
                    byte[] file = sample(size, seed);
                    Files.write(dir.resolve("case.bin"), file);
                    try (TftpServer server = Tftp.server(dir).timeout(Duration.ofMillis(100))
                            .log(line -> { }).start();  // its complaints about the final ACK are not the student's
                         LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(drop).seed(seed).start()) {
                        byte[] got = a.download("127.0.0.1", relay.port(), "case.bin");
                        return transferred("downloaded", file, got);
                    } finally {
                        Files.deleteIfExists(dir.resolve("case.bin"));
                        Files.deleteIfExists(dir);
                    }
                });
    }

    /**
     * A scripted server answers the RRQ with ERROR {@code code} from a new port (its TID): a download must end,
     * with an exception that carries the server's message, instead of waiting or returning a file.
     */
    public static Case<Download> downloadErrorCase(int code, String message) {
        return Case.<Download>named("download(host, port, \"missing.bin\") ← ERROR " + code)
                .failure(Message.of("course.tftp.download.error-failure"))
                .hint(Message.of("course.tftp.download.error-hint"))
                .expect(Message.of("course.tftp.outcome.throws-message", message), a -> {
                    try (DatagramSocket listen = UdpExercises.loopbackSocket();
                         DatagramSocket tid = UdpExercises.loopbackSocket()) {
                        Background<byte[]> answer = Background.start(
                                () -> a.download("127.0.0.1", listen.getLocalPort(), "missing.bin"));
                        DatagramPacket rrq = receiveRequest(listen, answer);
                        byte[] error = error(code, message);
                        tid.send(new DatagramPacket(error, error.length, rrq.getSocketAddress()));
                        return outcome(answer, message);
                    }
                });
    }

    /**
     * A scripted server sends a {@code size}-byte file (two or more blocks) from its TID while, after ACK 1, a stranger
     * on another port sends a short DATA 2 first: a client that talks only to the server's TID ignores it (RFC 1350
     * §4) and gets the real file; one that takes any DATA keeps the stranger's bytes and stops early.
     */
    public static Case<Download> downloadTidCase(int size, long seed) {
        return Case.<Download>named(Message.of("course.tftp.case.stranger", size))
                .failure(Message.of("course.tftp.download.tid-failure"))
                .hint(Message.of("course.tftp.download.tid-hint"))
                .expect(Message.of("course.tftp.outcome.downloaded", size), a -> {
                    byte[] file = sample(size, seed);
                    try (DatagramSocket listen = UdpExercises.loopbackSocket();
                         DatagramSocket tid = UdpExercises.loopbackSocket();
                         DatagramSocket stranger = UdpExercises.loopbackSocket()) {
                        Background<byte[]> answer = Background.start(
                                () -> a.download("127.0.0.1", listen.getLocalPort(), "tid.bin"));
                        java.net.SocketAddress client = receiveRequest(listen, answer).getSocketAddress();
                        int blocks = size / 512 + 1;
                        for (int block = 1; block <= blocks; block++) {
                            int from = (block - 1) * 512;
                            byte[] packet = data(block, Arrays.copyOfRange(file, from, Math.min(size, from + 512)));
                            if (block == 2) {
                                byte[] fake = data(2, "not from the server".getBytes(StandardCharsets.US_ASCII));
                                stranger.send(new DatagramPacket(fake, fake.length, client));
                                Thread.sleep(50); // the stranger's DATA arrives first
                            }
                            tid.send(new DatagramPacket(packet, packet.length, client));
                            if (!awaitAck(tid, block, answer, packet, client)) {
                                break; // the answer already returned: judge what it returned
                            }
                        }
                        byte[] got = answer.await(WAIT_MS);
                        return transferred("downloaded", file, got);
                    }
                });
    }

    /** The RRQ the answer sends to {@code listen}, or the answer's own failure (such as its TODO stub). */
    private static DatagramPacket receiveRequest(DatagramSocket listen, Background<?> answer) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        listen.setSoTimeout(50);
        DatagramPacket p = new DatagramPacket(new byte[600], 600);
        while (true) {
            try {
                listen.receive(p);
                if (p.getLength() >= 2 && p.getData()[1] == 1) {
                    return p;
                }
            } catch (SocketTimeoutException e) {
                if (answer.isDone() || System.nanoTime() > deadline) {
                    throw answer.failure(new SocketTimeoutException(Text.of("course.tftp.no-rrq", WAIT_MS)));
                }
            }
        }
    }

    /**
     * Waits for ACK {@code block} on the server's TID, resending DATA on silence as a server would; false when the
     * answer has returned (it took a packet that was not the server's as the end of the file).
     */
    private static boolean awaitAck(DatagramSocket tid, int block, Background<?> answer, byte[] packet,
                                    java.net.SocketAddress client) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        tid.setSoTimeout(100);
        DatagramPacket p = new DatagramPacket(new byte[600], 600);
        while (System.nanoTime() < deadline) {
            try {
                tid.receive(p);
                if (Arrays.equals(Arrays.copyOf(p.getData(), p.getLength()), ack(block))) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                if (answer.isDone()) {
                    return false;
                }
                tid.send(new DatagramPacket(packet, packet.length, client));
            }
        }
        throw answer.failure(new SocketTimeoutException(Text.of("course.tftp.no-ack", block)));
    }

    /** What the download did once the server said ERROR: "throws …MESSAGE…" when its exception carries the message. */
    private static Message outcome(Background<byte[]> answer, String message) throws Exception {
        try {
            byte[] got = answer.await(WAIT_MS);
            return got == null ? Message.of("course.tftp.outcome.returned-null")
                    : Message.of("course.tftp.outcome.returned", got.length);
        } catch (java.util.concurrent.TimeoutException e) {
            return Message.of("course.tftp.outcome.waiting", WAIT_MS);
        } catch (UnsupportedOperationException e) {
            throw e; // the TODO stub: not answered yet
        } catch (Exception e) {
            for (Throwable t : Causes.of(e)) {
                if (t.getMessage() != null && t.getMessage().contains(message)) {
                    return Message.of("course.tftp.outcome.throws-message", message);
                }
            }
            return Message.of("course.tftp.outcome.throws", e.getClass().getSimpleName());
        }
    }

    /**
     * What a transfer that {@code verb} ("received", "downloaded") ended with: the file's size when {@code got} is the
     * file, else how much came and that it differs, or that the answer returned null.
     */
    private static Message transferred(String verb, byte[] file, byte[] got) {
        String key = "course.tftp.outcome." + verb;
        return got == null ? Message.of(key + "-null")
                : Arrays.equals(file, got) ? Message.of(key, got.length) : Message.of(key + "-different", got.length);
    }

    static void expectAck(DatagramSocket server, int block, Background<?> answer) throws Exception {
        byte[] got;
        try {
            got = UdpExercises.receiveOrBlame(server, answer, 600);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(Text.of("course.tftp.no-ack", block));
        }
        if (!Arrays.equals(got, ack(block))) {
            throw new AssertionError(Text.of("course.tftp.wrong-ack", block, hex(ack(block)), hex(got)));
        }
    }

    /** RRQ/WRQ bytes built by hand. */
    public static byte[] request(String filename, String mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(1);
        out.writeBytes(filename.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes(mode.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return out.toByteArray();
    }

    public static byte[] ack(int block) {
        return new byte[] {0, 4, (byte) (block >>> 8), (byte) block};
    }

    public static byte[] data(int block, int length) {
        return data(block, sample(length, block));
    }

    public static byte[] data(int block, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0).put((byte) 3)
                .put((byte) (block >>> 8)).put((byte) block).put(payload).array();
    }

    public static byte[] error(int code, String message) {
        byte[] m = message.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(5 + m.length).put((byte) 0).put((byte) 5)
                .put((byte) (code >>> 8)).put((byte) code).put(m).put((byte) 0).array();
    }

    static byte[] sample(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String hex(byte[] b) {
        return b == null ? "null" : HexFormat.ofDelimiter(" ").formatHex(b);
    }

    static String abbreviate(byte[] b) {
        String h = hex(Arrays.copyOf(b, Math.min(b.length, 6)));
        return h + (b.length > 6 ? " … (" + b.length + " B)" : "");
    }

    /** {@code tftp.predict-blocks}: how many DATA packets a 1024-byte file takes (the last one is empty). */
    public static final Exercise<Prediction.Count> PREDICT_BLOCKS = Prediction.count("tftp.predict-blocks", 1024 / 512 + 1);

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(RRQ, ACK, DESCRIBE, ACK_LOOP, DOWNLOAD, PREDICT_BLOCKS);
    }
}
