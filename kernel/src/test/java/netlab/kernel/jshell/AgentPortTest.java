package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's listener stays out of the ports Jupyter picks for kernels (the system's ephemeral range). */
class AgentPortTest {

    @Test
    void readsWhereTheEphemeralRangeStarts(@TempDir Path dir) throws IOException {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
        assertEquals(OptionalInt.of(32768), AgentPort.ephemeralStart(range));
        assertEquals(OptionalInt.empty(), AgentPort.ephemeralStart(dir.resolve("missing")));
        Path linux = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.exists(linux)) { // a file of size 0 that answers one read only
            assertTrue(AgentPort.ephemeralStart(linux).orElseThrow() >= 1024, Files.readAllLines(linux).toString());
        }
        assertEquals(OptionalInt.empty(), AgentPort.ephemeralStart(Files.writeString(dir.resolve("odd"), "x y")));
    }

    @Test
    void listenersTakePortsBelowTheEphemeralRangeEvenWhenSomeAreTaken() throws IOException {
        // the machine's own range where it has one, else Linux's default
        int start = AgentPort.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).orElse(32768);
        List<ServerSocket> held = new ArrayList<>();
        try {
            Random random = new Random(7);
            for (int i = 0; i < 40; i++) { // each held, so later ones meet taken ports and try again
                ServerSocket s = AgentPort.bind(4, OptionalInt.of(start), random);
                held.add(s);
                int port = s.getLocalPort();
                assertTrue(port < start && port >= Math.max(1024, start - AgentPort.SPAN),
                        "port " + port + " of the range starting at " + start + ", listener " + i);
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    @Test
    void withoutARangeItTakesWhatPortZeroGives() throws IOException {
        try (ServerSocket s = AgentPort.bind(4, OptionalInt.empty(), new Random(7))) {
            assertTrue(s.getLocalPort() > 0);
            assertTrue(s.getInetAddress().isLoopbackAddress());
        }
    }
}
