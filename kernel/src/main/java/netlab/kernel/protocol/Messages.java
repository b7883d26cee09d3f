package netlab.kernel.protocol;

import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the kernel's outgoing messages: fresh headers in this kernel's session, parent = the request. */
final class Messages {

    static final String PROTOCOL_VERSION = "5.3";

    /** A header's date to the second, UTC; {@link #date} adds the microseconds. */
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The last second a header was dated in, formatted: one cell's messages all fall in one or two. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private final String session = UUID.randomUUID().toString();
    /**
     * Numbers this session's messages: a msg_id is the session and its number, as jupyter_client makes its own. A
     * random UUID per message read /dev/urandom under a lock about six times a cell, 3% of the kernel's shell
     * thread over a session's first 200 cells (JFR, 1 ms samples).
     */
    private final AtomicLong sent = new AtomicLong();

    /** A reply on the request's channel, routed back to the request's sender. */
    Message reply(Message request, String type, Object content) {
        return new Message(request.identities(), header(type), request.header(), new JsonObject(),
                Json.object(content));
    }

    /** An iopub message; {@code parent} may be null (kernel-wide messages such as the first status). */
    Message publish(Message parent, String type, Object content) {
        List<byte[]> topic = List.of(("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8));
        return new Message(topic, header(type), parent == null ? new JsonObject() : parent.header(),
                new JsonObject(), Json.object(content));
    }

    /** A request as a client sends it, in this object's session: what {@link Rehearsal} asks its kernel. */
    Message request(String type, Object content) {
        return new Message(List.of(), header(type), new JsonObject(), new JsonObject(), Json.object(content));
    }

    /** A stdin message to whoever sent the shell request {@code parent}. */
    Message toStdin(Message parent, String type, Object content) {
        return reply(parent, type, content);
    }

    private JsonObject header(String type) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", session + "_" + sent.getAndIncrement());
        header.addProperty("session", session);
        header.addProperty("username", "kernel");
        header.addProperty("date", date(Instant.now()));
        header.addProperty("msg_type", type);
        header.addProperty("version", PROTOCOL_VERSION);
        return header;
    }

    /**
     * {@code t} with microseconds, UTC, as jupyter_client writes and parses a header's date
     * ({@code 2026-12-07T16:18:25.123456Z}). A formatter run for every message took 3% of the kernel's shell thread
     * over a session's first 200 cells (JFR, 1 ms samples), while the JIT had not compiled it yet; the second
     * changes seldom, so it is formatted once and the microseconds are appended.
     */
    static String date(Instant t) {
        Second second = lastSecond;
        if (second.epochSecond() != t.getEpochSecond()) {
            second = new Second(t.getEpochSecond(), SECOND.format(t));
            lastSecond = second; // threads that race here format the same second
        }
        String micros = Integer.toString(1_000_000 + t.getNano() / 1_000); // "1" and six digits
        return second.text() + "." + micros.substring(1) + "Z";
    }
}
