package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A Jupyter client written from the wire spec with raw JeroMQ sockets and its own HMAC (not the kernel's
 * codec), so it checks the kernel rather than agreeing with it.
 */
final class ZmqClient implements AutoCloseable {

    static final int TIMEOUT_MS = 10_000;
    private static final int HANDSHAKE_WAIT_MS = 2_000;

    private final ZMQ.Context context = ZMQ.context(1);
    private final String key;
    private final String session = UUID.randomUUID().toString();
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket stdin;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;
    private final int stdinPort;

    /** A received message: its JSON parts and whether its signature was right. */
    record Received(JsonObject header, JsonObject parent, JsonObject content, boolean signatureValid) {
        String type() {
            return header.get("msg_type").getAsString();
        }

        String parentId() {
            return parent.has("msg_id") ? parent.get("msg_id").getAsString() : "";
        }
    }

    ZmqClient(String key, int shellPort, int controlPort, int stdinPort, int iopubPort, int hbPort) {
        this(key, shellPort, controlPort, stdinPort, iopubPort, hbPort, true);
    }

    /** A client whose stdin connects only when {@link #connectStdin} is called, if not {@code stdinNow}. */
    ZmqClient(String key, int shellPort, int controlPort, int stdinPort, int iopubPort, int hbPort, boolean stdinNow) {
        this.key = key;
        byte[] identity = ("client-" + session).getBytes(StandardCharsets.UTF_8);
        shell = connect(SocketType.DEALER, shellPort, identity);
        control = connect(SocketType.DEALER, controlPort, identity);
        this.stdinPort = stdinPort;
        stdin = stdinNow ? connect(SocketType.DEALER, stdinPort, identity) : unconnected(SocketType.DEALER, identity);
        iopub = connect(SocketType.SUB, iopubPort, null);
        iopub.subscribe(new byte[0]);
        heartbeat = connect(SocketType.REQ, hbPort, null);
    }

    private ZMQ.Socket connect(SocketType type, int port, byte[] identity) {
        ZMQ.Socket socket = unconnected(type, identity);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    private ZMQ.Socket unconnected(SocketType type, byte[] identity) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(0);
        socket.setReceiveTimeOut(TIMEOUT_MS);
        if (identity != null) {
            socket.setIdentity(identity);
        }
        return socket;
    }

    /**
     * Connects stdin now: a front end whose stdin connection is made after the kernel sends on it. JeroMQ connecting
     * to JeroMQ (this client to the kernel, when the kernel ran on JeroMQ) sometimes stalled in the ZMTP greeting
     * once TCP was up (4 of 120 late DEALER connections to a ROUTER, 0 of 150 with pyzmq's libzmq as the client).
     * For this client's side of it, a handshake that has not completed in {@link #HANDSHAKE_WAIT_MS} is dropped and
     * made again by JeroMQ itself, on the same socket. Not by closing the socket and opening another: a handshake
     * the kernel had completed before this side saw it done would lose what the kernel sent on it.
     */
    void connectStdin() {
        stdin.setHandshakeIvl(HANDSHAKE_WAIT_MS);
        stdin.connect("tcp://127.0.0.1:" + stdinPort);
    }

    static JsonObject header(String session, String type) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("date", "2026-01-01T00:00:00.000000Z");
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        return header;
    }

    /** Sends a request with raw content text (which may be malformed) and a signature made with {@code signKey}. */
    String sendRaw(ZMQ.Socket socket, String type, String content, String signKey, JsonObject parent) {
        JsonObject header = header(session, type);
        byte[][] parts = {bytes(header.toString()), bytes(parent == null ? "{}" : parent.toString()), bytes("{}"),
                bytes(content)};
        socket.sendMore("<IDS|MSG>");
        socket.sendMore(sign(signKey, parts));
        for (int i = 0; i < 3; i++) {
            socket.sendMore(parts[i]);
        }
        socket.send(parts[3], 0);
        return header.get("msg_id").getAsString();
    }

    String send(ZMQ.Socket socket, String type, JsonObject content) {
        return sendRaw(socket, type, content.toString(), key, null);
    }

    String execute(String code) {
        return send(shell, "execute_request", executeContent(code));
    }

    /** An execute_request's content with jupyter_client's defaults. */
    static JsonObject executeContent(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", true);
        content.addProperty("stop_on_error", true);
        return content;
    }

    Received receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        byte[] first = socket.recv(0);
        assertNotNull(first, "nothing received within " + TIMEOUT_MS + " ms");
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        int delimiter = 0;
        while (!new String(frames.get(delimiter), StandardCharsets.UTF_8).equals("<IDS|MSG>")) {
            delimiter++;
        }
        byte[][] parts = {frames.get(delimiter + 2), frames.get(delimiter + 3), frames.get(delimiter + 4),
                frames.get(delimiter + 5)};
        boolean valid = sign(key, parts).equals(new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII));
        return new Received(parse(parts[0]), parse(parts[1]), parse(parts[3]), valid);
    }

    /** The reply to {@code requestId} on {@code socket}. */
    Received reply(ZMQ.Socket socket, String requestId) {
        Received reply = receive(socket);
        assertEquals(requestId, reply.parentId(), "reply to another request: " + reply.header());
        return reply;
    }

    /** Iopub messages until the idle status of {@code requestId}; those of other parents are skipped. */
    List<Received> iopubUntilIdle(String requestId) {
        List<Received> mine = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Received message = receive(iopub);
            if (message.parentId().equals(requestId)) {
                mine.add(message);
                if (message.type().equals("status")
                        && message.content().get("execution_state").getAsString().equals("idle")) {
                    return mine;
                }
            }
        }
        throw new AssertionError("no idle for " + requestId);
    }

    private static String sign(String key, byte[][] parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(key), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(byte[] raw) {
        return JsonParser.parseString(new String(raw, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (ZMQ.Socket socket : List.of(shell, control, stdin, iopub, heartbeat)) {
            socket.close();
        }
        context.term();
    }
}
