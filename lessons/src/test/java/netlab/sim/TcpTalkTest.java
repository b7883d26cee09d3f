package netlab.sim;

import static netlab.net.TcpState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.sim.TcpTalk.Side;
import org.junit.jupiter.api.Test;

class TcpTalkTest {

    @Test
    void handshakeDataAndFourSegmentTeardown() {
        TcpTalk t = TcpTalk.create(7).connect();
        List<TcpTalk.Segment> s = t.segments();
        assertEquals(List.of("SYN", "SYN+ACK", "ACK"), s.stream().map(TcpTalk.Segment::flags).toList());
        long c = t.isn(Side.CLIENT);
        long v = t.isn(Side.SERVER);
        assertEquals(c, s.get(0).seq());
        assertEquals(v, s.get(1).seq());
        assertEquals((c + 1) & 0xFFFFFFFFL, s.get(1).ack(), "SYN consumes one number");
        assertEquals((v + 1) & 0xFFFFFFFFL, s.get(2).ack());
        assertEquals(ESTABLISHED, t.state(Side.CLIENT));
        assertEquals(ESTABLISHED, t.state(Side.SERVER));
        t.send(Side.CLIENT, "hello");
        assertEquals((c + 6) & 0xFFFFFFFFL, t.segments().get(4).ack(), "5 bytes after the SYN");
        t.close(Side.CLIENT);
        assertEquals(FIN_WAIT2, t.state(Side.CLIENT));
        assertEquals(CLOSE_WAIT, t.state(Side.SERVER));
        t.close(Side.SERVER);
        assertEquals(TIME_WAIT, t.state(Side.CLIENT), "the side that closes first waits");
        assertEquals(CLOSE, t.state(Side.SERVER));
        assertEquals(9, t.segments().size());
        t.expire();
        assertEquals(List.of(CLOSE, SYN_SENT, ESTABLISHED, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSE), t.path(Side.CLIENT));
        assertEquals(List.of(CLOSE, LISTEN, SYN_RECV, ESTABLISHED, CLOSE_WAIT, LAST_ACK, CLOSE), t.path(Side.SERVER));
        assertTrue(t.diagram(Side.CLIENT).svg().contains("#dc322f"));
        assertTrue(t.ladder().svg().contains("SYN+ACK"));
    }

    @Test
    void piggybackedTeardownIsThreeSegments() {
        TcpTalk t = TcpTalk.create(1).connect().closeAndPeerCloses(Side.CLIENT);
        assertEquals(List.of("FIN+ACK", "FIN+ACK", "ACK"), t.segments().subList(3, 6).stream().map(TcpTalk.Segment::flags).toList());
        assertEquals(List.of(CLOSE, SYN_SENT, ESTABLISHED, FIN_WAIT1, TIME_WAIT), t.path(Side.CLIENT));
        assertEquals(CLOSE, t.state(Side.SERVER));
    }

    @Test
    void simultaneousCloseGoesThroughClosingOnBothSides() {
        TcpTalk t = TcpTalk.create(2).connect().closeBoth();
        assertEquals(List.of(CLOSE, SYN_SENT, ESTABLISHED, FIN_WAIT1, CLOSING, TIME_WAIT), t.path(Side.CLIENT));
        assertEquals(TIME_WAIT, t.state(Side.SERVER));
    }

    @Test
    void simultaneousOpenGoesThroughSynReceived() {
        TcpTalk t = TcpTalk.create(3).simultaneousOpen();
        assertEquals(List.of(CLOSE, SYN_SENT, SYN_RECV, ESTABLISHED), t.path(Side.CLIENT));
        assertEquals(List.of(CLOSE, SYN_SENT, SYN_RECV, ESTABLISHED), t.path(Side.SERVER));
    }

    @Test
    void resetSkipsTheTeardown() {
        TcpTalk t = TcpTalk.create(4).connect().reset(Side.CLIENT);
        assertEquals(CLOSE, t.state(Side.CLIENT));
        assertEquals(CLOSE, t.state(Side.SERVER));
        assertEquals(4, t.segments().size());
    }

    @Test
    void sequenceNumbersWrap() {
        assertEquals(0, TcpFsm.nextSeq(0xFFFFFFFFL, 0, true, false));
        assertEquals(9, TcpFsm.nextSeq(0xFFFFFFF0L, 25, false, false));
    }

    @Test
    void unknownArrowsKeepTheState() {
        assertEquals(ESTABLISHED, TcpFsm.next(ESTABLISHED, TcpEvent.RCV_ACK));
        assertEquals(CLOSE, TcpFsm.next(LAST_ACK, TcpEvent.RCV_ACK));
    }
}
