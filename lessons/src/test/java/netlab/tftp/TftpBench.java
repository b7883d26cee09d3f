package netlab.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Download speed on loopback: our client against tftp-hpa's and atftp's, all from the same tftpd-hpa
 * server; then our client with windowsize against servers that speak it (atftpd, ours). Medians of a few
 * interleaved runs, printed as a table with ratios to tftp-hpa's lockstep 512-byte client. "netlab, pthreads" is
 * our server with {@code virtualThreads(false)}.
 *
 * <p>Run as root (tftpd-hpa changes to user nobody), from the repository root:
 * <pre>
 * ./mvnw -B -q -pl lessons test-compile
 * java -cp lessons/target/classes:lessons/target/test-classes netlab.tftp.TftpBench [runs]
 * </pre>
 * atftpd is used when {@code /usr/sbin/atftpd} or the copy the tests unpack into
 * {@code lessons/target/atftpd} exists.
 */
public final class TftpBench {

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "netlab-tftp-bench");

    private record Contender(String name, String server, Download download) {
    }

    @FunctionalInterface
    private interface Download {
        void to(String file, Path out) throws Exception;

        interface Step {
            void run() throws Exception;
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (!Peers.isRoot() || !Files.isExecutable(Peers.TFTPD_HPA) || !Files.isExecutable(Peers.TFTP_HPA)
                || !Files.isExecutable(Peers.ATFTP)) {
            System.err.println("TftpBench needs root and Debian's tftpd-hpa, tftp-hpa and atftp installed");
            System.exit(2);
        }
        Path served = Files.createDirectories(WORK.resolve("served"));
        Path out = Files.createDirectories(WORK.resolve("out"));
        Files.setPosixFilePermissions(WORK, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(served, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("3MiB", 3L << 20);
        sizes.put("40MiB", 40L << 20);
        for (var e : sizes.entrySet()) {
            Peers.randomFile(served, e.getKey(), e.getValue(), e.getValue());
        }

        try (Peers.Daemon hpa = daemon(List.of(Peers.TFTPD_HPA.toString(), "-L", "-s", "-u", "nobody", "-a"), served, true);
             Peers.Daemon atftpd = atftpd(served);
             TftpServer ours = Tftp.server(served).log(line -> { }).start();
             TftpServer oursOnPlatformThreads = Tftp.server(served).virtualThreads(false).log(line -> { }).start()) {
            List<Contender> contenders = new ArrayList<>();
            String hp = Integer.toString(hpa.port);
            contenders.add(new Contender("tftp-hpa client, blksize 512", "tftpd-hpa", (f, o) ->
                    exec(Peers.TFTP_HPA.toString(), "-m", "binary", "127.0.0.1", hp, "-c", "get", f, o.toString())));
            contenders.add(new Contender("netlab client, blksize 512", "tftpd-hpa", (f, o) ->
                    Tftp.client("127.0.0.1", hpa.port).get(f, o)));
            contenders.add(new Contender("atftp client, blksize 1428", "tftpd-hpa", (f, o) ->
                    exec(Peers.ATFTP.toString(), "--option", "blksize 1428", "-g", "-r", f, "-l", o.toString(), "127.0.0.1", hp)));
            contenders.add(new Contender("netlab client, blksize 1428", "tftpd-hpa", (f, o) ->
                    Tftp.client("127.0.0.1", hpa.port).blockSize(1428).get(f, o)));
            contenders.add(new Contender("netlab client, blksize 1428 + windowsize 16", "tftpd-hpa", (f, o) ->
                    Tftp.client("127.0.0.1", hpa.port).blockSize(1428).windowSize(16).get(f, o)));
            if (atftpd != null) {
                contenders.add(new Contender("netlab client, blksize 512", "atftpd", (f, o) ->
                        Tftp.client("127.0.0.1", atftpd.port).get(f, o)));
                contenders.add(new Contender("netlab client, blksize 1428 + windowsize 16", "atftpd", (f, o) ->
                        Tftp.client("127.0.0.1", atftpd.port).blockSize(1428).windowSize(16).get(f, o)));
            }
            contenders.add(new Contender("netlab client, blksize 512", "netlab server", (f, o) ->
                    Tftp.client("127.0.0.1", ours.port()).get(f, o)));
            contenders.add(new Contender("netlab client, blksize 512", "netlab, pthreads", (f, o) ->
                    Tftp.client("127.0.0.1", oursOnPlatformThreads.port()).get(f, o)));
            contenders.add(new Contender("netlab client (virtual caller), blksize 512", "tftpd-hpa", (f, o) ->
                    onVirtualThread(() -> Tftp.client("127.0.0.1", hpa.port).get(f, o))));
            contenders.add(new Contender("netlab client, blksize 1428 + windowsize 16", "netlab server", (f, o) ->
                    Tftp.client("127.0.0.1", ours.port()).blockSize(1428).windowSize(16).get(f, o)));

            System.out.printf(Locale.ROOT, "TFTP downloads on loopback, median of %d runs (after one warm-up), %d cores%n%n",
                    runs, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-44s %-16s %-6s %9s %9s %12s%n", "client", "server", "file", "median s", "MB/s", "vs tftp-hpa");
            for (String file : sizes.keySet()) {
                String expected = Peers.sha256(served.resolve(file));
                double[][] times = new double[contenders.size()][runs];
                for (int i = 0; i < contenders.size(); i++) {   // warm up, and check each arrives intact
                    Path o = out.resolve(file + "." + i);
                    contenders.get(i).download().to(file, o);
                    if (!Peers.sha256(o).equals(expected)) {
                        throw new AssertionError(contenders.get(i) + " delivered a different " + file);
                    }
                }
                for (int r = 0; r < runs; r++) {                 // interleaved, so load changes hit everyone alike
                    for (int i = 0; i < contenders.size(); i++) {
                        long start = System.nanoTime();
                        contenders.get(i).download().to(file, out.resolve(file + "." + i));
                        times[i][r] = (System.nanoTime() - start) / 1e9;
                    }
                }
                double baseline = median(times[0]);
                for (int i = 0; i < contenders.size(); i++) {
                    double m = median(times[i]);
                    System.out.printf(Locale.ROOT, "%-44s %-16s %-6s %9.3f %9.1f %11.2fx%n", contenders.get(i).name(),
                            contenders.get(i).server(), file, m, sizes.get(file) / m / 1e6, baseline / m);
                }
                System.out.println();
            }
        } finally {
            try (var files = Files.walk(WORK)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs {@code download} on a virtual thread, as a notebook cell does. */
    private static void onVirtualThread(Download.Step download) throws Exception {
        Exception[] failure = new Exception[1];
        Thread.ofVirtual().start(() -> {
            try {
                download.run();
            } catch (Exception e) {
                failure[0] = e;
            }
        }).join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void exec(String... command) throws Exception {
        Peers.Run run = Peers.run(Duration.ofSeconds(120), command);
        if (run.exitCode() != 0 || run.output().contains("Error")) {
            throw new IOException(String.join(" ", command) + " failed: " + run.output());
        }
    }

    private static Peers.Daemon daemon(List<String> prefix, Path dir, boolean hpaStyle) throws Exception {
        int port = Peers.freePort();
        List<String> command = new ArrayList<>(prefix);
        command.add("127.0.0.1:" + port);
        command.add(dir.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Peers.Daemon(p, port).awaitReady();
    }

    private static Peers.Daemon atftpd(Path dir) throws Exception {
        Path binary = Files.isExecutable(Path.of("/usr/sbin/atftpd")) ? Path.of("/usr/sbin/atftpd")
                : Path.of("lessons/target/atftpd/root/usr/sbin/atftpd");
        if (!Files.isExecutable(binary)) {
            System.out.println("(atftpd not found at " + binary + "; run the interop tests once to unpack it)");
            return null;
        }
        int port = Peers.freePort();
        Process p = new ProcessBuilder(binary.toString(), "--daemon", "--no-fork", "--port", Integer.toString(port),
                "--bind-address", "127.0.0.1", "--user", "nobody", "--group", "nogroup", "--logfile", "/dev/null", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Peers.Daemon(p, port).awaitReady();
    }
}
