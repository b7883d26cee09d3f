package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Our server against Debian's clients: tftp-hpa's tftp (no options) and atftp (with and without options). */
class PeerClientsIT {

    @TempDir
    static Path served;
    @TempDir
    static Path local;
    static TftpServer server;
    static final List<String> log = new CopyOnWriteArrayList<>();
    static final Duration LIMIT = Duration.ofSeconds(60);

    @BeforeAll
    static void start() throws Exception {
        for (long size : new long[] {0, 511, 512, 513, 3_000_000}) {
            Peers.randomFile(served, "f" + size, size, size);
        }
        Peers.randomFile(served, "f40m", 40L << 20, 40);   // 81,920 blocks of 512: block numbers roll over
        Files.writeString(served.resolve("text.txt"), "one\ntwo\nthree\n");
        Files.createDirectory(served.resolve("up"));
        server = Tftp.server(served).writable(true).log(log::add).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String port() {
        return Integer.toString(server.port());
    }

    private static Peers.Run tftpHpa(String... commands) throws Exception {
        Peers.requireExecutable(Peers.TFTP_HPA, "tftp-hpa");
        return Peers.run(LIMIT, "sh", "-c", "cd '" + local + "' && " + Peers.TFTP_HPA + " " + String.join(" ", commands));
    }

    private static Peers.Run atftp(String... args) throws Exception {
        Peers.requireExecutable(Peers.ATFTP, "atftp");
        List<String> command = new java.util.ArrayList<>(List.of(Peers.ATFTP.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("127.0.0.1", port()));
        return Peers.run(LIMIT, command.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f0", "f511", "f512", "f513", "f3000000", "f40m"})
    void tftpHpaGetsByteIdenticalFiles(String name) throws Exception {
        Path out = local.resolve("hpa-" + name);
        Peers.Run run = tftpHpa("-m binary 127.0.0.1", port(), "-c get", name, out.toString());
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(out), run.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f0", "f513", "f3000000"})
    void tftpHpaPutsByteIdenticalFiles(String name) throws Exception {
        Peers.Run run = tftpHpa("-m binary 127.0.0.1", port(), "-c put", served.resolve(name).toString(), "up/hpa-" + name);
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(served.resolve("up/hpa-" + name)), run.output());
    }

    @Test
    void tftpHpaNetasciiGetsLocalLineEnds() throws Exception {
        Path out = local.resolve("hpa-text.txt");
        tftpHpa("-m netascii 127.0.0.1", port(), "-c get text.txt", out.toString());
        assertEquals("one\ntwo\nthree\n", Files.readString(out, StandardCharsets.US_ASCII));
    }

    @Test
    void tftpHpaSeesError1ForAMissingFileAndError2ForAnEscape() throws Exception {
        Peers.Run missing = tftpHpa("-m binary 127.0.0.1", port(), "-c get no-such-file", local.resolve("x").toString());
        assertTrue(missing.output().contains("Error code 1: no file 'no-such-file' on this server"), missing.output());
        Peers.Run escape = tftpHpa("-m binary 127.0.0.1", port(), "-c get ../../etc/passwd", local.resolve("y").toString());
        assertTrue(escape.output().contains("Error code 2: '../../etc/passwd' is outside the served directory"), escape.output());
        assertFalse(Files.exists(local.resolve("y")) && Files.size(local.resolve("y")) > 0);
    }

    @ParameterizedTest
    @CsvSource({"f0,", "f511,", "f512,", "f513,", "f3000000,", "f40m,",
            "f513,blksize 1428", "f3000000,blksize 1428", "f3000000,windowsize 8"})
    void atftpGetsByteIdenticalFiles(String name, String option) throws Exception {
        Path out = local.resolve("atftp-" + name + (option == null ? "" : option.replace(' ', '-')));
        Peers.Run run = option == null
                ? atftp("-g", "-r", name, "-l", out.toString())
                : atftp("--option", option, "-g", "-r", name, "-l", out.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(out), run.output());
        if (option != null) {
            String[] nameValue = option.split(" ");
            // atftp exits once it has sent its last ACK; our server records the transfer when that ACK arrives
            assertTrue(server.awaitIdle(Duration.ofSeconds(5)), "the server's transfers did not end");
            TransferSummary s = server.transfers().reversed().stream().filter(t -> t.filename().equals(name)).findFirst().orElseThrow();
            int agreed = nameValue[0].equals("blksize") ? s.options().blockSize() : s.options().windowSize();
            assertEquals(Integer.parseInt(nameValue[1]), agreed, s.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"f0,", "f513,", "f3000000,blksize 1428"})
    void atftpPutsByteIdenticalFiles(String name, String option) throws Exception {
        String remote = "up/atftp-" + name;
        Peers.Run run = option == null
                ? atftp("-p", "-l", served.resolve(name).toString(), "-r", remote)
                : atftp("--option", option, "-p", "-l", served.resolve(name).toString(), "-r", remote);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(Peers.sha256(served.resolve(name)), Peers.sha256(served.resolve(remote)), run.output());
    }

    @Test
    void atftpSeesError1ForAMissingFileAndError2ForAnEscape() throws Exception {
        Peers.Run missing = atftp("-g", "-r", "no-such-file", "-l", local.resolve("m").toString());
        assertTrue(missing.exitCode() != 0 && missing.output().contains("<no file 'no-such-file' on this server>"), missing.output());
        Peers.Run escape = atftp("-g", "-r", "/etc/passwd", "-l", local.resolve("e").toString());
        assertTrue(escape.exitCode() != 0 && escape.output().contains("absolute names like '/etc/passwd' are refused"), escape.output());
        assertTrue(log.stream().anyMatch(l -> l.contains("\"/etc/passwd\"") && l.contains("error 2 (Access violation)")), log.toString());
    }

    /** D6: an upload of an existing name is refused with error 6; tftp-hpa and atftp both show it. */
    @Test
    void tftpHpaAndAtftpSeeError6WhenTheFileExists() throws Exception {
        Path existing = Files.writeString(served.resolve("up/exists.txt"), "keep me");
        Path mine = Files.writeString(local.resolve("mine.txt"), "new text");
        Peers.Run hpa = tftpHpa("-m binary 127.0.0.1", port(), "-c put", mine.toString(), "up/exists.txt");
        assertTrue(hpa.output().contains("Error code 6: \"up/exists.txt\" exists already"), hpa.output());
        Peers.Run at = atftp("-p", "-l", mine.toString(), "-r", "up/exists.txt");
        assertTrue(at.exitCode() != 0 && at.output().contains("exists already"), at.output());
        assertEquals("keep me", Files.readString(existing));
    }

    /** D6: an upload is rw-r--r--; with overwrite(true) a replaced file keeps its own mode. */
    @Test
    void uploadsAreReadableByAllAndReplacedFilesKeepTheirMode() throws Exception {
        Peers.Run put = tftpHpa("-m binary 127.0.0.1", port(), "-c put", served.resolve("f513").toString(), "up/mode-new");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(served.resolve("up/mode-new"))), put.output());
        Path kept = Files.writeString(served.resolve("up/mode-kept"), "old");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        try (TftpServer replacing = Tftp.server(served).writable(true).overwrite(true).log(log::add).start()) {
            Peers.Run at = Peers.run(LIMIT, Peers.ATFTP.toString(), "-p", "-l", served.resolve("f513").toString(), "-r",
                    "up/mode-kept", "127.0.0.1", Integer.toString(replacing.port()));
            assertEquals(0, at.exitCode(), at.output());
        }
        assertEquals(Peers.sha256(served.resolve("f513")), Peers.sha256(kept));
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    /**
     * Slot exhaustion: a slow-loris client sends 80 read requests from one address and never acknowledges; tftp-hpa
     * and atftp from another address are served at once, and the half-open transfers end within three timeouts.
     */
    @Test
    void aSlowLorisDoesNotKeepRealClientsWaiting() throws Exception {
        List<DatagramSocket> loris = new java.util.ArrayList<>();
        try {
            byte[] rrq = new TftpPacket.ReadRequest("f3000000", Mode.OCTET, java.util.Map.of()).encode();
            for (int i = 0; i < 80; i++) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0));
                loris.add(s);
                s.send(new DatagramPacket(rrq, rrq.length, new InetSocketAddress("127.0.0.1", server.port())));
            }
            long start = System.nanoTime();
            Path out = local.resolve("loris-hpa");
            Peers.Run hpa = tftpHpa("-m binary 127.0.0.1", port(), "-c get f513", out.toString());
            Peers.Run at = atftp("-g", "-r", "f513", "-l", local.resolve("loris-atftp").toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Peers.sha256(served.resolve("f513")), Peers.sha256(out), hpa.output());
            assertEquals(Peers.sha256(served.resolve("f513")), Peers.sha256(local.resolve("loris-atftp")), at.output());
            assertTrue(millis < 900, "two real clients took " + millis + " ms beside a slow loris");
            assertTrue(server.awaitIdle(Duration.ofSeconds(5)), server.activeTransfers() + " half-open transfers still held");
        } finally {
            loris.forEach(DatagramSocket::close);
        }
    }
}
