package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFTP defects of issue 14 (D1, D4, D6, D7, D8, D14) and slot exhaustion, each with the input that broke. */
class Issue14TftpTest {

    @TempDir
    Path root;
    @TempDir
    Path local;
    final List<String> log = new CopyOnWriteArrayList<>();

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** D1: a failed download leaves the local file as it was. */
    @Test
    void aFailedGetKeepsTheLocalFile() throws Exception {
        Path keep = Files.writeString(local.resolve("keep.txt"), "twenty bytes here!!\n");
        try (TftpServer server = Tftp.server(root).log(log::add).start()) {
            PeerErrorException e = assertThrows(PeerErrorException.class,
                    () -> Tftp.client("127.0.0.1", server.port()).get("no_such_file", keep));
            assertEquals(ErrorCode.FILE_NOT_FOUND, e.errorCode());
        }
        assertEquals("twenty bytes here!!\n", Files.readString(keep));
        try (var files = Files.list(local)) {
            assertEquals(List.of(keep), files.toList(), "no partial file left beside it");
        }
    }

    /** D4: the package javadoc's loss example works with a default server. */
    @Test
    void theLossExampleWorksWithADefaultServer() throws Exception {
        byte[] data = random(64 << 10, 4);
        Files.write(root.resolve("big.bin"), data);
        try (TftpServer server = Tftp.server(root).writable(true).log(log::add).start();
             LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(0.1).seed(42).start()) {
            TransferSummary s = Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofMillis(100))
                    .get("big.bin", local.resolve("big.bin"));
            assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
            assertTrue(relay.stats().dropped() > 0, relay.stats().toString());
            assertEquals(Duration.ofMillis(100), s.options().timeout(), s.toString());
        }
    }

    /** D6: an upload never replaces a file unless the server allows it (error 6), and files get usual permissions. */
    @Test
    void overwritingIsRefusedWithError6UnlessAllowed() throws Exception {
        Path existing = Files.writeString(root.resolve("a.txt"), "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        try (TftpServer server = Tftp.server(root).writable(true).log(log::add).start()) {
            TftpClient c = Tftp.client("127.0.0.1", server.port());
            PeerErrorException e = assertThrows(PeerErrorException.class, () -> c.put("new".getBytes(), "a.txt"));
            assertEquals(ErrorCode.FILE_EXISTS, e.errorCode());
            assertTrue(e.getMessage().contains("overwrite(true)"), e.getMessage());
            assertEquals("old", Files.readString(existing));
            c.put("fresh".getBytes(), "b.txt");
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("b.txt"))));
        }
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-r--"));
        try (TftpServer server = Tftp.server(root).writable(true).overwrite(true).log(log::add).start()) {
            Tftp.client("127.0.0.1", server.port()).put("new".getBytes(), "a.txt");
            assertEquals("new", Files.readString(existing));
            assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)),
                    "an overwritten file keeps its permissions");
        }
    }

    /** D7: a name goes into the log escaped and cut. */
    @Test
    void namesInTheLogAreEscapedAndCut() throws Exception {
        try (TftpServer server = Tftp.server(root).log(log::add).start()) {
            TftpClient c = Tftp.client("127.0.0.1", server.port());
            assertThrows(PeerErrorException.class, () -> c.getBytes("evil\nRRQ \"passwd\" with 10.0.0.1:69: 1 bytes"));
            assertThrows(PeerErrorException.class, () -> c.getBytes("x".repeat(64_990)));
        }
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.getFirst().contains("\"evil\\nRRQ \\\"passwd\\\" with"), log.getFirst());
        assertFalse(log.getFirst().contains("\n"), log.getFirst());
        assertTrue(log.get(1).length() < 400, log.get(1).length() + " characters");
        assertTrue(log.get(1).contains("… (64,990 characters)"), log.get(1));
        Lang.use(Lang.ZH);
        try {
            assertTrue(TransferSummary.quoted("x".repeat(1_500)).endsWith("……（一共 1,500 个字符）"),
                    TransferSummary.quoted("x".repeat(1_500)));
        } finally {
            Lang.use(Lang.EN);
        }
    }

    /** D8: a client that gives up on its deadline tells the server with ERROR 0. */
    @Test
    void aClientOnItsDeadlineSendsError0() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            fake.setSoTimeout(5000);
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    DatagramPacket rrq = new DatagramPacket(new byte[600], 600);
                    fake.receive(rrq);
                    byte[] data = new byte[4 + 512];
                    data[1] = 3;
                    data[3] = 1;
                    fake.send(new DatagramPacket(data, data.length, rrq.getSocketAddress()));   // then silence
                } catch (Exception e) {
                    // the test fails on what the client did
                }
            });
            TftpClient c = Tftp.client("127.0.0.1", fake.getLocalPort()).askSize(false).timeout(Duration.ofSeconds(1))
                    .deadline(Duration.ofMillis(300));
            TransferTimeoutException e = assertThrows(TransferTimeoutException.class, () -> c.getBytes("f"));
            assertTrue(e.getMessage().contains("deadline of 300 ms"), e.getMessage());
            server.join();
            DatagramPacket error = new DatagramPacket(new byte[600], 600);
            do {
                fake.receive(error);
            } while (error.getData()[1] == 4);   // skip ACK 1
            TftpPacket p = TftpPacket.decode(java.util.Arrays.copyOf(error.getData(), error.getLength()));
            assertTrue(p instanceof TftpPacket.ErrorPacket ep && ep.errorCode() == ErrorCode.NOT_DEFINED
                    && ep.message().contains("deadline"), p.toString());
        }
    }

    /** D14: the upload cap says "more than", not the bytes that had arrived. */
    @Test
    void theUploadCapSaysMoreThanTheCap() throws Exception {
        try (TftpServer server = Tftp.server(root).writable(true).maxFileSize(100_000).log(log::add).start()) {
            PeerErrorException e = assertThrows(PeerErrorException.class,
                    () -> Tftp.client("127.0.0.1", server.port()).askSize(false).put(new byte[300_000], "big"));
            assertEquals(ErrorCode.DISK_FULL, e.errorCode());
            assertTrue(e.getMessage().endsWith(": the file is more than this server's limit of 100,000 bytes; "
                    + "raise it with maxFileSize(...)"), e.getMessage());
        }
    }

    /** D14: against a server that wraps block numbers to 1, the client says what it received. */
    @Test
    void aServerWrappingToOneIsNamed() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            fake.setSoTimeout(5000);
            Thread server = Thread.ofVirtual().start(() -> sendWrappingToOne(fake));
            TftpClient c = Tftp.client("127.0.0.1", fake.getLocalPort()).blockSize(8).askSize(false)
                    .timeout(Duration.ofMillis(100)).retries(2);
            TransferTimeoutException e = assertThrows(TransferTimeoutException.class, () -> c.getBytes("f"));
            server.join();
            assertTrue(e.getMessage().contains("waiting for DATA block 0"), e.getMessage());
            assertTrue(e.getMessage().contains("received DATA block 1"), e.getMessage());
            assertTrue(e.getMessage().contains("wraps block numbers to 1"), e.getMessage());
            assertFalse(e.getMessage().contains("is the peer running?"), e.getMessage());
        }
    }

    /** A lockstep sender with blksize 8 whose block after 65,535 is numbered 1 (not 0), sent until the client stops. */
    private static void sendWrappingToOne(DatagramSocket fake) {
        try {
            DatagramPacket in = new DatagramPacket(new byte[600], 600);
            fake.receive(in);
            InetSocketAddress client = (InetSocketAddress) in.getSocketAddress();
            byte[] oack = new TftpPacket.OptionAck(Map.of("blksize", "8")).encode();
            fake.send(new DatagramPacket(oack, oack.length, client));
            fake.receive(in);   // ACK 0
            fake.setSoTimeout(150);
            byte[] data = new byte[4 + 8];
            data[1] = 3;
            for (int block = 1; block <= 65_536; block++) {
                int wire = block == 65_536 ? 1 : block;
                data[2] = (byte) (wire >> 8);
                data[3] = (byte) wire;
                for (int tries = 0; ; tries++) {
                    fake.send(new DatagramPacket(data, data.length, client));
                    try {
                        fake.receive(in);
                    } catch (java.net.SocketTimeoutException e) {
                        if (tries == 10) {
                            return;
                        }
                        continue;
                    }
                    if (in.getData()[1] == 5) {
                        return;   // the client gave up with ERROR
                    }
                    if (block < 65_536 && (in.getData()[2] & 255) == (wire >> 8) && (in.getData()[3] & 255) == (wire & 255)) {
                        break;
                    }
                }
            }
        } catch (Exception e) {
            // the test fails on what the client said
        }
    }

    /** D14: IPv6 peers print with brackets. */
    @Test
    void ipv6PeersPrintWithBrackets() throws Exception {
        Files.writeString(root.resolve("a.txt"), "hi");
        try (TftpServer server = Tftp.server(root).bind("::1").log(log::add).start()) {
            TftpClient c = Tftp.client("::1", server.port());
            assertTrue(c.toString().contains("[::1]:" + server.port()), c.toString());
            assertTrue(server.toString().contains("[::1]:" + server.port()), server.toString());
            TransferSummary s = c.get("a.txt", local.resolve("a.txt"));
            assertTrue(s.peer().equals("[::1]:" + server.port()), s.toString());
            assertTrue(server.awaitIdle(Duration.ofSeconds(5)));
            assertTrue(log.getFirst().contains("with [::1]:"), log.getFirst());
        }
    }

    /**
     * Slow loris: 80 requests never acknowledged, from one address, must not keep a new client waiting; the half-open
     * transfers end soon and the surplus is refused at once.
     */
    @Test
    void aSlowLorisDoesNotFillTheServer() throws Exception {
        Files.writeString(root.resolve("a.txt"), "hello");
        try (TftpServer server = Tftp.server(root).log(log::add).start()) {
            List<DatagramSocket> loris = new ArrayList<>();
            try {
                byte[] rrq = new TftpPacket.ReadRequest("a.txt", Mode.OCTET, Map.of()).encode();
                for (int i = 0; i < 80; i++) {
                    DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0));
                    loris.add(s);
                    s.send(new DatagramPacket(rrq, rrq.length, InetAddress.getLoopbackAddress(), server.port()));
                }
                Thread.sleep(200);   // the requests have arrived
                int refused = 0;
                for (DatagramSocket s : loris) {
                    s.setSoTimeout(50);
                    DatagramPacket p = new DatagramPacket(new byte[600], 600);
                    try {
                        s.receive(p);
                        if (p.getData()[1] == 5) {
                            refused++;
                        }
                    } catch (java.net.SocketTimeoutException e) {
                        // an accepted request: DATA may be late
                    }
                }
                assertEquals(80 - TftpServer.Builder.DEFAULT_MAX_TRANSFERS_PER_CLIENT, refused, "refused at once with ERROR");
                long start = System.nanoTime();
                byte[] got = Tftp.client("127.0.0.1", server.port()).getBytes("a.txt");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals("hello", new String(got));
                assertTrue(millis < 500, "a new client waited " + millis + " ms");
                long openUntil = System.nanoTime();
                assertTrue(server.awaitIdle(Duration.ofSeconds(5)), server.activeTransfers() + " half-open transfers still held");
                long heldMillis = (System.nanoTime() - openUntil) / 1_000_000;
                assertTrue(heldMillis < 3500, "half-open transfers held their slots " + heldMillis + " ms more (6 s before)");
            } finally {
                loris.forEach(DatagramSocket::close);
            }
        }
    }
}
