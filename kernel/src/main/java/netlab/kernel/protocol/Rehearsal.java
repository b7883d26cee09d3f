package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import netlab.kernel.engine.Engine;
import netlab.kernel.protocol.Transport.Channel;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A kernel that a client in the same JVM talks to over ZeroMQ on loopback, as Jupyter would: the install's
 * training run ({@code netlab kernel --train}) sends it the requests of a session's start, so the protocol
 * layer's classes — the connection file's parser, JeroMQ, Gson, the codec and its HMAC — are in the kernel's
 * AOT cache with the engine's. Measured: a kernel trained on the engine alone loaded 794 classes from jars and
 * the JDK's modules at its first kernel_info and cell (388 of them JeroMQ, Gson and the protocol layer), none
 * of which the cache then held.
 *
 * <pre>{@code
 * try (Rehearsal kernel = Rehearsal.start(engine)) {
 *     kernel.execute("1 + 1");      // the execute_reply's content
 * }                                 // shutdown_request, then the engine is closed
 * }</pre>
 *
 * <p>Not a test client: it signs with the kernel's own codec and checks nothing but that replies come.
 */
public final class Rehearsal implements AutoCloseable {

    private static final int REPLY_TIMEOUT_MS = 60_000;

    private final KernelServer server;
    private final WireCodec codec;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final Messages client = new Messages();

    private Rehearsal(KernelServer server, ZmqTransport transport, WireCodec codec) {
        this.server = server;
        this.codec = codec;
        this.shell = connect(transport.port(Channel.SHELL));
        this.control = connect(transport.port(Channel.CONTROL));
    }

    /** Binds a kernel serving {@code engine} on loopback ports of its own and connects to it. */
    public static Rehearsal start(Engine engine) {
        String key = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        // the connection file's text, as Jupyter writes it, through the same parser the kernel uses
        KernelConnectionProperties connection = KernelServer.connection("""
                {"ip": "127.0.0.1", "transport": "tcp", "shell_port": 0, "iopub_port": 0, "stdin_port": 0,
                 "control_port": 0, "hb_port": 0, "signature_scheme": "hmac-sha256", "key": "%s",
                 "kernel_name": "netlab"}""".formatted(key));
        ZmqTransport transport = ZmqTransport.bind(connection);
        WireCodec codec;
        try {
            codec = new WireCodec(connection.createHMACGenerator());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hmac-sha256 is missing from this JDK", e);
        }
        return new Rehearsal(KernelServer.start(transport, engine), transport, codec);
    }

    private ZMQ.Socket connect(int port) {
        ZMQ.Socket socket = context.socket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setReceiveTimeOut(REPLY_TIMEOUT_MS);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    /** Runs {@code code} as a cell; the execute_reply's content. */
    public JsonObject execute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", false);
        return request("execute_request", content);
    }

    /** Sends a shell request of {@code type} and returns its reply's content. */
    public JsonObject request(String type, JsonObject content) {
        return ask(shell, type, content);
    }

    private JsonObject ask(ZMQ.Socket socket, String type, JsonObject content) {
        Message request = client.request(type, content);
        String id = request.id();
        RouterLoop.write(socket, codec.encode(request));
        long deadline = System.nanoTime() + Duration.ofMillis(REPLY_TIMEOUT_MS).toNanos();
        while (System.nanoTime() < deadline) {
            List<byte[]> frames = RouterLoop.read(socket, 0);
            if (frames == null) {
                break;
            }
            try {
                Message reply = codec.decode(frames);
                if (reply.parentHeader().has("msg_id") && reply.parentHeader().get("msg_id").getAsString().equals(id)) {
                    return reply.content();
                }
            } catch (WireCodec.BadMessageException e) {
                throw new IllegalStateException("the kernel sent a message its own codec cannot read: " + e.getMessage());
            }
        }
        throw new IllegalStateException("no reply to " + type + " within " + REPLY_TIMEOUT_MS + " ms");
    }

    /** Asks the kernel to shut down, as Jupyter does, and waits until it has (its engine is then closed). */
    @Override
    public void close() throws InterruptedException {
        try {
            JsonObject content = new JsonObject();
            content.addProperty("restart", false);
            ask(control, "shutdown_request", content);
            server.awaitShutdown(Duration.ofSeconds(30));
        } finally {
            server.close();
            shell.close();
            control.close();
            context.term();
        }
    }
}
