package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import netlab.kernel.protocol.Transport.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** A tiny Jupyter client over {@link InMemoryTransport}: sends requests, waits for replies and iopub. */
final class FrontEnd {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final byte[] IDENTITY = "front-end-1".getBytes(StandardCharsets.UTF_8);

    private final InMemoryTransport transport;
    private final String session = UUID.randomUUID().toString();
    private final List<Message> iopub = new ArrayList<>();

    FrontEnd(InMemoryTransport transport) {
        this.transport = transport;
    }

    static Message request(String session, String type, Object content) {
        return new Message(List.of(IDENTITY), ZmqClient.header(session, type), new JsonObject(), new JsonObject(),
                Json.object(content));
    }

    Message send(Channel channel, String type, Object content) {
        Message request = request(session, type, content);
        transport.toKernel(channel, request);
        return request;
    }

    Message shell(String type, Object content) {
        return send(Channel.SHELL, type, content);
    }

    Message execute(String code) {
        return execute(code, Map.of());
    }

    /** An execute_request with jupyter_client's defaults, overridden by {@code options}. */
    Message execute(String code, Map<String, Object> options) {
        JsonObject content = ZmqClient.executeContent(code);
        Json.object(options).entrySet().forEach(e -> content.add(e.getKey(), e.getValue()));
        return shell("execute_request", content);
    }

    /** The reply to {@code request} on {@code channel}; fails if another reply comes first. */
    Message reply(Channel channel, Message request) throws InterruptedException {
        Message reply = transport.fromKernel(channel, WAIT);
        assertNotNull(reply, "no reply to " + request.type() + " within " + WAIT);
        assertEquals(request.id(), reply.parentHeader().get("msg_id").getAsString(), "reply to another request");
        assertEquals(request.identities(), reply.identities(), "routed to another front end");
        return reply;
    }

    Message reply(Message request) throws InterruptedException {
        return reply(Channel.SHELL, request);
    }

    /** Every iopub message whose parent is {@code request}, in order, up to and including its idle status. */
    List<Message> iopubUntilIdle(Message request) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> mine = iopubOf(request);
            if (!mine.isEmpty() && isIdle(mine.getLast())) {
                return mine;
            }
            Message next = transport.fromKernel(Channel.IOPUB, Duration.ofMillis(100));
            if (next != null) {
                iopub.add(next);
            }
        }
        return fail("no idle status for " + request.type() + " within " + WAIT + "; iopub so far: " + types(iopub));
    }

    /** Iopub messages already received (without waiting) whose parent is {@code request}. */
    List<Message> iopubOf(Message request) throws InterruptedException {
        for (Message next; (next = transport.fromKernel(Channel.IOPUB, Duration.ZERO)) != null; ) {
            iopub.add(next);
        }
        return iopub.stream().filter(m -> request.id().equals(Json.string(m.parentHeader(), "msg_id", ""))).toList();
    }

    static boolean isIdle(Message message) {
        return message.type().equals("status")
                && Json.string(message.content(), "execution_state", "").equals("idle");
    }

    static List<String> types(List<Message> messages) {
        return messages.stream().map(m -> m.type().equals("status")
                ? "status:" + Json.string(m.content(), "execution_state", "") : m.type()).toList();
    }

    /** The concatenated text of the stream messages named {@code name}. */
    static String streamText(List<Message> messages, String name) {
        StringBuilder text = new StringBuilder();
        messages.stream().filter(m -> m.type().equals("stream") && Json.string(m.content(), "name", "").equals(name))
                .forEach(m -> text.append(Json.string(m.content(), "text", "")));
        return text.toString();
    }
}
