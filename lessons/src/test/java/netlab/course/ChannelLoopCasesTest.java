package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import netlab.exercise.CaseOutcome;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/**
 * The poll-loop and Selector exercises name the classic traps of a loop over channels: an accepted channel left in
 * blocking mode, where the loop waits in one client's {@code read()}; keys never removed from
 * {@code selectedKeys()}, where the listening key comes back and {@code accept()} returns null. On loopback.
 */
class ChannelLoopCasesTest {

    /** What a student writes first: for-each over the selected keys, nothing removed. */
    private static final ServerExercises.SelectorLoop KEEPS_KEYS = (selector, server) -> {
        server.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (server.isOpen()) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isAcceptable()) {
                    SocketChannel c = server.accept();
                    c.configureBlocking(false);
                    c.register(selector, SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    SocketChannel c = (SocketChannel) key.channel();
                    buf.clear();
                    c.read(buf);
                    buf.flip();
                    c.write(buf);
                }
            }
        }
    };

    /** Removes every key it handles, then fails on a null of its own: not the trap. */
    private static final ServerExercises.SelectorLoop OTHER_NULL = (selector, server) -> {
        server.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer buf = null;
        while (server.isOpen()) {
            selector.select();
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isAcceptable()) {
                    server.accept().configureBlocking(false).register(selector, SelectionKey.OP_READ);
                } else {
                    ((SocketChannel) key.channel()).read(buf);
                }
            }
        }
    };

    /** A poll loop that forgot configureBlocking(false) on what accept() returned. */
    private static final ServerExercises.PollLoop BLOCKING_CLIENTS = server -> {
        List<SocketChannel> clients = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (server.isOpen()) {
            SocketChannel c = server.accept();
            if (c != null) {
                clients.add(c);
            }
            for (SocketChannel client : clients) {
                buf.clear();
                if (client.read(buf) > 0) {
                    buf.flip();
                    client.write(buf);
                }
            }
        }
    };

    /** Non-blocking, but never echoes: the line that does not come back is all there is to say. */
    private static final ServerExercises.PollLoop NEVER_ECHOES = server -> {
        List<SocketChannel> clients = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (server.isOpen()) {
            SocketChannel c = server.accept();
            if (c != null) {
                c.configureBlocking(false);
                clients.add(c);
            }
            for (SocketChannel client : clients) {
                buf.clear();
                client.read(buf);
            }
            Thread.onSpinWait();
        }
    };

    private static CaseOutcome first(String exercise, Object answer) {
        CheckReport report = Lang.readBy(() -> Lang.EN, () -> Check.evaluate(exercise, answer));
        return report.outcomes().getFirst();
    }

    private static CaseOutcome first(ServerExercises.SelectorLoop answer) {
        return first("server.selector", answer);
    }

    @Test
    void aLoopWaitingInABlockingChannelsReadIsToldToMakeItNonBlocking() {
        CaseOutcome blocked = first("server.poll-loop", BLOCKING_CLIENTS);
        assertEquals(CaseOutcome.Status.ERROR, blocked.status(), blocked.toString());
        assertTrue(blocked.message().startsWith("client 2's line did not come back. Your loop waits inside a"
                + " channel's read(), so that channel is still in blocking mode.") && blocked.message().endsWith(
                "read() returns 0 at once when there is nothing to read"), blocked.message());
    }

    @Test
    void aNonBlockingLoopThatDoesNotEchoIsNotToldAboutBlocking() {
        CaseOutcome silent = first("server.poll-loop", NEVER_ECHOES);
        assertEquals(CaseOutcome.Status.ERROR, silent.status(), silent.toString());
        assertFalse(silent.message().contains("blocking"), silent.message());
    }

    @Test
    void aLoopThatKeepsTheKeysItHandledIsToldToRemoveThem() {
        CaseOutcome kept = first(KEEPS_KEYS);
        assertEquals(CaseOutcome.Status.ERROR, kept.status(), kept.toString());
        assertTrue(kept.message().startsWith("When your loop failed, selectedKeys() still held ")
                && kept.message().contains("the listening socket's among them")
                && kept.message().contains("(Your loop threw NullPointerException: "), kept.message());
    }

    @Test
    void theSlowReaderCaseNamesTheTrapToo() {
        // its loop dies on the slow client's first read; the case's next client must not connect to the dead loop,
        // or its connection waits when the keys are read and the trap cannot be told from a listener with work
        CheckReport report = Lang.readBy(() -> Lang.EN, () -> Check.evaluate("server.selector", KEEPS_KEYS));
        CaseOutcome slow = report.outcomes().get(1);
        assertEquals(CaseOutcome.Status.ERROR, slow.status(), slow.toString());
        assertTrue(slow.message().startsWith("When your loop failed, selectedKeys() still held "), slow.message());
    }

    @Test
    void aNullOfAnotherKindIsReportedAsItself() {
        CaseOutcome other = first(OTHER_NULL);
        assertEquals(CaseOutcome.Status.ERROR, other.status(), other.toString());
        assertFalse(other.message().contains("selectedKeys()"), other.message());
        assertTrue(other.message().contains("NullPointerException"), other.message());
    }
}
