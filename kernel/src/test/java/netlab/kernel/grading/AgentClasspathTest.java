package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClasspathTest {

    @Test
    void theLongestSocketPathUnderTheChosenBaseFits(@TempDir Path root) {
        int longest = AgentClasspath.SOCKET_PATH_MAX - AgentClasspath.SOCKET_PATH_PAST_BASE;
        Path fits = Path.of("/" + "t".repeat(longest - 1));
        Path tooLong = Path.of("/" + "t".repeat(longest));
        assertEquals(fits, AgentClasspath.baseFor(fits, root));
        assertEquals(root, AgentClasspath.baseFor(tooLong, root));
        String socket = fits + "/netlab-grading-" + Long.toUnsignedString(-1L) + "/s" + Long.toUnsignedString(-1L)
                + "/agent.sock";
        assertTrue(socket.length() <= 107, socket.length() + " bytes: " + socket);
    }
}
