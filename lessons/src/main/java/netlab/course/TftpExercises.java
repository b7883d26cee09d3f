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
import netlab.tftp.LossyRelay;
import netlab.tftp.Tftp;
import netlab.tftp.TftpServer;

/**
 * The TFTP exercises of chapter 2 (RFC 1350), with their public cases. Packets are built here by hand, byte by
 * byte, so the checks do not trust the code they teach. Everything runs on 127.0.0.1.
 *
 * <pre>{@code
 * byte[] rrq(String filename, String mode) { ... }                               // answer cell
 * Check.run("tftp.rrq", (TftpExercises.Rrq) (f, m) -> rrq(f, m));                // check cell
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

    public static final Exercise<Rrq> RRQ = Exercise.of("tftp.rrq", "Build a read request", Rrq.class)
            .add(rrqCase("test.jpg", "octet"))
            .add(rrqCase("notes.txt", "netascii"))
            .hiddenCases(2)
            .build();

    public static final Exercise<Ack> ACK = Exercise.of("tftp.ack", "Build an ACK", Ack.class)
            .add(ackCase(1))
            .add(ackCase(300))
            .hiddenCases(2)
            .build();

    public static final Exercise<Describe> DESCRIBE = Exercise.of("tftp.describe", "Read DATA, ACK and ERROR",
                    Describe.class)
            .add(describeCase(data(1, 512), "DATA 1 (512 bytes)"))
            .add(describeCase(data(7, 3), "DATA 7 (3 bytes)"))
            .add(describeCase(ack(2), "ACK 2"))
            .add(describeCase(error(1, "File not found"), "ERROR 1: File not found"))
            .hiddenCases(3)
            .build();

    public static final Exercise<AckLoop> ACK_LOOP = Exercise.of("tftp.ack-loop", "The ACK loop", AckLoop.class)
            .add(ackLoopCase(1300, false))
            .add(ackLoopCase(512, false))
            .hiddenCases(2)
            .build();

    public static final Exercise<Download> DOWNLOAD = Exercise.of("tftp.download",
                    "A whole download through a lossy relay", Download.class)
            .add(downloadCase(3000, 0.0, 1))
            .add(downloadCase(5000, 0.1, 5))
            .hiddenCases(2)
            .build();

    public static Case<Rrq> rrqCase(String filename, String mode) {
        return Case.<Rrq>named("rrq(\"" + filename + "\", \"" + mode + "\")")
                .hint("Opcode 1 in two bytes (0, 1), the name as bytes, a 0, the mode, a 0. A ByteArrayOutputStream "
                        + "builds it; no fixed length as in struct.pack(\"!H8sb5sb\").")
                .expect(hex(request(filename, mode)), a -> hex(a.rrq(filename, mode)));
    }

    public static Case<Ack> ackCase(int block) {
        return Case.<Ack>named("ack(" + block + ")")
                .hint("ByteBuffer.allocate(4).putShort((short) 4).putShort((short) block).array()")
                .expect(hex(ack(block)), a -> hex(a.ack(block)));
    }

    public static Case<Describe> describeCase(byte[] packet, String expected) {
        return Case.<Describe>named("describe(" + abbreviate(packet) + ")")
                .hint("Read the first two bytes as an unsigned opcode: ((p[0] & 0xFF) << 8) | (p[1] & 0xFF). "
                        + "DATA: \"DATA n (k bytes)\", ACK: \"ACK n\", ERROR: \"ERROR code: message\" (message ends at the 0).")
                .expect(expected, a -> a.describe(packet.clone()));
    }

    /** A fake server sends {@code size} bytes as DATA blocks and waits for each ACK; {@code dup} repeats each block once. */
    public static Case<AckLoop> ackLoopCase(int size, boolean dup) {
        return Case.<AckLoop>named("receive a " + size + "-byte file" + (dup ? ", blocks sent twice" : ""))
                .failure("the file that came back differs from the one sent")
                .hint("Loop: receive a DATA packet, send ACK with its block number to p.getSocketAddress(), append "
                        + "the data if it is the next block, stop when it holds fewer than 512 bytes.")
                .expect("received " + size + " bytes", a -> {
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
                        return Arrays.equals(file, got) ? "received " + size + " bytes"
                                : "received " + (got == null ? "null" : got.length + " different bytes");
                    }
                });
    }

    /** netlab's server holds a {@code size}-byte file behind a relay that drops {@code drop} of the packets. */
    public static Case<Download> downloadCase(int size, double drop, long seed) {
        return Case.<Download>named("download a " + size + "-byte file, " + (int) (drop * 100) + "% of packets lost")
                .failure("the downloaded bytes differ from the file on the server")
                .hint("Send the RRQ to port; answers come from a new port (the server's TID): ACK to that. With "
                        + "setSoTimeout, resend your last packet (RRQ or ACK) when nothing comes; ignore repeated blocks.")
                .expect("downloaded " + size + " bytes", a -> {
                    Path dir = Files.createTempDirectory("netlab-tftp-case");
                    byte[] file = sample(size, seed);
                    Files.write(dir.resolve("case.bin"), file);
                    try (TftpServer server = Tftp.server(dir).timeout(Duration.ofMillis(100))
                            .log(line -> { }).start();  // its complaints about the final ACK are not the student's
                         LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(drop).seed(seed).start()) {
                        byte[] got = a.download("127.0.0.1", relay.port(), "case.bin");
                        return Arrays.equals(file, got) ? "downloaded " + size + " bytes"
                                : "downloaded " + (got == null ? "null" : got.length + " different bytes");
                    } finally {
                        Files.deleteIfExists(dir.resolve("case.bin"));
                        Files.deleteIfExists(dir);
                    }
                });
    }

    static void expectAck(DatagramSocket server, int block, Background<?> answer) throws Exception {
        byte[] got;
        try {
            got = UdpExercises.receiveOrBlame(server, answer, 600);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("the server sent DATA " + block + " but no ACK came back");
        }
        if (!Arrays.equals(got, ack(block))) {
            throw new AssertionError("after DATA " + block + " the server expected ACK " + hex(ack(block))
                    + " but got " + hex(got));
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
        return h + (b.length > 6 ? " … (" + b.length + " bytes)" : "");
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(RRQ, ACK, DESCRIBE, ACK_LOOP, DOWNLOAD);
    }
}
