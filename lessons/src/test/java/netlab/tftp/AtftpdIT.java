package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client against atftpd, which unlike tftpd-hpa also speaks windowsize (RFC 7440). */
class AtftpdIT {

    @TempDir
    static Path served;
    @TempDir
    static Path local;
    static Peers.Daemon server;

    @BeforeAll
    static void start() throws Exception {
        Peers.openUp(served, true);   // atftpd runs as nobody and stores uploads in its root
        for (long size : new long[] {0, 511, 512, 513, 3_000_000}) {
            Peers.randomFile(served, "f" + size, size, size);
        }
        Peers.randomFile(served, "f40m", 40L << 20, 40);
        server = Peers.atftpd(served);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private TftpClient client() {
        return Tftp.client("127.0.0.1", server.port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f0", "f511", "f512", "f513", "f3000000"})
    void getArrivesByteIdentical(String name) throws Exception {
        Path out = local.resolve(name);
        TransferSummary s = client().get(name, out);
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(out));
        assertEquals(Files.size(out), s.bytes());
    }

    @Test
    void blockNumbersRollOverPast65535() throws Exception {
        Path out = local.resolve("f40m");
        assertEquals(81_921, client().get("f40m", out).blocks());
        assertEquals(Peers.sha256(served.resolve("f40m")), Peers.sha256(out));
    }

    @Test
    void negotiatesBlockSizeAndWindowSize() throws Exception {
        Path out = local.resolve("f3000000.window");
        TransferSummary s = client().blockSize(1428).windowSize(16).get("f3000000", out);
        assertEquals(Peers.sha256(served.resolve("f3000000")), Peers.sha256(out));
        assertEquals(1428, s.options().blockSize());
        assertEquals(16, s.options().windowSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f0", "f513", "f3000000"})
    void putArrivesByteIdentical(String name) throws Exception {
        Path source = local.resolve("src-" + name);
        Files.copy(served.resolve(name), source);
        client().blockSize(1428).put(source, "put-" + name);
        Peers.awaitSize(served.resolve("put-" + name), Files.size(source));
        assertEquals(Peers.sha256(source), Peers.sha256(served.resolve("put-" + name)));
    }

    @Test
    void aMissingFileIsError1() {
        var e = assertThrows(PeerErrorException.class, () -> client().getBytes("no-such-file"));
        assertEquals(ErrorCode.FILE_NOT_FOUND, e.errorCode());
    }

    @Test
    void throughALossyRelayBothDirectionsComplete() throws Exception {
        Path file = Peers.randomFile(served, "lossy", 20_000, 61);   // atftpd waits at least 1 s per loss
        try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port).drop(0.1).seed(5).start()) {
            // atftpd retransmits after the timeout we ask for, in whole seconds: ask 1 s and allow many tries
            TftpClient lossy = Tftp.client("127.0.0.1", relay.port()).blockSize(1428).timeout(Duration.ofSeconds(1)).retries(20);
            Path out = local.resolve("lossy");
            TransferSummary got = lossy.get("lossy", out);
            assertEquals(Peers.sha256(file), Peers.sha256(out));
            Path source = local.resolve("lossy-up");
            Files.copy(file, source);
            lossy.put(source, "lossy-up");
            Peers.awaitSize(served.resolve("lossy-up"), Files.size(source));
            assertEquals(Peers.sha256(file), Peers.sha256(served.resolve("lossy-up")));
            assertTrue(relay.stats().dropped() > 0, relay.stats().toString());
            assertTrue(got.retransmissions() + relay.stats().dropped() > 0, got.toString());
        }
    }
}
