package netlab.tftp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Test support: the Debian TFTP peers (started and killed by PID), random files, checksums. */
final class Peers {

    static final Path TFTPD_HPA = Path.of("/usr/sbin/in.tftpd");
    static final Path TFTP_HPA = Path.of("/usr/bin/tftp");
    static final Path ATFTP = Path.of("/usr/bin/atftp");

    private Peers() {
    }

    /** A port that was free a moment ago: bind port 0, note the port, close. */
    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            return new String(p.getInputStream().readAllBytes()).trim().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    /** A file of {@code size} random bytes from a fixed seed, readable by everyone (the daemons run as nobody). */
    static Path randomFile(Path dir, String name, long size, long seed) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 16];
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    /** Makes {@code dir} usable by the daemons' user: everyone may enter and read, and with {@code writable} write. */
    static Path openUp(Path dir, boolean writable) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(writable ? "rwxrwxrwx" : "rwxr-xr-x"));
        return dir;
    }

    /**
     * Waits (at most 5 s) until a peer server has written {@code expected} bytes to {@code file}: a server
     * may send the last ACK of a write before it has closed the file, so the client can finish first.
     */
    static void awaitSize(Path file, long expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && (!java.nio.file.Files.exists(file) || java.nio.file.Files.size(file) != expected)) {
            Thread.sleep(20);
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void requireExecutable(Path binary, String pkg) {
        assumeTrue(Files.isExecutable(binary), binary + " is missing: install Debian's " + pkg + " (.ci/run does)");
    }

    /** The result of running a peer client to completion. */
    record Run(int exitCode, String output) {
    }

    /** Runs a command (a peer client) with a time limit; its output is stdout and stderr together. */
    static Run run(Duration limit, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
            }
            return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes()));
        } finally {
            p.destroyForcibly();   // this process only, by its handle
        }
    }

    /** A daemon started by a test: killed by its PID on close. */
    static final class Daemon implements AutoCloseable {
        final Process process;
        final int port;

        Daemon(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        /** Waits until the daemon answers a request (any ERROR counts), so tests do not race its start. */
        Daemon awaitReady() throws Exception {
            TftpClient probe = Tftp.client("127.0.0.1", port).timeout(Duration.ofMillis(100)).retries(0).askSize(false);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new AssertionError("the daemon exited with " + process.exitValue() + ": "
                            + new String(process.getInputStream().readAllBytes()));
                }
                try {
                    probe.getBytes("netlab-readiness-probe-" + System.nanoTime());
                } catch (PeerErrorException e) {
                    return this;
                } catch (TransferTimeoutException e) {
                    // not listening yet
                }
            }
            throw new AssertionError("the daemon did not answer on port " + port + " within 10 s");
        }

        @Override
        public void close() {
            process.destroy();   // SIGTERM to this PID
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** tftpd-hpa on 127.0.0.1 serving {@code dir}; it must start as root and drops to nobody per transfer. */
    static Daemon tftpdHpa(Path dir, String... extra) throws Exception {
        requireExecutable(TFTPD_HPA, "tftpd-hpa");
        assumeTrue(isRoot(), "in.tftpd must start as root (it changes to user nobody); run the tests as root");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(TFTPD_HPA.toString(), "-L", "-a", "127.0.0.1:" + port, "-s", "-u", "nobody"));
        command.addAll(List.of(extra));
        command.add(dir.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Daemon(p, port).awaitReady();
    }

    /** atftpd on 127.0.0.1 serving {@code dir}; the binary comes from Debian's .deb, fetched once into target/. */
    static Daemon atftpd(Path dir) throws Exception {
        assumeTrue(isRoot(), "atftpd must start as root (it changes to user nobody); run the tests as root");
        Path binary = atftpdBinary();
        int port = freePort();
        Process p = new ProcessBuilder(binary.toString(), "--daemon", "--no-fork", "--port", Integer.toString(port),
                "--bind-address", "127.0.0.1", "--user", "nobody", "--group", "nogroup", "--logfile", "-",
                "--verbose=1", dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Daemon(p, port).awaitReady();
    }

    /**
     * atftpd conflicts with tftpd-hpa as a Debian package, so it is not installed: take it from its .deb
     * ({@code apt-get download atftpd}, {@code dpkg-deb -x}) and keep it under target/ for later runs.
     */
    static synchronized Path atftpdBinary() throws Exception {
        Path installed = Path.of("/usr/sbin/atftpd");
        if (Files.isExecutable(installed)) {
            return installed;
        }
        Path cache = Path.of("target", "atftpd").toAbsolutePath();
        Path binary = cache.resolve("root/usr/sbin/atftpd");
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(cache);
            Run download = run(Duration.ofSeconds(60), "sh", "-c", "cd '" + cache + "' && apt-get download atftpd");
            assumeTrue(download.exitCode() == 0, "cannot fetch atftpd with apt-get download: " + download.output());
            try (var debs = Files.list(cache)) {
                Path deb = debs.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
                Run extract = run(Duration.ofSeconds(30), "dpkg-deb", "-x", deb.toString(), cache.resolve("root").toString());
                assumeTrue(extract.exitCode() == 0, "cannot unpack " + deb + ": " + extract.output());
            }
        }
        assumeTrue(Files.isExecutable(binary), "atftpd not found in its .deb at " + binary);
        return binary;
    }
}
