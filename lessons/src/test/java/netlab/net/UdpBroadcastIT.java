package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UDP broadcast between two network namespaces this test creates, joined by a veth pair:
 * A (10.199.N.1/24) broadcasts, B (10.199.N.2/24) receives. Nothing leaves the two namespaces.
 * Skipped, with the reason, when not root, when {@code ip} is missing, or when namespaces cannot be created.
 */
class UdpBroadcastIT {

    private final int n = ThreadLocalRandom.current().nextInt(1, 250);
    private final String suffix = Long.toString(ProcessHandle.current().pid() % 100_000);
    private final String nsA = "nl-bc-a-" + suffix;
    private final String nsB = "nl-bc-b-" + suffix;
    private final String vethA = "nlbA" + suffix;
    private final String vethB = "nlbB" + suffix;
    private final List<Process> started = new ArrayList<>();
    private String ip;

    @BeforeEach
    void createNamespaces() throws Exception {
        ip = List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(ip != null, "the `ip` command (iproute2) is missing; install iproute2 to run this test");
        Assumptions.assumeTrue("0".equals(run("id", "-u").trim()), "creating network namespaces needs root; run as root");
        String failed = tryRun(ip, "netns", "add", nsA);
        Assumptions.assumeTrue(failed == null, "cannot create a network namespace here: " + failed);
        run(ip, "netns", "add", nsB);
        run(ip, "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        run(ip, "link", "set", vethA, "netns", nsA);
        run(ip, "link", "set", vethB, "netns", nsB);
        run(ip, "-n", nsA, "addr", "add", "10.199." + n + ".1/24", "dev", vethA);
        run(ip, "-n", nsB, "addr", "add", "10.199." + n + ".2/24", "dev", vethB);
        run(ip, "-n", nsA, "link", "set", vethA, "up");
        run(ip, "-n", nsB, "link", "set", vethB, "up");
        // 255.255.255.255 needs a route to pick an interface; only inside A
        run(ip, "-n", nsA, "route", "add", "default", "dev", vethA);
    }

    @AfterEach
    void deleteNamespaces() throws Exception {
        for (Process p : started) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (ip != null) {
            tryRun(ip, "netns", "del", nsA); // deleting a namespace deletes its end of the veth pair, and so both
            tryRun(ip, "netns", "del", nsB);
        }
    }

    @Test
    void limitedBroadcastReachesTheOtherNamespace() throws Exception {
        String got = broadcast("255.255.255.255", "hello from A");
        assertTrue(got.matches("GOT \\[10\\.199\\." + n + "\\.1:\\d+] hello from A"), got);
    }

    @Test
    void directedBroadcastOfTheSubnetReachesTheOtherNamespace() throws Exception {
        String got = broadcast("10.199." + n + ".255", "你好 subnet");
        assertTrue(got.matches("GOT \\[10\\.199\\." + n + "\\.1:\\d+] 你好 subnet"), got);
    }

    private String broadcast(String address, String text) throws Exception {
        Process receiver = java(nsB, "receive", "10000");
        BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("READY "), "receiver said: " + ready + " " + stderr(receiver));
        String port = ready.substring(6);
        Process sender = java(nsA, "send", address, port, text, "5");
        assertTrue(sender.waitFor(30, TimeUnit.SECONDS), "sender did not finish");
        assertEquals(0, sender.exitValue(), stderr(sender));
        String got = out.readLine();
        assertTrue(receiver.waitFor(30, TimeUnit.SECONDS), "receiver did not finish");
        return got + (receiver.exitValue() == 0 ? "" : " (exit " + receiver.exitValue() + ": " + stderr(receiver) + ")");
    }

    private Process java(String namespace, String... args) throws IOException, URISyntaxException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        String classpath = location(Udp.class) + File.pathSeparator + location(BroadcastProbe.class);
        List<String> command = new ArrayList<>(List.of(ip, "netns", "exec", namespace, java, "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-cp", classpath, BroadcastProbe.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        started.add(p);
        return p;
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String stderr(Process p) throws IOException {
        return p.isAlive() ? "" : new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Runs a command; null if it worked, else its output. */
    private static String tryRun(String... command) throws InterruptedException {
        try {
            run(command);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
