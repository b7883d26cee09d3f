package netlab.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ServersTest {

    /** Every model echoes what two clients send, each on its own connection, and frees its port on close. */
    @ParameterizedTest
    @EnumSource(Model.class)
    void everyModelEchoesAndClosesItsPort(Model model) throws IOException {
        int port;
        try (EchoServer server = Servers.start(model, 0)) {
            port = server.port();
            assertEquals(model, server.model());
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertEquals("first", echo(a, "first"));
                assertEquals("again", echo(a, "again"));
            }
            try (Socket b = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // the iterative server reaches b only after a closed: a has
                assertEquals("second " + "x".repeat(3000), echo(b, "second " + "x".repeat(3000)));
            }
            assertTrue(server.processes().stream().allMatch(ProcessHandle::isAlive));
        }
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void workerProcessesAreOtherJvmsThatEndOnClose() {
        EchoServer workers = Servers.workers(0, 2);
        java.util.List<ProcessHandle> children = workers.processes();
        assertEquals(2, children.size());
        assertTrue(children.stream().noneMatch(p -> p.pid() == ProcessHandle.current().pid()));
        workers.close();
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void theSourceIsTheWholeModelAndCountsItsLines() {
        SourceCode iterative = Servers.source(Model.ITERATIVE);
        assertTrue(iterative.text().contains("echo(client)"), iterative.text());
        assertTrue(iterative.lines() >= 8 && iterative.lines() <= 20, "lines " + iterative.lines());
        assertTrue(Servers.source(Model.SELECTOR).lines() > iterative.lines());
    }

    @Test
    void badSizesSayWhatIsAllowed() {
        assertThrows(IllegalArgumentException.class, () -> Servers.fixedPool(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Servers.workers(0, 100));
    }

    static String echo(Socket s, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(sent);
        byte[] got = new byte[sent.length];
        InputStream in = s.getInputStream();
        for (int n = 0; n < got.length; ) {
            int k = in.read(got, n, got.length - n);
            if (k < 0) {
                break;
            }
            n += k;
        }
        assertArrayEquals(sent, got);
        return new String(got, StandardCharsets.UTF_8);
    }
}
