package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClasspathTest {

    /** A real bind at the longest socket path a chosen base can give: both random names at their 20 digits. */
    @Test
    void anAgentSocketBindsUnderTheLongestBaseThatIsKept(@TempDir Path root) throws IOException {
        int longest = AgentClasspath.SOCKET_PATH_MAX - AgentClasspath.SOCKET_PATH_PAST_BASE;
        Path base = root.resolve("t".repeat(longest - root.toString().length() - 1));
        assertEquals(longest, base.toString().length());
        assertEquals(base, AgentClasspath.baseFor(base, root));
        assertEquals(root, AgentClasspath.baseFor(Path.of(base + "t"), root));

        String n = Long.toUnsignedString(-1L);
        Path scratch = Files.createDirectories(base.resolve("netlab-grading-" + n).resolve("s" + n));
        Path socket = scratch.resolve("agent.sock");
        assertEquals(AgentClasspath.SOCKET_PATH_MAX, socket.toString().length());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
    }
}
