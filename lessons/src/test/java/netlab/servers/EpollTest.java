package netlab.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import netlab.net.SocketTable;
import org.junit.jupiter.api.Test;

class EpollTest {

    @Test
    void aSelectorIsAnEpollInstanceWatchingItsChannelsAndItsWakeupEventfd() throws IOException {
        try (Selector selector = Selector.open();
                ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel client = SocketChannel.open(listener.getLocalAddress())) {
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            assertThrows(IllegalStateException.class, () -> Epoll.of(selector)); // not told to epoll before a select
            selector.selectNow();
            Epoll epoll = Epoll.of(selector);
            assertTrue(epoll.watched().stream().anyMatch(w -> w.eventNames().equals("IN|ERR|HUP")), epoll.toString());
            String text = epoll.table().text();
            assertTrue(text.contains("LISTEN") && text.contains("eventfd"), text);
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_WRITE);
            selector.selectNow();
            assertTrue(Epoll.of(selector).watched().stream().anyMatch(w -> w.eventNames().startsWith("OUT")), Epoll.of(selector).toString());
        }
    }

    @Test
    void aVirtualThreadBlockedOnASocketIsWatchedByAnotherEpollInstance() throws Exception {
        try (EchoServer server = Servers.iterative(0); Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            int localPort = s.getLocalPort();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            long inode = SocketTable.read().ownedHere().localPort(localPort).entries().getFirst().inode();
            boolean watched = false;
            for (int i = 0; i < 200 && !watched; i++) { // until the reader has parked
                watched = Epoll.all().stream().anyMatch(e -> e.watched().stream().anyMatch(w -> w.inode() == inode));
                Thread.sleep(10);
            }
            assertTrue(watched, Epoll.all().toString());
            s.close();
            reader.join();
        }
    }

    @Test
    void fdinfoLinesAreParsed() {
        Epoll e = Epoll.parse(4, "pos:\t0\nflags:\t02\ntfd:        7 events:       19 data:     7ff100000007  pos:0 ino:12ba54 sdev:9\n"
                + "tfd:       13 events: 40000019 data:                d  pos:0 ino:40e sdev:10\n");
        assertEquals(List.of(7, 13), e.watched().stream().map(Epoll.Watched::fd).toList());
        assertEquals(0x12ba54, e.watched().getFirst().inode());
        assertEquals("IN|ERR|HUP|ONESHOT", e.watched().get(1).eventNames());
    }

    @Test
    void edgeTriggeredWithOneReadStrandsBytesThatLevelAndDrainingRead() {
        Readiness r = Readiness.simulate(100, 250, 0, 0, 0, 50, 0, 0);
        assertEquals(0, r.stranded(Readiness.Trigger.LEVEL));
        assertEquals(100, r.stranded(Readiness.Trigger.EDGE));
        assertEquals(0, r.stranded(Readiness.Trigger.EDGE_DRAIN));
        assertEquals(4, r.reports(Readiness.Trigger.LEVEL)); // 250 takes three reads, 50 one
        assertEquals(2, r.reports(Readiness.Trigger.EDGE));
        assertEquals(4, r.lanes().get(Readiness.Trigger.EDGE_DRAIN).getFirst().reads()); // 100, 100, 50, EAGAIN
        assertTrue(r.svg().startsWith("<svg") && r.table().text().contains("250"), r.table().text());
    }

    @Test
    void selectLimitsDescriptorNumbers() {
        assertEquals(1024, Multiplexers.FD_SETSIZE);
        assertEquals(6, Multiplexers.table().size());
        assertTrue(Multiplexers.all().getFirst().limit().contains("1024"));
    }
}
