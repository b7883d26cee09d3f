package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import netlab.kernel.protocol.Transport.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's own ZeroMQ transport on 127.0.0.1 (ephemeral ports), driven by a client on JeroMQ's sockets. */
class ZmtpTransportTest {

    private static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    private final FakeEngine engine = new FakeEngine();
    private ZmtpTransport transport;
    private KernelServer server;
    private ZmqClient client;

    @BeforeEach
    void start() {
        transport = ZmtpTransport.bind(new KernelConnectionProperties("127.0.0.1", 0, 0, 0, 0, 0, "tcp",
                "hmac-sha256", KEY));
        server = KernelServer.start(transport, engine);
        client = new ZmqClient(KEY, transport.port(Channel.SHELL), transport.port(Channel.CONTROL),
                transport.port(Channel.STDIN), transport.port(Channel.IOPUB), transport.heartbeatPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void heartbeatEchoesAndRepliesAreSigned() {
        client.heartbeat.send("ping");
        assertEquals("ping", client.heartbeat.recvStr());

        String id = client.send(client.shell, "kernel_info_request", new JsonObject());
        ZmqClient.Received reply = client.reply(client.shell, id);
        assertTrue(reply.signatureValid(), "the kernel signs with the connection key");
        assertEquals("kernel_info_reply", reply.type());
        assertEquals("5.3", reply.content().get("protocol_version").getAsString());
    }

    @Test
    void wrongSignatureIsDroppedAndTheNextMessageWorks() {
        try (ExpectedLog log = ExpectedLog.of("netlab.kernel.protocol")) {
            wrongSignatureIsDropped(log);
        }
    }

    private void wrongSignatureIsDropped(ExpectedLog log) {
        client.sendRaw(client.shell, "execute_request", "{\"code\":\"print evil\"}", "not-the-key", null);
        String good = client.execute("value 1");
        // Shell answers in order: had the forged request been run, its reply would come first.
        ZmqClient.Received reply = client.reply(client.shell, good);
        assertEquals("ok", reply.content().get("status").getAsString());
        assertEquals(1, reply.content().get("execution_count").getAsInt());
        assertEquals(List.of("value 1"), engine.executed);
        log.assertSaid("invalid HMAC signature");
    }

    @Test
    void malformedJsonAndUnknownTypesAreLoggedAnsweredAndTheKernelGoesOn() {
        try (ExpectedLog log = ExpectedLog.of("netlab.kernel.protocol")) {
            malformedAndUnknownAreAnswered(log);
        }
    }

    private void malformedAndUnknownAreAnswered(ExpectedLog log) {
        String malformed = client.sendRaw(client.shell, "execute_request", "{\"code\": \"print x\"", KEY, null);
        ZmqClient.Received bad = client.reply(client.shell, malformed);
        assertEquals("error", bad.content().get("status").getAsString());
        assertEquals("BadRequest", bad.content().get("ename").getAsString());

        String unknown = client.send(client.shell, "frobnicate_request", new JsonObject());
        assertEquals("UnknownMessageType", client.reply(client.shell, unknown).content().get("ename").getAsString());

        String good = client.execute("print fine");
        assertEquals("ok", client.reply(client.shell, good).content().get("status").getAsString());
        assertEquals(List.of("print fine"), engine.executed);
        log.assertSaid("malformed execute_request");
        log.assertSaid("frobnicate_request");
    }

    @Test
    void stdinRoundTripReachesTheShellSender() {
        // A ROUTER drops messages to peers it has not met yet: let the connections settle first, as a real
        // front end's have long before its first input() (one shell round trip, connected alongside stdin).
        client.reply(client.shell, client.send(client.shell, "kernel_info_request", new JsonObject()));
        String execute = client.execute("input Name:");
        ZmqClient.Received request = client.reply(client.stdin, execute);
        assertEquals("input_request", request.type());
        assertEquals("Name:", request.content().get("prompt").getAsString());

        JsonObject answer = new JsonObject();
        answer.addProperty("value", "Ada");
        client.sendRaw(client.stdin, "input_reply", answer.toString(), KEY, request.header());
        assertEquals("ok", client.reply(client.shell, execute).content().get("status").getAsString());
        String text = client.iopubUntilIdle(execute).stream().filter(m -> m.type().equals("stream"))
                .map(m -> m.content().get("text").getAsString()).reduce("", String::concat);
        assertEquals("got Ada\n", text);
    }

    /**
     * A cell that asks for input before the front end's stdin connection is made still gets its question to the
     * front end: a ROUTER drops what it sends to a peer it has not met, so the kernel holds it until it has.
     */
    @Test
    void anInputRequestWaitsForAStdinConnectionStillBeingMade() throws Exception {
        try (ZmqClient late = new ZmqClient(KEY, transport.port(Channel.SHELL), transport.port(Channel.CONTROL),
                transport.port(Channel.STDIN), transport.port(Channel.IOPUB), transport.heartbeatPort(), false)) {
            String execute = late.execute("input Name:");
            Thread.sleep(300); // the kernel has sent its input_request by now, to a peer stdin has not met
            late.connectStdin();
            ZmqClient.Received request = late.reply(late.stdin, execute);
            assertEquals("input_request", request.type());
            JsonObject answer = new JsonObject();
            answer.addProperty("value", "Ada");
            late.sendRaw(late.stdin, "input_reply", answer.toString(), KEY, request.header());
            assertEquals("ok", late.reply(late.shell, execute).content().get("status").getAsString());
        }
    }

    @Test
    void controlInterruptsACellThatBlocksTheShellThread() throws Exception {
        String execute = client.execute("block");
        assertTrue(engine.blocking.await(10, java.util.concurrent.TimeUnit.SECONDS));
        String interrupt = client.send(client.control, "interrupt_request", new JsonObject());
        assertEquals("ok", client.reply(client.control, interrupt).content().get("status").getAsString());
        assertEquals("Interrupted", client.reply(client.shell, execute).content().get("ename").getAsString());
    }

    @Test
    void shutdownRepliesThenReleasesThePorts() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        String id = client.send(client.control, "shutdown_request", content);
        assertEquals("ok", client.reply(client.control, id).content().get("status").getAsString());
        assertTrue(server.awaitShutdown(Duration.ofSeconds(10)));
        assertEquals(1, engine.closes.get());
        try (ServerSocket rebound = new ServerSocket(transport.port(Channel.SHELL), 1,
                InetAddress.getLoopbackAddress())) {
            assertTrue(rebound.isBound(), "the shell port is free after shutdown");
        }
    }

    @Test
    void closeEndsTheFrontEndsConnectionsTheHeartbeatsToo() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), transport.heartbeatPort());
        try (ZmtpConnection beat = ZmtpConnection.open(socket, "REQ", new byte[0])) {
            socket.setSoTimeout(10_000);
            beat.write(List.of(new byte[0], "ping".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("ping", new String(beat.read().get(1), StandardCharsets.US_ASCII));
            server.close();
            assertThrows(EOFException.class, beat::read, "the kernel closed its end");
        }
    }

    @Test
    void connectionsPastTheLimitAreRefusedAndTheFrontEndsStillAnswered() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            // the client holds five; these stay in their greeting (the kernel waits 10 s for one)
            for (int i = 5; i < ZmtpTransport.MAX_CONNECTIONS; i++) {
                silent.add(new Socket(InetAddress.getLoopbackAddress(), transport.port(Channel.SHELL)));
            }
            for (Socket socket : silent) {
                socket.setSoTimeout(10_000);
                assertEquals(64, socket.getInputStream().readNBytes(64).length, "accepted: the kernel's greeting");
            }
            try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), transport.port(Channel.SHELL))) {
                refused.setSoTimeout(10_000);
                assertEquals(-1, refused.getInputStream().read(), "closed as it was accepted");
            }
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
        String id = client.send(client.shell, "kernel_info_request", new JsonObject());
        assertEquals("kernel_info_reply", client.reply(client.shell, id).type());
    }

    @Test
    void startsFromAConnectionFile(@TempDir Path dir) throws IOException, InterruptedException {
        int[] ports = freePorts(5);
        Path file = dir.resolve("kernel.json");
        Files.writeString(file, new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2], ports[3],
                ports[4], "tcp", "hmac-sha256", KEY).toJsonString());
        FakeEngine other = new FakeEngine();
        KernelServer fromFile = KernelServer.start(file, other);
        try (ZmqClient second = new ZmqClient(KEY, ports[1], ports[0], ports[2], ports[4], ports[3])) {
            String id = second.execute("value 5");
            assertEquals("ok", second.reply(second.shell, id).content().get("status").getAsString());
        } finally {
            fromFile.close();
        }
        assertTrue(fromFile.awaitShutdown(Duration.ofSeconds(10)));
        assertEquals(1, other.closes.get());
    }

    @Test
    void readsAConnectionFileAsTheBasekernelDoes() {
        // as jupyter_client writes it, with keys the kernel does not use
        String file = """
                {"shell_port": 41001, "iopub_port": 41002, "stdin_port": 41003, "control_port": 41004,
                 "hb_port": 41005, "ip": "127.0.0.1", "key": "a0b1-c2", "transport": "tcp",
                 "signature_scheme": "hmac-sha256", "kernel_name": "netlab", "jupyter_session": "x.ipynb"}""";
        for (String json : List.of(file, "{\"ip\": \"127.0.0.1\"}", "{}")) {
            assertEquals(KernelConnectionProperties.parse(json).toJsonString(),
                    KernelServer.connection(json).toJsonString(), json);
        }
        assertNull(KernelServer.connection(""));
        assertThrows(RuntimeException.class, () -> KernelServer.connection("{\"shell_port\": \"next\"}"));
        assertThrows(RuntimeException.class, () -> KernelServer.connection("[41001]"));
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        ServerSocket[] sockets = new ServerSocket[count];
        for (int i = 0; i < count; i++) {
            sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            ports[i] = sockets[i].getLocalPort();
        }
        for (ServerSocket socket : sockets) {
            socket.close();
        }
        return ports;
    }
}
