package netlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** Every message of a session, from any thread, gets its own msg_id; two kernels' ids never meet. */
    @Test
    void msgIdsAreUniqueAcrossThreadsAndSessions() {
        Messages one = new Messages();
        Messages other = new Messages();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 10_000).parallel().forEach(i -> ids.add(
                one.publish(null, "status", Map.of("execution_state", "busy")).header().get("msg_id").getAsString()));
        assertEquals(10_000, ids.size());
        Message a = one.request("kernel_info_request", Map.of());
        Message b = other.request("kernel_info_request", Map.of());
        String session = a.header().get("session").getAsString();
        assertTrue(a.header().get("msg_id").getAsString().startsWith(session + "_"), a.header().toString());
        assertNotEquals(session, b.header().get("session").getAsString());
        assertNotEquals(a.header().get("msg_id"), b.header().get("msg_id"));
    }

    /** A header's date reads as a formatter of the whole pattern writes it, across seconds, days and years. */
    @Test
    void datesReadAsTheProtocolWritesThem() {
        DateTimeFormatter whole = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(ZoneOffset.UTC);
        Random random = new Random(19);
        Instant newYear = Instant.parse("2027-01-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            Instant t = i % 2 == 0
                    ? Instant.ofEpochSecond(random.nextLong(4_102_444_800L), random.nextInt(1_000_000_000))
                    : newYear.plusNanos(random.nextLong(-2_000_000_000L, 2_000_000_000L)); // a second's edge
            assertEquals(whole.format(t), Messages.date(t), t.toString());
        }
        assertEquals("2026-12-07T16:18:25.000000Z", Messages.date(Instant.parse("2026-12-07T16:18:25Z")));
        assertEquals("2026-12-07T16:18:25.999999Z", Messages.date(Instant.parse("2026-12-07T16:18:25.999999999Z")));
    }
}
