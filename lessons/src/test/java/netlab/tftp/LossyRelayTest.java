package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's own bookkeeping: per-client sockets are released once a client has gone quiet. */
class LossyRelayTest {

    @TempDir
    Path root;
    TftpServer server;
    byte[] data;

    @BeforeEach
    void start() throws Exception {
        data = new byte[20_000];
        new Random(5).nextBytes(data);
        Files.write(root.resolve("f"), data);
        server = Tftp.server(root).timeout(Duration.ofMillis(100)).log(line -> { }).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {   // at most ~10 s
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void keepsEachClientsSocketsWhileItIsActive() throws Exception {
        try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).idleTimeout(Duration.ofMinutes(5)).start()) {
            assertEquals(1, relay.openSockets(), "a fresh relay holds only its own port");
            for (int i = 0; i < 3; i++) {   // each get has its own client socket: three clients
                assertArrayEquals(data, Tftp.client("127.0.0.1", relay.port()).getBytes("f"));
            }
            assertEquals(3, relay.activeClients());
            assertEquals(1 + 3 * 2, relay.openSockets(), "per client: one socket towards the server, one mirror of its TID");
        }
    }

    @Test
    void releasesTheSocketsOfAClientThatHasGoneQuiet() throws Exception {
        try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).idleTimeout(Duration.ofMillis(200)).start()) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(data, Tftp.client("127.0.0.1", relay.port()).getBytes("f"));
            }
            assertTrue(await(() -> relay.activeClients() == 0 && relay.openSockets() == 1),
                    relay.activeClients() + " clients and " + relay.openSockets() + " sockets still held after the idle timeout");
            // released state is not needed any more: a new client gets new sockets and the relay still works
            assertArrayEquals(data, Tftp.client("127.0.0.1", relay.port()).getBytes("f"));
        }
    }

    @Test
    void refusesAnIdleTimeoutBelowOneMillisecond() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tftp.relay("127.0.0.1", 69).idleTimeout(Duration.ZERO));
        assertTrue(e.getMessage().contains("at least 1 ms"), e.getMessage());
    }
}
