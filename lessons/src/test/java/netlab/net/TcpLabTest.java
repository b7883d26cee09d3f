package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The experiments assert what Linux does; they run on loopback with a few clients and short timeouts. */
class TcpLabTest {

    @Test
    void backlogBoundsTheAcceptQueueAtBacklogPlusOne() {
        BacklogExperiment r = TcpLab.backlog(2, 5, Duration.ofSeconds(1));
        assertEquals(5, r.clients().size());
        assertEquals(3, r.connected(), r.toString());
        // the first backlog+1 connect without any accept(); the rest have their SYNs dropped
        for (BacklogExperiment.Attempt a : r.clients()) {
            assertEquals(a.client() <= 3, a.connected(), r.toString());
        }
        assertEquals(3, r.acceptQueue(), "Recv-Q of the LISTEN row");
        assertTrue(r.afterOneAccept(), "one accept() frees one slot");
        String html = r.mimeBundle().get("text/html");
        assertTrue(html.contains("<td>4</td><td>timed out (SYN dropped)</td>"), html);
        assertTrue(html.contains("<td>3</td><td>connected</td>"), html);
    }

    @Test
    void timeWaitIsSeenInTheSocketTableAndSoReuseAddrLetsThePortBeBoundAgain() {
        TimeWaitExperiment r = TcpLab.timeWait();
        assertFalse(r.timeWaitRows().isEmpty(), r.toString());
        SocketEntry row = r.timeWaitRows().getFirst();
        assertEquals(r.port(), row.localPort());
        assertEquals(TcpState.TIME_WAIT, row.state());
        assertEquals(0, row.inode());
        assertEquals("Address already in use", r.withoutReuse());
        assertEquals("ok", r.withReuse());
        assertTrue(r.mimeBundle().get("text/html").contains(" TIME_WAIT (inode 0"));
    }

    @Test
    void shortConnectionsLeaveOneTimeWaitEach() {
        ConnectionCost r = TcpLab.longVsShort(20);
        assertEquals(20, r.requests());
        assertEquals(20, r.timeWaitAfter(), r.toString());
        assertTrue(r.longTotal().toNanos() > 0 && r.shortTotal().toNanos() > 0);
        String html = r.table().html();
        assertTrue(html.contains("<td>long: 1 connection</td><td>1</td>"), html);
        assertTrue(html.contains("<td>short: 20 connections</td><td>20</td>"), html);
        assertTrue(html.contains("<td>20</td></tr></tbody>"), html);
    }
}
