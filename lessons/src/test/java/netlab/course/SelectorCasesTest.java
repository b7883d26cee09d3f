package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import netlab.exercise.CaseOutcome;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/**
 * The Selector exercise names the Selector's classic trap: a loop that never removes the keys it handled from
 * {@code selectedKeys()} meets the listening key again, where {@code accept()} returns null. On loopback.
 */
class SelectorCasesTest {

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

    private static CaseOutcome first(ServerExercises.SelectorLoop answer) {
        CheckReport report = Lang.readBy(() -> Lang.EN, () -> Check.evaluate("server.selector", answer));
        return report.outcomes().getFirst();
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
    void aNullOfAnotherKindIsReportedAsItself() {
        CaseOutcome other = first(OTHER_NULL);
        assertEquals(CaseOutcome.Status.ERROR, other.status(), other.toString());
        assertFalse(other.message().contains("selectedKeys()"), other.message());
        assertTrue(other.message().contains("NullPointerException"), other.message());
    }
}
