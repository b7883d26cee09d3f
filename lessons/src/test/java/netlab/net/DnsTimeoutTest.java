package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D5: with a resolver that never answers, a timeout given is a timeout kept and the message names the cause.
 * The silent resolver runs in a child JVM ({@link SilentResolver}), so neither this JVM nor the machine's
 * resolver configuration is touched.
 */
class DnsTimeoutTest {

    @Test
    void everyNameLookupKeepsItsTimeoutAndNamesTheResolver(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/java.net.spi.InetAddressResolverProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, SilentResolver.class.getName() + "\n");
        String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + dir;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, SilentResolver.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(3 * SilentResolver.SILENCE_MILLIS, TimeUnit.MILLISECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes());
        Map<String, String[]> rows = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] cols = line.split("\t", 3);
            if (cols.length == 3) {
                rows.put(cols[0], cols);
            }
        }
        assertEquals(5, rows.size(), out);
        // which timeout each call kept is in its message; that it kept one, in its returning long before the
        // resolver would have (a bound far from the timeouts, not a timing: a loaded machine took 2.5 s for 1 s)
        assertKept(rows.get("Tcp.connect"), "TimedOutException: no answer from the resolver for \"example.edu\" within 1 s");
        assertKept(rows.get("Dns.lookup"), "TimedOutException: no answer from the resolver for \"example.net\" within 1 s");
        assertKept(rows.get("Udp.send"), "TimedOutException: no answer from the resolver for \"example.edu\" within 3 s");
        assertKept(rows.get("Dns.reverse"), "TimedOutException: no answer from the resolver for 192.0.2.1 within 3 s");
        assertKept(rows.get("Dns.explain"), "no answer from the resolver within 3 s");
    }

    private static void assertKept(String[] row, String message) {
        assertTrue(Long.parseLong(row[1]) < SilentResolver.SILENCE_MILLIS / 3, row[0] + " took " + row[1] + " ms: " + row[2]);
        assertTrue(row[2].contains(message), row[0] + ": " + row[2]);
        assertTrue(row[2].contains("/etc/resolv.conf") || row[0].equals("Dns.explain"), row[0] + ": " + row[2]);
    }
}
