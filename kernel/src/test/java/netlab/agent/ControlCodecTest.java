package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every control record survives the wire both JVMs share, and a corrupt frame is refused, not guessed at. */
class ControlCodecTest {

    @Test
    void everyRequestRoundTrips() throws IOException {
        for (Control.Request r : List.of(new Control.BeginCell(7, "cell-id 网", 5_000_000, 100_000), new Control.EndCell(),
                new Control.EndAfterInvoke("REPL.$JShell$netlabValue7"),
                new Control.AwaitQuiet("k", 2500), new Control.ListOpen(), new Control.ReleasePort(7788),
                new Control.ReleaseAll(), new Control.ReadFile("笔记/helpers.jsh"))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ControlCodec.write(new DataOutputStream(bytes), r);
            assertEquals(r, ControlCodec.readRequest(in(bytes.toByteArray())));
        }
    }

    private static final Control.Resource UDP_7788 =
            new Control.Resource(Control.Kind.UDP_SOCKET, 7788, "", 0, Control.State.RELEASED);

    @Test
    void everyReplyRoundTripsAndABundleBeyondWriteUtfsLimitSurvives() throws IOException {
        String svg = "<svg>" + "网".repeat(40_000) + "</svg>"; // 120 KB of UTF-8: writeUTF would refuse it
        for (Control.Reply r : List.of(new Control.Began(List.of(UDP_7788)),
                new Control.Ended(12, Map.of("image/svg+xml", svg)), new Control.Ended(0, Map.of()),
                new Control.Quiet(),
                new Control.StillRunning(List.of(new Control.Lingerer(true, "d1", "BLOCKED", true, 0),
                        new Control.Lingerer(false, "ThreadPoolExecutor", "", false, 2)), 9_980),
                new Control.Open(List.of(new Control.OpenResource(new Control.Resource(Control.Kind.TCP_SOCKET, 50123,
                        "127.0.0.1:80", 0, Control.State.OPEN), "c1"), new Control.OpenResource(new Control.Resource(
                        Control.Kind.THREAD, 0, "工人", 0, Control.State.STOPPED_STILL_RUNNING), "c2"))),
                new Control.Released(List.of()), new Control.Released(List.of(UDP_7788,
                        new Control.Resource(Control.Kind.THREADS, 0, "", 100_000, Control.State.RELEASED),
                        new Control.Resource(Control.Kind.PROCESS, 0, "sleep", 4711, Control.State.RELEASED))), new Control.Failed(Control.Why.REFUSED, "boom"),
                new Control.FileBytes("int 网 = 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Control.FileBytes(new byte[0]),
                new Control.Unreadable(Control.Unreadable.Reason.TOO_LARGE, ""),
                new Control.Unreadable(Control.Unreadable.Reason.OTHER, "FileSystemException: x: Input/output error"))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ControlCodec.write(new DataOutputStream(bytes), r);
            assertEquals(r, ControlCodec.readReply(in(bytes.toByteArray())));
        }
    }

    @Test
    void corruptFramesAreRefused() {
        IOException tag = assertThrows(IOException.class, () -> ControlCodec.readReply(in(new byte[] {'?'})));
        assertEquals("corrupt control frame: reply tag 63", tag.getMessage());
        byte[] negative = {'r', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
        IOException count = assertThrows(IOException.class, () -> ControlCodec.readReply(in(negative)));
        assertEquals("corrupt control frame: count -16", count.getMessage());
        byte[] kind = {'r', 0, 0, 0, 1, 99};
        IOException badKind = assertThrows(IOException.class, () -> ControlCodec.readReply(in(kind)));
        assertEquals("corrupt control frame: resource kind 99", badKind.getMessage());
        byte[] reason = {'u', 9, 0, 0, 0, 0};
        IOException badReason = assertThrows(IOException.class, () -> ControlCodec.readReply(in(reason)));
        assertEquals("corrupt control frame: reason 9", badReason.getMessage());
        byte[] cut = {'d', 0, 0, 0, 9, 1, 2};
        assertThrows(java.io.EOFException.class, () -> ControlCodec.readReply(in(cut)));
    }

    /**
     * An agent that student code took over may announce any size: a frame larger than a real one is refused before
     * the reading JVM (a grading JVM reads every student's agent) makes room for it.
     */
    @Test
    void sizesNoRealFrameHasAreRefusedBeforeAnythingIsAllocated() {
        byte[] manyResources = {'o', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertEquals("corrupt control frame: count 2147483647",
                assertThrows(IOException.class, () -> ControlCodec.readReply(in(manyResources))).getMessage());
        byte[] longString = {'f', 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertEquals("corrupt control frame: length 2147483647",
                assertThrows(IOException.class, () -> ControlCodec.readReply(in(longString))).getMessage());
        int tooLarge = Control.MOST_FILE_BYTES + 1;
        byte[] largeFile = {'d', (byte) (tooLarge >>> 24), (byte) (tooLarge >>> 16), (byte) (tooLarge >>> 8),
                (byte) tooLarge};
        assertEquals("corrupt control frame: length " + tooLarge,
                assertThrows(IOException.class, () -> ControlCodec.readReply(in(largeFile))).getMessage());
    }

    /** What a frame carries is measured in UTF-8: a value's rich form longer than that is not sent. */
    @Test
    void aStringFitsAFrameByItsUtf8Length() {
        int most = ControlCodec.MOST_STRING_BYTES;
        assertTrue(ControlCodec.fits("x".repeat(most)));
        assertFalse(ControlCodec.fits("x".repeat(most + 1)));
        assertTrue(ControlCodec.fits("网".repeat(most / 3)));
        assertFalse(ControlCodec.fits("网".repeat(most / 3 + 1)));
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
