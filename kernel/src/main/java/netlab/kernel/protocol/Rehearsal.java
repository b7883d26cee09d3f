package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import netlab.kernel.engine.Engine;
import netlab.kernel.protocol.Transport.Channel;

/**
 * A kernel that a client in the same JVM talks to over ZeroMQ's wire protocol on loopback, as Jupyter would: the
 * install's training run ({@code netlab kernel --train}) sends it the requests of a session's start, so the protocol
 * layer's classes — the connection file's parser, the transport, Gson, the codec and its HMAC — are in the kernel's
 * AOT cache with the engine's. Measured: a kernel trained on the engine alone loaded 794 classes from jars and
 * the JDK's modules at its first kernel_info and cell (388 of them JeroMQ's, which the kernel then used for its
 * sockets, Gson's and the protocol layer's), none of which the cache then held.
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
    private final ZmtpConnection shell;
    private final ZmtpConnection control;
    private final Messages client = new Messages();

    private Rehearsal(KernelServer server, ZmtpTransport transport, WireCodec codec) {
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
        ZmtpTransport transport = ZmtpTransport.bind(connection);
        WireCodec codec = WireCodec.of(connection.getSignatureScheme(), connection.getKey());
        return new Rehearsal(KernelServer.start(transport, engine), transport, codec);
    }

    private static ZmtpConnection connect(int port) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            ZmtpConnection connection = ZmtpConnection.open(socket, "DEALER", new byte[0]);
            socket.setSoTimeout(REPLY_TIMEOUT_MS);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect to the rehearsal's kernel", e);
        }
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

    private JsonObject ask(ZmtpConnection connection, String type, JsonObject content) {
        Message request = client.request(type, content);
        String id = request.id();
        long deadline = System.nanoTime() + Duration.ofMillis(REPLY_TIMEOUT_MS).toNanos();
        try {
            connection.write(codec.encode(request));
            while (System.nanoTime() < deadline) {
                Message reply = codec.decode(connection.read());
                if (reply.parentHeader().has("msg_id") && reply.parentHeader().get("msg_id").getAsString().equals(id)) {
                    return reply.content();
                }
            }
        } catch (WireCodec.BadMessageException e) {
            throw new IllegalStateException("the kernel sent a message its own codec cannot read: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("no reply to " + type + ": " + e.getMessage(), e);
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
        }
    }
}
