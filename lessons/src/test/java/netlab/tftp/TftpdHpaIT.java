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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client against tftpd-hpa, Debian's default TFTP server. */
class TftpdHpaIT {

    @TempDir
    static Path served;
    @TempDir
    static Path local;
    static Peers.Daemon server;
    static Path uploads;

    @BeforeAll
    static void start() throws Exception {
        Peers.openUp(served, false);
        uploads = Peers.openUp(Files.createDirectory(served.resolve("up")), true);
        for (long size : new long[] {0, 511, 512, 513, 3_000_000}) {
            Peers.randomFile(served, "f" + size, size, size);
        }
        Peers.randomFile(served, "f40m", 40L << 20, 40);   // 81,920 blocks of 512: block numbers roll over
        Files.writeString(served.resolve("text.txt"), "one\ntwo\r\nthree\rfour\n");
        Files.setPosixFilePermissions(served.resolve("text.txt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        server = Peers.tftpdHpa(served, "-c", "-T", "100000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private TftpClient client() {
        return Tftp.client("127.0.0.1", server.port).timeout(Duration.ofMillis(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f0", "f511", "f512", "f513", "f3000000"})
    void getArrivesByteIdentical(String name) throws Exception {
        Path out = local.resolve(name + ".get");
        TransferSummary s = client().get(name, out);
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(out));
        assertEquals(Files.size(out), s.bytes());
        assertEquals(s.bytes() / 512 + 1, s.blocks(), "a file of n*512 bytes ends with an empty block");
    }

    @Test
    void blockNumbersRollOverPast65535() throws Exception {
        Path out = local.resolve("f40m.get");
        TransferSummary s = client().get("f40m", out);
        assertEquals(Peers.sha256(served.resolve("f40m")), Peers.sha256(out));
        assertEquals(81_921, s.blocks());
    }

    @Test
    void negotiatesBlockSizeAndFallsBackWhenWindowSizeIsIgnored() throws Exception {
        Path out = local.resolve("f3000000.big");
        PacketTrace trace = new PacketTrace();
        TransferSummary s = client().blockSize(1428).windowSize(16).trace(trace).get("f3000000", out);
        assertEquals(Peers.sha256(served.resolve("f3000000")), Peers.sha256(out));
        // tftpd-hpa 5.2 has no windowsize (RFC 7440) in its option table: its OACK grants the rest and leaves it out
        TftpPacket.OptionAck oack = (TftpPacket.OptionAck) trace.events().get(1).packet().orElseThrow();
        assertEquals(java.util.Set.of("blksize", "utimeout", "tsize"), oack.options().keySet(), oack.toString());
        assertEquals(1428, s.options().blockSize());
        assertEquals(1, s.options().windowSize(), "tftpd-hpa does not know windowsize, so it stays lockstep");
        assertEquals(3_000_000, s.options().transferSize().getAsLong());
    }

    @Test
    void withoutOptionsTheServerSendsDataAtOnce() throws Exception {
        PacketTrace trace = new PacketTrace();
        TransferSummary s = Tftp.client("127.0.0.1", server.port).askSize(false).trace(trace).get("f513", local.resolve("f513.plain"));
        assertFalse(s.options().negotiated());
        assertEquals(Opcode.DATA, trace.events().get(1).packet().orElseThrow().opcode());
    }

    @Test
    void netasciiTranslatesLineEndsBothWays() throws Exception {
        byte[] text = "one\ntwo\r\nthree\rfour\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(text, client().mode(Mode.NETASCII).getBytes("text.txt"));
        client().mode(Mode.NETASCII).put(text, "up/text-put.txt");
        assertArrayEquals(text, Files.readAllBytes(uploads.resolve("text-put.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f0", "f512", "f3000000"})
    void putArrivesByteIdentical(String name) throws Exception {
        TransferSummary s = client().blockSize(1428).put(served.resolve(name), "up/" + name);
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(uploads.resolve(name)));
        assertEquals(Files.size(served.resolve(name)), s.bytes());
    }

    @Test
    void missingFileIsError1() {
        var e = assertThrows(PeerErrorException.class, () -> client().getBytes("no-such-file"));
        assertEquals(ErrorCode.FILE_NOT_FOUND, e.errorCode());
    }

    @Test
    void aFileOthersMayNotReadIsRefused() throws Exception {
        Path secret = Peers.randomFile(served, "secret", 10, 1);
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        var e = assertThrows(PeerErrorException.class, () -> client().getBytes("secret"));
        // tftpd-hpa reports errno failures as code 0 with strerror's text; it never climbs out of its root
        assertEquals("Permission denied", e.peerMessage());
    }

    @Test
    void anUnknownModeIsError4() throws Exception {
        byte[] request = "\0\1f513\0bogus\0".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(3000);
            s.send(new DatagramPacket(request, request.length, new InetSocketAddress("127.0.0.1", server.port)));
            DatagramPacket in = new DatagramPacket(new byte[1024], 1024);
            s.receive(in);
            TftpPacket answer = TftpPacket.decode(in.getData(), 0, in.getLength());
            assertTrue(answer instanceof TftpPacket.ErrorPacket e && e.errorCode() == ErrorCode.ILLEGAL_OPERATION,
                    "expected ERROR 4 but got " + answer);
        }
    }

    @Test
    void aStrangerAtOurClientsPortGetsError5AndTheTransferGoesOn() throws Exception {
        TftpPacket strangerGot;
        try (DatagramSocket stranger = new DatagramSocket()) {
            stranger.setSoTimeout(3000);
            AtomicReference<IOException> sendFailed = new AtomicReference<>();
            boolean[] sent = new boolean[1];
            // The stranger's packet is sent from the client's own thread, before it handles its first answer, so
            // it waits in the client's socket while the transfer still runs. (Sent from another thread, it could
            // arrive after a quick transfer had closed the socket, and nobody would answer.)
            PacketListener intrude = event -> {
                if (event.direction() == PacketEvent.Direction.RECEIVED && !sent[0]) {
                    sent[0] = true;
                    byte[] bytes = new TftpPacket.Data(2, new byte[3]).encode();
                    try {
                        stranger.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", event.local().getPort())));
                    } catch (IOException e) {
                        sendFailed.set(e);
                    }
                }
            };
            Path out = local.resolve("f3000000.tid");
            client().trace(intrude).get("f3000000", out);
            assertEquals(Peers.sha256(served.resolve("f3000000")), Peers.sha256(out));
            assertTrue(sent[0] && sendFailed.get() == null, "the stranger could not send: " + sendFailed.get());
            DatagramPacket in = new DatagramPacket(new byte[1024], 1024);
            stranger.receive(in);   // the answer waits in the stranger's socket
            strangerGot = TftpPacket.decode(in.getData(), 0, in.getLength());
        }
        assertTrue(strangerGot instanceof TftpPacket.ErrorPacket e && e.errorCode() == ErrorCode.UNKNOWN_TID,
                "expected ERROR 5 but the stranger got " + strangerGot);
    }

    @Test
    void throughALossyRelayBothDirectionsComplete() throws Exception {
        Path file = Peers.randomFile(served, "lossy", 60_000, 60);
        try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port).drop(0.1).seed(3).start()) {
            TftpClient lossy = Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofMillis(100)).retries(20);
            Path out = local.resolve("lossy.get");
            TransferSummary got = lossy.get("lossy", out);
            assertEquals(Peers.sha256(file), Peers.sha256(out));
            lossy.put(file, "up/lossy");
            assertEquals(Peers.sha256(file), Peers.sha256(uploads.resolve("lossy")));
            assertTrue(relay.stats().dropped() > 0, "the relay dropped nothing: " + relay.stats());
            assertTrue(got.retransmissions() > 0, "expected retransmissions after losses: " + got);
        }
    }

    static TftpPacket exchange(DatagramSocket s, TftpPacket packet, InetSocketAddress to) throws IOException {
        byte[] bytes = packet.encode();
        s.send(new DatagramPacket(bytes, bytes.length, to));
        DatagramPacket in = new DatagramPacket(new byte[1024], 1024);
        s.receive(in);
        return TftpPacket.decode(in.getData(), 0, in.getLength());
    }

    /** D4: a timeout below a whole second is asked as tftp-hpa's utimeout, so tftpd-hpa retransmits as often as we do. */
    @Test
    void aSubSecondTimeoutIsAgreedAsUtimeout() throws Exception {
        PacketTrace trace = new PacketTrace();
        TransferSummary s = Tftp.client("127.0.0.1", server.port).timeout(Duration.ofMillis(100)).trace(trace)
                .get("f513", local.resolve("f513.utimeout"));
        TftpPacket.OptionAck oack = (TftpPacket.OptionAck) trace.events().get(1).packet().orElseThrow();
        assertEquals("100000", oack.options().get("utimeout"), oack.toString());
        assertEquals(Duration.ofMillis(100), s.options().timeout());
    }

    /** D8: giving up on the deadline tells tftpd-hpa with ERROR 0, so it stops retransmitting. */
    @Test
    void givingUpOnTheDeadlineSendsError0() throws Exception {
        PacketTrace trace = new PacketTrace(100_000);
        TransferTimeoutException e = assertThrows(TransferTimeoutException.class, () -> client()
                .deadline(Duration.ofMillis(200)).trace(trace).get("f40m", local.resolve("f40m.deadline")));
        assertTrue(e.getMessage().contains("deadline of 200 ms"), e.getMessage());
        PacketEvent last = trace.events().getLast();
        assertEquals(PacketEvent.Direction.SENT, last.direction(), last.toString());
        TftpPacket.ErrorPacket error = (TftpPacket.ErrorPacket) last.packet().orElseThrow();
        assertEquals(ErrorCode.NOT_DEFINED, error.errorCode());
        assertFalse(Files.exists(local.resolve("f40m.deadline")), "no partial download is left");
    }
}
