package netlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ZMTP 3.0 framing and handshake, between two of the kernel's connections and against bytes written by hand. */
class ZmtpConnectionTest {

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void messagesGoWholeBothWaysAndTheIdentityFromTheHandshake() throws Exception {
        byte[] identity = "front-end-7".getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<ZmtpConnection> accepted = CompletableFuture.supplyAsync(() -> open(accept(), "ROUTER"));
        try (ZmtpConnection client = ZmtpConnection.open(connect(), "DEALER", identity);
             ZmtpConnection kernel = accepted.get(10, TimeUnit.SECONDS)) {
            assertArrayEquals(identity, kernel.peerIdentity());
            assertEquals(0, client.peerIdentity().length, "the kernel's sockets give no identity");
            byte[] large = new byte[70_000];
            Arrays.fill(large, (byte) 'x');
            List<byte[]> sent = List.of(new byte[0], "short".getBytes(StandardCharsets.US_ASCII), large,
                    new byte[255], new byte[256]);
            client.write(sent);
            client.write(List.of(new byte[] {42}));
            List<byte[]> received = kernel.read();
            assertEquals(sent.size(), received.size());
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), received.get(i), "frame " + i);
            }
            assertArrayEquals(new byte[] {42}, kernel.read().getFirst(), "the next message starts after the last");
            kernel.write(List.of("back".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("back", new String(client.read().getFirst(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aSubscribeCommandOfZmtp31ReadsAsTheSubscriptionMessageOf30() throws Exception {
        CompletableFuture<ZmtpConnection> accepted = CompletableFuture.supplyAsync(() -> open(accept(), "PUB"));
        try (Socket raw = connect()) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            DataInputStream in = new DataInputStream(raw.getInputStream());
            out.write(greeting(1));
            in.readFully(new byte[64]);
            out.write(command("READY", property("Socket-Type", "SUB")));
            try (ZmtpConnection kernel = accepted.get(10, TimeUnit.SECONDS)) {
                out.write(command("SUBSCRIBE", "kernel.".getBytes(StandardCharsets.US_ASCII)));
                out.write(new byte[] {0, 2, 0, 'k'}); // a 3.0 cancel, as a message
                assertArrayEquals("\1kernel.".getBytes(StandardCharsets.US_ASCII), kernel.read().getFirst());
                assertArrayEquals(new byte[] {0, 'k'}, kernel.read().getFirst());
            }
        }
    }

    @Test
    void aPeerThatDoesNotSpeakZmtpIsClosedAtItsGreeting() throws Exception {
        CompletableFuture<IOException> refused = CompletableFuture.supplyAsync(() -> {
            Socket socket = accept();
            return assertThrows(IOException.class, () -> ZmtpConnection.open(socket, "ROUTER", new byte[0]));
        });
        try (Socket raw = connect()) {
            String request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
            String padded = request + " ".repeat(64 - request.length());
            raw.getOutputStream().write(padded.getBytes(StandardCharsets.US_ASCII));
            assertEquals("the peer does not speak ZMTP 3", refused.get(10, TimeUnit.SECONDS).getMessage());
            raw.getInputStream().readNBytes(64); // the kernel's greeting
            assertEquals(-1, raw.getInputStream().read(), "the kernel closed the connection");
        }
    }

    @Test
    void aFrameLargerThanTheLimitEndsTheConnectionUnread() throws Exception {
        CompletableFuture<ZmtpConnection> accepted = CompletableFuture.supplyAsync(() -> open(accept(), "ROUTER"));
        try (Socket raw = connect()) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.write(greeting(0));
            raw.getInputStream().readNBytes(64);
            out.write(command("READY", property("Socket-Type", "DEALER")));
            try (ZmtpConnection kernel = accepted.get(10, TimeUnit.SECONDS)) {
                out.writeByte(2); // a long frame, the last of its message
                out.writeLong(ZmtpConnection.MAX_MESSAGE_BYTES + 1);
                IOException e = assertThrows(IOException.class, kernel::read);
                assertEquals("a message of over " + ZmtpConnection.MAX_MESSAGE_BYTES + " bytes", e.getMessage());
            }
        }
    }

    @Test
    void aWriteThatWaitsTooLongForAPeerThatReadsNothingFailsWhenTheConnectionIsClosedForIt() throws Exception {
        CompletableFuture<ZmtpConnection> accepted = CompletableFuture.supplyAsync(() -> open(accept(), "PUB"));
        try (ZmtpConnection reader = ZmtpConnection.open(connect(), "SUB", new byte[0]);
             ZmtpConnection kernel = accepted.get(10, TimeUnit.SECONDS)) {
            CompletableFuture<IOException> writes = CompletableFuture.supplyAsync(() -> {
                List<byte[]> large = List.of(new byte[1 << 20]);
                for (int i = 0; i < 1000; i++) { // far more than the socket buffers hold: blocks while nobody reads
                    try {
                        kernel.write(large);
                    } catch (IOException e) {
                        return e;
                    }
                }
                return null;
            });
            assertFalse(kernel.closeIfStuck(Long.MAX_VALUE), "no write has waited that long");
            boolean closed = false;
            for (int i = 0; i < 500 && !closed; i++) {
                Thread.sleep(10);
                closed = kernel.closeIfStuck(TimeUnit.MILLISECONDS.toNanos(100));
            }
            assertTrue(closed, "the write waited");
            assertTrue(writes.get(10, TimeUnit.SECONDS) != null, "the write failed as the connection closed");
        }
    }

    private Socket accept() {
        try {
            return server.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZmtpConnection open(Socket socket, String type) {
        try {
            return ZmtpConnection.open(socket, type, new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** A ZMTP 3.x greeting with the NULL mechanism, as RFC 23 lays it out. */
    private static byte[] greeting(int minor) {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xff;
        greeting[9] = 0x7f;
        greeting[10] = 3;
        greeting[11] = (byte) minor;
        System.arraycopy("NULL".getBytes(StandardCharsets.US_ASCII), 0, greeting, 12, 4);
        return greeting;
    }

    private static byte[] command(String name, byte[] data) {
        byte[] body = new byte[1 + name.length() + data.length];
        body[0] = (byte) name.length();
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, body, 1, name.length());
        System.arraycopy(data, 0, body, 1 + name.length(), data.length);
        byte[] frame = new byte[2 + body.length];
        frame[0] = 4;
        frame[1] = (byte) body.length;
        System.arraycopy(body, 0, frame, 2, body.length);
        return frame;
    }

    private static byte[] property(String name, String value) {
        byte[] property = new byte[1 + name.length() + 4 + value.length()];
        property[0] = (byte) name.length();
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, property, 1, name.length());
        property[1 + name.length() + 3] = (byte) value.length();
        System.arraycopy(value.getBytes(StandardCharsets.US_ASCII), 0, property, 5 + name.length(), value.length());
        return property;
    }
}
