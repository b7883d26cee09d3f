import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a kernel through a Jupyter server's REST API, runs one cell over the kernel's WebSocket channel
 * and checks what it printed: the path a browser takes, without a browser. JDK only (run it as a
 * single-file program), so docker/test.sh needs nothing from PyPI or npm for this step.
 *
 * <pre>java KernelCellCheck.java http://127.0.0.1:8888 TOKEN KERNEL_NAME CODE EXPECTED [INSPECT_CODE INSPECT_EXPECTED]</pre>
 * Exit 0 when the cell's stdout contains EXPECTED, 1 otherwise (with what was seen). With INSPECT_CODE it
 * also sends what Shift-Tab sends, an inspect_request with the cursor at the end of INSPECT_CODE, and needs
 * INSPECT_EXPECTED in the reply's text/plain (the JDK's javadoc, which the kernel reads from lib/src.zip).
 */
public class KernelCellCheck {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    static final Duration CELL_TIMEOUT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 7) {
            System.err.println("usage: java KernelCellCheck.java BASE_URL TOKEN KERNEL_NAME CODE EXPECTED"
                    + " [INSPECT_CODE INSPECT_EXPECTED]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", ""), token = args[1], kernelName = args[2];
        String code = args[3], expected = args[4];
        String inspectCode = args.length == 7 ? args[5] : null, inspectExpected = args.length == 7 ? args[6] : null;
        // HTTP/1.1: the default HTTP/2 upgrade (h2c) makes JupyterHub's configurable-http-proxy drop the request.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Instant t0 = Instant.now();
        HttpResponse<String> created;
        try {
            created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels"))
                    .header("Authorization", "token " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":" + json(kernelName) + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            fail("POST /api/kernels failed: " + e);
            return;
        }
        if (created.statusCode() != 201) {
            fail("POST /api/kernels answered " + created.statusCode() + ": " + created.body());
        }
        String id = field(created.body(), "id");
        System.out.println("kernel: started " + kernelName + " id=" + id);
        int status = 1;
        try {
            status = runCell(http, base, token, id, code, expected, inspectCode, inspectExpected, t0);
        } catch (Exception e) {  // a dying kernel closes the channel mid-cell: report it, don't crash
            status = failed("the kernel channel failed: " + e + " (kernel state: " + kernelState(http, base, token, id) + ")");
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + id))
                    .header("Authorization", "token " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        System.exit(status);
    }

    private static int runCell(HttpClient http, String base, String token, String id, String code, String expected,
                               String inspectCode, String inspectExpected, Instant t0) throws Exception {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        String wsUrl = base.replaceFirst("^http", "ws") + "/api/kernels/" + id + "/channels?session_id="
                + UUID.randomUUID() + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        WebSocket ws;
        try {  // jupyter_server accepts the socket only once the kernel process has started
            // The token both ways: in the URL as JupyterLab sends it, and as a header, which JupyterHub's
            // single-user server accepts even where tokens in URLs are turned off.
            ws = http.newWebSocketBuilder().header("Authorization", "token " + token)
                    .buildAsync(URI.create(wsUrl), new Collector(inbox))
                    .get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            String why = e.getCause() instanceof java.net.http.WebSocketHandshakeException h
                    ? "handshake answered HTTP " + h.getResponse().statusCode() + " " + h.getResponse().body()
                    : e.toString();
            return failed("the kernel channel did not open within " + READY_TIMEOUT.toSeconds() + " s (" + why
                    + "; kernel state: " + kernelState(http, base, token, id) + ")");
        }
        String session = UUID.randomUUID().toString();

        // The kernel JVM may take a few seconds to start: ask for kernel_info until it answers.
        Instant readyBy = Instant.now().plus(READY_TIMEOUT);
        boolean ready = false;
        while (!ready && Instant.now().isBefore(readyBy)) {
            String infoId;
            try {
                infoId = send(ws, session, "shell", "kernel_info_request", "{}");
            } catch (java.util.concurrent.CompletionException e) {  // the server closes it when the kernel dies
                return failed("the kernel channel closed before the kernel answered (" + e.getCause()
                        + "; kernel state: " + kernelState(http, base, token, id) + ")");
            }
            Instant retryAt = Instant.now().plusSeconds(3);
            String msg;
            while (!ready && (msg = inbox.poll(Math.max(1, Duration.between(Instant.now(), retryAt).toMillis()),
                    TimeUnit.MILLISECONDS)) != null) {
                ready = "kernel_info_reply".equals(field(msg, "msg_type")) && msg.contains(infoId);
            }
        }
        if (!ready) {
            return failed("the kernel did not answer kernel_info_request within " + READY_TIMEOUT.toSeconds()
                    + " s (kernel state: " + kernelState(http, base, token, id) + ")");
        }
        System.out.printf("kernel: ready %.1f s after POST /api/kernels%n",
                Duration.between(t0, Instant.now()).toMillis() / 1000.0);

        Instant sent = Instant.now();
        String execId = send(ws, session, "shell", "execute_request", "{\"code\":" + json(code)
                + ",\"silent\":false,\"store_history\":true,\"user_expressions\":{},\"allow_stdin\":false,"
                + "\"stop_on_error\":true}");
        StringBuilder stdout = new StringBuilder(), other = new StringBuilder();
        String replyStatus = null;
        boolean idle = false;
        Instant cellBy = Instant.now().plus(CELL_TIMEOUT);
        while ((replyStatus == null || !idle) && Instant.now().isBefore(cellBy)) {
            String msg = inbox.poll(1, TimeUnit.SECONDS);
            if (msg == null || !parentId(msg).equals(execId)) {
                continue;
            }
            switch (field(msg, "msg_type")) {
                case "stream" -> (("stdout".equals(field(msg, "name"))) ? stdout : other).append(field(msg, "text"));
                case "error" -> other.append(field(msg, "ename")).append(": ").append(field(msg, "evalue")).append('\n');
                case "execute_reply" -> replyStatus = field(msg, "status");
                case "status" -> idle = idle || "idle".equals(field(msg, "execution_state"));
                default -> { }
            }
        }
        System.out.printf("kernel: cell %s in %d ms, stdout: %s%n", replyStatus,
                Duration.between(sent, Instant.now()).toMillis(), stdout.toString().strip());
        if (!other.isEmpty()) {
            System.out.println("kernel: other output: " + other.toString().strip());
        }
        if (!"ok".equals(replyStatus) || !stdout.toString().contains(expected)) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            return failed("expected status ok and stdout containing '" + expected + "', saw status " + replyStatus);
        }
        System.out.println("kernel: OK, the cell printed '" + expected + "'");
        int status = inspectCode == null ? 0 : inspect(ws, session, inbox, inspectCode, inspectExpected);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        return status;
    }

    /** Shift-Tab: an inspect_request with the cursor at the end of {@code code}; the reply must hold {@code expected}. */
    private static int inspect(WebSocket ws, String session, BlockingQueue<String> inbox, String code, String expected)
            throws InterruptedException {
        Instant sent = Instant.now();
        String inspectId = send(ws, session, "shell", "inspect_request", "{\"code\":" + json(code)
                + ",\"cursor_pos\":" + code.codePointCount(0, code.length()) + ",\"detail_level\":0}");
        String reply = null;
        Instant by = Instant.now().plus(CELL_TIMEOUT);
        while (reply == null && Instant.now().isBefore(by)) {
            String msg = inbox.poll(1, TimeUnit.SECONDS);
            if (msg != null && parentId(msg).equals(inspectId) && "inspect_reply".equals(field(msg, "msg_type"))) {
                reply = msg;
            }
        }
        if (reply == null) {
            return failed("no inspect_reply to '" + code + "' within " + CELL_TIMEOUT.toSeconds() + " s");
        }
        String text = field(reply, "text/plain");
        System.out.printf("kernel: inspect '%s' %s, found=%s in %d ms: %s%n", code, field(reply, "status"),
                field(reply, "found"), Duration.between(sent, Instant.now()).toMillis(),
                text.strip().replace('\n', ' '));
        if (!"true".equals(field(reply, "found")) || !text.contains(expected)) {
            return failed("expected the inspect reply to '" + code + "' to contain '" + expected + "'");
        }
        System.out.println("kernel: OK, Shift-Tab on '" + code + "' shows '" + expected + "'");
        return 0;
    }

    /** Sends one Jupyter message in the server's JSON WebSocket framing; returns its msg_id. */
    private static String send(WebSocket ws, String session, String channel, String type, String content) {
        String msgId = UUID.randomUUID().toString();
        String header = "{\"msg_id\":" + json(msgId) + ",\"username\":\"test\",\"session\":" + json(session)
                + ",\"msg_type\":" + json(type) + ",\"version\":\"5.3\",\"date\":" + json(Instant.now().toString()) + "}";
        ws.sendText("{\"header\":" + header + ",\"parent_header\":{},\"metadata\":{},\"content\":" + content
                + ",\"channel\":" + json(channel) + ",\"buffers\":[]}", true).join();
        return msgId;
    }

    private static String kernelState(HttpClient http, String base, String token, String id) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + id))
                    .header("Authorization", "token " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            return field(body, "execution_state");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Reassembles fragmented text frames into whole messages. */
    private record Collector(BlockingQueue<String> inbox, StringBuilder partial) implements WebSocket.Listener {
        Collector(BlockingQueue<String> inbox) {
            this(inbox, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    // A few lines of JSON handling instead of a library: the test stays a single file with no dependencies.
    // field() finds the first "name": value; enough for Jupyter's flat header/content fields used here.
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\s]+)")
                .matcher(json);
        if (!m.find()) {
            return "";
        }
        return m.group(2) != null ? unescape(m.group(2)) : m.group(1);
    }

    private static String parentId(String msg) {
        int at = msg.indexOf("\"parent_header\"");
        return at < 0 ? "" : field(msg.substring(at), "msg_id");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static int failed(String why) {
        System.out.println("kernel: FAIL, " + why);
        return 1;
    }

    private static void fail(String why) {
        System.out.println("kernel: FAIL, " + why);
        System.exit(1);
    }
}
