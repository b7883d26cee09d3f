package netlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
}
