package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random and mutated packets, fixed seed, bounded count: only protocol errors, no crash, nothing stuck. */
class TftpFuzzTest {

    private static final long SEED = 20261127L;

    /** Valid packets of every kind, the seeds for mutation. */
    private static List<byte[]> seeds() {
        return List.of(
                new TftpPacket.ReadRequest("file.bin", Mode.OCTET, Map.of("blksize", "1428", "windowsize", "16", "tsize", "0")).encode(),
                new TftpPacket.WriteRequest("up/new.bin", Mode.NETASCII, Map.of("tsize", "100", "timeout", "1")).encode(),
                new TftpPacket.ReadRequest("../outside/canary", Mode.OCTET).encode(),
                new TftpPacket.WriteRequest("../outside/canary", Mode.OCTET).encode(),
                new TftpPacket.Data(1, "hello".getBytes(StandardCharsets.US_ASCII)).encode(),
                new TftpPacket.Ack(0).encode(),
                new TftpPacket.ErrorPacket(ErrorCode.UNKNOWN_TID, "who?").encode(),
                new TftpPacket.OptionAck(Map.of("blksize", "512")).encode());
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(6)) {
            case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));                   // flip a bit
            case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));                 // truncate
            case 2 -> b[r.nextInt(b.length)] = 0;                                              // a stray zero
            case 3 -> {                                                                        // garbage tail
                byte[] tail = new byte[r.nextInt(40)];
                r.nextBytes(tail);
                byte[] longer = java.util.Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, longer, b.length, tail.length);
                b = longer;
            }
            case 4 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);                          // a random byte
            default -> {                                                                       // pure noise, plausible opcode
                b = new byte[r.nextInt(64)];
                r.nextBytes(b);
                if (b.length >= 2) {
                    b[0] = 0;
                    b[1] = (byte) r.nextInt(8);
                }
            }
        }
        return b;
    }

    @Test
    void theCodecOnlyEverThrowsMalformedPacketException() {
        Random r = new Random(SEED);
        List<byte[]> seeds = seeds();
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = mutate(seeds.get(r.nextInt(seeds.size())), r);
            try {
                TftpPacket p = TftpPacket.decode(bytes);
                decoded++;
                assertEquals(p, TftpPacket.decode(p.encode()), "a decoded packet survives a round trip");
            } catch (MalformedPacketException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("decoding " + java.util.HexFormat.of().formatHex(bytes) + " threw " + e, e);
            }
        }
        assertTrue(decoded > 1000 && decoded < 49_000, "the fuzzer should hit both valid and malformed packets: " + decoded);
    }

    @Test
    void aRunningServerSurvivesGarbageAndTouchesNothingOutsideItsRoot(@TempDir Path base) throws Exception {
        Path root = Files.createDirectories(base.resolve("root"));
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.createDirectory(root.resolve("up"));
        Files.writeString(outside.resolve("canary"), "do not touch");
        Files.setLastModifiedTime(outside.resolve("canary"), FileTime.fromMillis(1_000_000_000_000L));
        byte[] file = new byte[40_000];
        new Random(SEED).nextBytes(file);
        Files.write(root.resolve("file.bin"), file);
        Map<String, String> outsideBefore = snapshot(outside);

        List<String> log = new CopyOnWriteArrayList<>();
        List<byte[]> answers = new ArrayList<>();
        try (TftpServer server = Tftp.server(root).writable(true).maxFileSize(100_000)
                .timeout(Duration.ofMillis(50)).maxTimeout(Duration.ZERO).retries(2).log(log::add).start();
             DatagramSocket fuzzer = new DatagramSocket()) {
            InetSocketAddress serverPort = new InetSocketAddress("127.0.0.1", server.port());
            Random r = new Random(SEED + 1);
            List<byte[]> seeds = seeds();
            List<InetSocketAddress> tids = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                byte[] bytes = mutate(seeds.get(r.nextInt(seeds.size())), r);
                // mostly at the server's port; sometimes at a transfer's own port (TID) we opened
                InetSocketAddress to = !tids.isEmpty() && r.nextInt(4) == 0 ? tids.get(r.nextInt(tids.size())) : serverPort;
                fuzzer.send(new DatagramPacket(bytes, bytes.length, to));
                if (i % 10 == 0) {
                    drain(fuzzer, answers, tids, serverPort);
                }
            }
            drain(fuzzer, answers, tids, serverPort);
            assertTrue(tids.size() > 5, "the fuzz should also reach transfers' own ports: " + tids);

            // nothing stuck: every transfer the garbage started ends by itself within its retries
            for (int i = 0; i < 300 && server.activeTransfers() > 0; i++) {
                Thread.sleep(10);
            }
            assertEquals(0, server.activeTransfers(), "transfers still running after the fuzz: " + log);
            // still serving
            assertArrayEquals(file, Tftp.client("127.0.0.1", server.port()).getBytes("file.bin"));
        }
        for (byte[] answer : answers) {
            TftpPacket.decode(answer);   // everything the server said is a well-formed packet
        }
        assertTrue(answers.size() > 100, "the server should have answered the garbage: " + answers.size());
        assertTrue(log.stream().noneMatch(l -> l.contains("ignored a packet")), "an exception escaped: " + log);
        assertEquals(outsideBefore, snapshot(outside), "a file outside the root changed");
        try (Stream<Path> all = Files.walk(base)) {
            assertTrue(all.allMatch(p -> p.startsWith(root) || p.startsWith(outside) || p.equals(base)));
        }
        try (Stream<Path> leftovers = Files.walk(root)) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "a temporary upload was left behind");
        }
    }

    /** Reads whatever answers are waiting; remembers the ports transfers answered from. */
    private static void drain(DatagramSocket s, List<byte[]> answers, List<InetSocketAddress> tids, InetSocketAddress serverPort)
            throws IOException {
        s.setSoTimeout(5);
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        for (int i = 0; i < 1000; i++) {
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return;
            }
            answers.add(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
            if (!from.equals(serverPort) && !tids.contains(from) && tids.size() < 50) {
                tids.add(from);
            }
        }
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                state.put(dir.relativize(p).toString(), Files.isRegularFile(p)
                        ? Files.readString(p) + "@" + Files.getLastModifiedTime(p).toMillis() : "dir");
            }
        }
        return state;
    }
}
