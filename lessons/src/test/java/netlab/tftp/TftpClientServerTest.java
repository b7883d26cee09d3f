package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.text.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client against our server, in one JVM over loopback. */
class TftpClientServerTest {

    @TempDir
    Path root;
    @TempDir
    Path local;
    TftpServer server;
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = Tftp.server(root).writable(true).maxFileSize(1 << 20).timeout(Duration.ofMillis(200)).log(log::add).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TftpClient client() {
        return Tftp.client("127.0.0.1", server.port()).timeout(Duration.ofMillis(200));
    }

    /** The server logs a transfer just after its last packet; wait (boundedly) for the line starting with {@code prefix}. */
    private String awaitLog(String prefix) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (String line : log) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line starts with " + prefix + ": " + log);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @CsvSource({"0,512,1", "511,512,1", "512,512,1", "513,512,1", "100000,512,1", "100000,1428,1",
            "100000,1428,16", "100000,8,64", "65536,1024,4", "999,8,3"})
    void getAndPutArriveByteIdentical(int size, int blockSize, int windowSize) throws Exception {
        byte[] data = random(size, size);
        Files.write(root.resolve("f"), data);
        TftpClient c = client().blockSize(blockSize).windowSize(windowSize);
        TransferSummary got = c.get("f", local.resolve("f"));
        assertArrayEquals(data, Files.readAllBytes(local.resolve("f")));
        assertEquals(size / blockSize + 1, got.blocks());
        assertEquals(new TransferOptions(blockSize, windowSize, Duration.ofMillis(200), java.util.OptionalLong.of(size), true), got.options());
        c.put(local.resolve("f"), "g");
        assertArrayEquals(data, Files.readAllBytes(root.resolve("g")));
        assertTrue(awaitLog("WRQ \"g\" with 127.0.0.1:").endsWith("options: " + got.options()));
        assertTrue(server.awaitIdle(Duration.ofSeconds(5)), "the server's transfers did not end");
        assertEquals(2, server.transfers().size());
    }

    @Test
    void blockNumbersRollOverToZero() throws Exception {
        byte[] data = random(65_536 * 8 + 5, 8);   // 65,537 blocks of 8 bytes: block 65,536 travels as 0
        Files.write(root.resolve("f"), data);
        PacketTrace trace = new PacketTrace(1).rows(1);
        TftpClient c = client().blockSize(8).windowSize(32);
        assertEquals(65_537, c.get("f", local.resolve("f")).blocks());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("f")));
        c.trace(trace).put(local.resolve("f"), "g");
        assertArrayEquals(data, Files.readAllBytes(root.resolve("g")));
    }

    @Test
    void netasciiTranslatesLineEnds() throws Exception {
        byte[] text = "a\nb\r\nc\r".getBytes(StandardCharsets.US_ASCII);
        Files.write(root.resolve("t.txt"), text);
        PacketTrace trace = new PacketTrace();
        assertArrayEquals(text, client().mode(Mode.NETASCII).trace(trace).getBytes("t.txt"));
        TftpPacket.Data data = (TftpPacket.Data) trace.events().stream().map(e -> e.packet().orElseThrow())
                .filter(p -> p instanceof TftpPacket.Data).findFirst().orElseThrow();
        assertArrayEquals("a\r\nb\r\0\r\nc\r\0".getBytes(StandardCharsets.US_ASCII), data.data());
        client().mode(Mode.NETASCII).put(text, "u.txt");
        assertArrayEquals(text, Files.readAllBytes(root.resolve("u.txt")));
    }

    @Test
    void aMissingFileIsError1() throws Exception {
        var e = assertThrows(PeerErrorException.class, () -> client().getBytes("nope"));
        assertEquals(ErrorCode.FILE_NOT_FOUND, e.errorCode());
        assertEquals("no file 'nope' on this server", e.peerMessage());
        assertTrue(awaitLog("RRQ \"nope\" with 127.0.0.1:").endsWith("failed after 0 bytes: error 1 (File not found): no file 'nope' on this server"));
    }

    /**
     * A zh student reads why a request or a packet was refused in Chinese (the server's log, the exception), while
     * the ERROR packet carries the same reason in English: any peer reads it, and RFC 1350 sends it as netascii.
     */
    @Test
    void aRefusalReadsInTheStudentsLanguageAndTravelsInEnglish() throws Exception {
        Lang.use(Lang.ZH);
        try {
            var e = assertThrows(PeerErrorException.class, () -> client().getBytes("nope"));
            assertEquals("no file 'nope' on this server", e.peerMessage());
            assertEquals("对方发来 ERROR 1（文件未找到）：no file 'nope' on this server", e.getMessage());
            String line = awaitLog("RRQ \"nope\"");
            assertTrue(line.endsWith("错误 1（文件未找到）：这个服务器上没有文件 'nope'"), line);
            try (DatagramSocket s = new DatagramSocket()) {
                s.setSoTimeout(2000);
                byte[] opcode9 = {0, 9, 'x', 0};
                s.send(new DatagramPacket(opcode9, opcode9.length, new InetSocketAddress("127.0.0.1", server.port())));
                DatagramPacket in = new DatagramPacket(new byte[1024], 1024);
                s.receive(in);
                String english = "expected an opcode 1-6 (RRQ, WRQ, DATA, ACK, ERROR, OACK) but was 9";
                TftpPacket answer = TftpPacket.decode(in.getData(), 0, in.getLength());
                assertEquals(new TftpPacket.ErrorPacket(4, english), answer);
            }
            var bad = assertThrows(MalformedPacketException.class, () -> TftpPacket.decode(new byte[] {0, 1, 'f'}));
            assertEquals("RRQ：文件名没有以零字节结尾", bad.getMessage());
            assertEquals("RRQ: filename is not terminated by a zero byte", bad.wireText());
            byte[] mailMode = {0, 2, 'f', 0, 'm', 'a', 'i', 'l', 0};
            PacketEvent event = new PacketEvent(java.time.Instant.now(), "client", PacketEvent.Direction.RECEIVED,
                    new InetSocketAddress(1), new InetSocketAddress(2), mailMode);
            assertEquals("格式错误：WRQ：模式“mail”已经废弃（RFC 1350），这里不支持；请用 octet 或 netascii", event.summary());
        } finally {
            Lang.use(Lang.EN); // the language the other tests of this JVM expect
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "a/../../outside", "/etc/passwd", "link-out", "dir-link/outside"})
    void namesThatLeadOutsideTheRootAreError2(String name) throws Exception {
        Path outside = Files.createTempDirectory("tftp-outside");
        try {
            Files.writeString(outside.resolve("outside"), "secret");
            Files.createSymbolicLink(root.resolve("link-out"), outside.resolve("outside"));
            Files.createSymbolicLink(root.resolve("dir-link"), outside);
            var read = assertThrows(PeerErrorException.class, () -> client().getBytes(name));
            assertEquals(ErrorCode.ACCESS_VIOLATION, read.errorCode(), read.getMessage());
            var write = assertThrows(PeerErrorException.class, () -> client().put("x".getBytes(), name));
            assertEquals(ErrorCode.ACCESS_VIOLATION, write.errorCode(), write.getMessage());
            assertEquals("secret", Files.readString(outside.resolve("outside")));
        } finally {
            Files.deleteIfExists(outside.resolve("outside"));
            Files.deleteIfExists(outside);
        }
    }

    /** What a cell shows for a server, in the student's words, before and after it is closed (it threw then). */
    @Test
    void aServerSaysWhereWhatAndWhetherClosed() throws Exception {
        String where = "TFTP server 127.0.0.1:" + server.port() + ", serving " + server.root() + ", writable";
        assertEquals(where, server.toString());
        int port = server.port();
        server.close();
        assertEquals(port, server.port());
        assertEquals(where + " (closed)", server.toString());
        LossyRelay relay = Tftp.relay("127.0.0.1", port).start();
        int relayPort = relay.port();
        relay.close();
        assertEquals(relayPort, relay.port());
    }

    @Test
    void aReadOnlyServerRefusesUploadsWithError2() throws Exception {
        try (TftpServer readOnly = Tftp.server(root).log(line -> { }).start()) {
            var e = assertThrows(PeerErrorException.class,
                    () -> Tftp.client("127.0.0.1", readOnly.port()).put("x".getBytes(), "x"));
            assertEquals(ErrorCode.ACCESS_VIOLATION, e.errorCode());
            assertFalse(Files.exists(root.resolve("x")));
        }
    }

    @Test
    void uploadsOverTheCapAreError3AndLeaveNothingBehind() throws Exception {
        byte[] big = random((1 << 20) + 1, 3);
        var announced = assertThrows(PeerErrorException.class, () -> client().put(big, "big"));
        assertEquals(ErrorCode.DISK_FULL, announced.errorCode(), "tsize announces the size up front");
        var counted = assertThrows(PeerErrorException.class, () -> client().askSize(false).put(big, "big"));
        assertEquals(ErrorCode.DISK_FULL, counted.errorCode(), "without tsize the server counts");
        try (var files = Files.list(root)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aNonRequestOnTheServerPortIsError4() throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(2000);
            TftpPacket answer = TftpdHpaIT.exchange(s, new TftpPacket.Data(1, new byte[3]), new InetSocketAddress("127.0.0.1", server.port()));
            assertEquals(new TftpPacket.ErrorPacket(4, "expected RRQ or WRQ on port " + server.port()
                    + " but got DATA; a transfer's packets go to its own port"), answer);
        }
    }

    @Test
    void aStrangerAtTheServersTidGetsError5AndTheTransferGoesOn() throws Exception {
        byte[] data = random(300_000, 5);
        Files.write(root.resolve("f"), data);
        List<TftpPacket> strangerGot = new ArrayList<>();
        try (DatagramSocket stranger = new DatagramSocket()) {
            stranger.setSoTimeout(2000);
            PacketListener intrude = event -> {
                if (event.direction() == PacketEvent.Direction.RECEIVED && strangerGot.isEmpty()) {
                    try {
                        strangerGot.add(TftpdHpaIT.exchange(stranger, new TftpPacket.Ack(1), event.remote()));
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            };
            client().trace(intrude).get("f", local.resolve("f"));
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("f")));
        assertTrue(strangerGot.getFirst() instanceof TftpPacket.ErrorPacket e && e.errorCode() == ErrorCode.UNKNOWN_TID,
                String.valueOf(strangerGot));
    }

    @Test
    void aSilentServerTimesOutAfterItsRetries() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0)) {
            var e = assertThrows(TransferTimeoutException.class, () -> Tftp.client("127.0.0.1", silent.getLocalPort())
                    .timeout(Duration.ofMillis(50)).retries(2).getBytes("f"));
            assertTrue(e.getMessage().contains("after 3 tries of 50 ms each"), e.getMessage());
            var d = assertThrows(TransferTimeoutException.class, () -> Tftp.client("127.0.0.1", silent.getLocalPort())
                    .timeout(Duration.ofMillis(50)).retries(1000).deadline(Duration.ofMillis(300)).getBytes("f"));
            assertTrue(d.getMessage().startsWith("the transfer deadline of 300 ms passed"), d.getMessage());
        }
    }

    @Test
    void interruptingACallerOnAVirtualThreadEndsTheTransfer() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0)) {
            List<Throwable> thrown = new CopyOnWriteArrayList<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    Tftp.client("127.0.0.1", silent.getLocalPort()).retries(1000).getBytes("f");   // would wait 1000 s
                } catch (Throwable e) {
                    thrown.add(e);
                }
            });
            Thread.sleep(200);
            caller.interrupt();
            caller.join(Duration.ofSeconds(10));
            assertFalse(caller.isAlive(), "the interrupted caller is still waiting");
            assertTrue(thrown.getFirst() instanceof java.io.InterruptedIOException, String.valueOf(thrown));
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("tftp-client")),
                    "the transfer's thread outlived the interrupt");
        }
    }

    @Test
    void transfersRunConcurrently() throws Exception {
        byte[] data = random(200_000, 9);
        Files.write(root.resolve("f"), data);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> client().blockSize(1024).getBytes("f")));
            }
            for (Future<byte[]> r : results) {
                assertArrayEquals(data, r.get());
            }
        }
        // each client is done when it sent its last ACK; the server records the transfer when that ACK arrives
        assertTrue(server.awaitIdle(Duration.ofSeconds(5)), "the server's transfers did not end");
        assertEquals(8, server.transfers().size());
    }

    @Test
    void theServerChoosesWithinItsLimits() throws Exception {
        Files.write(root.resolve("f"), random(5000, 1));
        try (TftpServer limited = Tftp.server(root).maxBlockSize(1024).maxWindowSize(1).log(line -> { }).start()) {
            TransferSummary s = Tftp.client("127.0.0.1", limited.port()).blockSize(8192).windowSize(8).get("f", local.resolve("f"));
            assertEquals(1024, s.options().blockSize());
            assertEquals(1, s.options().windowSize());
        }
        try (TftpServer patient = Tftp.server(root).maxTimeout(Duration.ofSeconds(2)).log(line -> { }).start()) {
            for (int seconds : new int[] {1, 3}) {
                PacketTrace trace = new PacketTrace();
                Tftp.client("127.0.0.1", patient.port()).timeout(Duration.ofSeconds(seconds)).trace(trace).getBytes("f");
                TftpPacket.OptionAck oack = (TftpPacket.OptionAck) trace.events().get(1).packet().orElseThrow();
                assertEquals(seconds <= 2, oack.options().containsKey("timeout"), oack.toString());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,0.1,0,0,0", "1,0.1,0.05,0.05,0", "8,0.1,0.05,0.05,1"})
    void transfersSurviveALossyRelayInBothDirections(int windowSize, double drop, double duplicate, double reorder, int delayMillis)
            throws Exception {
        byte[] data = random(100_000, 11);
        Files.write(root.resolve("f"), data);
        server.close();   // a server with the client's quick timeout, so losses cost little time
        server = Tftp.server(root).writable(true).timeout(Duration.ofMillis(50)).retries(30).log(log::add).start();
        try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(drop).duplicate(duplicate)
                .reorder(reorder, Duration.ofMillis(3)).delay(Duration.ofMillis(delayMillis)).seed(42).start()) {
            TftpClient c = Tftp.client("127.0.0.1", relay.port()).blockSize(1024).windowSize(windowSize)
                    .timeout(Duration.ofMillis(50)).retries(30);
            TransferSummary got = c.get("f", local.resolve("f"));
            assertArrayEquals(data, Files.readAllBytes(local.resolve("f")));
            c.put(local.resolve("f"), "g");
            assertArrayEquals(data, Files.readAllBytes(root.resolve("g")));
            assertTrue(relay.stats().dropped() > 0 && got.retransmissions() > 0, relay.stats() + "; " + got);
        }
    }

    @Test
    void duplicateAcksNeverMakeTheSenderRepeatData() throws Exception {
        byte[] data = random(100 * 512 + 7, 13);
        Files.write(root.resolve("f"), data);
        // every packet arrives twice: the sorcerer's apprentice bug would double the DATA packets each round
        try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).duplicate(1.0).start()) {
            PacketTrace trace = new PacketTrace();
            TransferSummary put = Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofSeconds(2)).trace(trace).put(data, "g");
            long dataSent = trace.events().stream().filter(e -> e.direction() == PacketEvent.Direction.SENT)
                    .filter(e -> e.packet().orElseThrow() instanceof TftpPacket.Data).count();
            assertEquals(101, dataSent);
            assertEquals(0, put.retransmissions());
            assertArrayEquals(data, Files.readAllBytes(root.resolve("g")));
            assertArrayEquals(data, Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofSeconds(2)).getBytes("f"));
            // (each request arrived twice, so the server also started a second transfer, which our client refused with error 5)
            assertTrue(server.awaitIdle(Duration.ofSeconds(5)), "the server's transfers did not end");
            TransferSummary served = server.transfers().stream().filter(t -> t.kind().equals("RRQ")).findFirst().orElseThrow();
            assertEquals(0, served.retransmissions(), "the server sent DATA again: " + served);
        }
    }

    @Test
    void theProgressListenerHearsTheWholeTransfer() throws Exception {
        Files.write(root.resolve("f"), random(50_000, 2));
        List<long[]> heard = new CopyOnWriteArrayList<>();
        boolean[] done = new boolean[1];
        client().progress(new ProgressListener() {
            public void onProgress(long bytes, long total) {
                heard.add(new long[] {bytes, total});
            }

            public void onDone(long bytes, long total, boolean succeeded) {
                done[0] = succeeded && bytes == 50_000 && total == 50_000;
            }
        }).getBytes("f");
        assertEquals(50_000, heard.getFirst()[1]);
        assertTrue(done[0]);
    }
}
