package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import netlab.agent.DisplayFrames;
import netlab.agent.UncaughtFrames;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class CellOutputTest {

    @Test
    void utf8PrefixStopsBeforeAnIncompleteCharacter() {
        byte[] check = "a✓".getBytes(StandardCharsets.UTF_8); // 'a' + 3 bytes
        assertEquals(4, CellOutput.completeUtf8Prefix(check));
        assertEquals(1, CellOutput.completeUtf8Prefix(new byte[] {check[0], check[1]}));
        assertEquals(1, CellOutput.completeUtf8Prefix(new byte[] {check[0], check[1], check[2]}));
        assertEquals(0, CellOutput.completeUtf8Prefix(new byte[0]));
    }

    @Test
    void charactersSplitAcrossPacketsArriveWhole() throws Exception {
        CellOutput output = withoutSession();
        RecordingIO io = new RecordingIO();
        output.attach(io, 1);
        byte[] text = "✓✓".getBytes(StandardCharsets.UTF_8);
        output.stdout().write(text, 0, 2);
        output.drain();
        output.stdout().write(text, 2, text.length - 2);
        output.drain();
        assertEquals("✓✓", io.out.toString());
    }

    @Test
    void orderOfStreamsAndDisplaysIsKept() throws Exception {
        CellOutput output = withoutSession();
        RecordingIO io = new RecordingIO();
        output.attach(io, 1);
        output.stdout().write("one\n".getBytes(StandardCharsets.UTF_8));
        output.stderr().write("two\n".getBytes(StandardCharsets.UTF_8));
        byte[] frame = DisplayFrames.show(Map.of("text/plain", "three"), "d", false);
        output.display().write(frame, 0, 3); // frames arrive in pieces
        output.display().write(frame, 3, frame.length - 3);
        output.stdout().write("four\n".getBytes(StandardCharsets.UTF_8));
        output.drain();
        assertEquals(List.of("out:one\n", "err:two\n", "display:three", "out:four\n"), io.events);
    }

    /** With no session to translate frames by, a thread's uncaught exception still reads in order, named. */
    @Test
    void aThreadsUncaughtExceptionReadsAsStderrInOrder() throws Exception {
        CellOutput output = withoutSession();
        RecordingIO io = new RecordingIO();
        output.attach(io, 1);
        output.stdout().write("before\n".getBytes(StandardCharsets.UTF_8));
        byte[] frame = UncaughtFrames.encode("worker", new IllegalStateException("boom", new java.io.IOException()));
        output.uncaught().write(frame, 0, 5);
        output.uncaught().write(frame, 5, frame.length - 5);
        output.drain();
        assertEquals(List.of("out:before\n", "err:Thread \"worker\" ended with an exception nobody caught:\n"
                + "java.lang.IllegalStateException: boom\njava.io.IOException\n"), io.events);
    }

    @Test
    void aDisplayThatCannotBeShownIsSaidInTheStudentsLanguage() throws Exception {
        CellOutput output = withoutSession();
        RecordingIO io = new RecordingIO();
        output.attach(io, 1);
        output.display().write(new byte[] {0, 0, 0, 1, 9}); // a frame of a kind no display has
        assertEquals(List.of("err:netlab could not show what your code displayed: unknown display frame kind 9\n"),
                io.events);
    }

    /** A large display arrives in JShell's 127-byte pieces whole, and the frame after it too. */
    @Test
    void aLargeDisplayInSmallPiecesArrivesWhole() throws Exception {
        CellOutput output = withoutSession();
        RecordingIO io = new RecordingIO();
        output.attach(io, 1);
        String svg = "<svg>" + "网".repeat(1_000_000) + "</svg>"; // 3 MB (bench/kernel-bench times a display)
        byte[] frame = DisplayFrames.show(Map.of("image/svg+xml", svg), "", false);
        byte[] next = DisplayFrames.show(Map.of("text/plain", "after"), "", false);
        byte[] both = java.util.Arrays.copyOf(frame, frame.length + next.length);
        System.arraycopy(next, 0, both, frame.length, next.length);
        for (int at = 0; at < both.length; at += 127) {
            output.display().write(both, at, Math.min(127, both.length - at));
        }
        assertEquals(2, io.displays.size());
        assertEquals(svg, io.displays.get(0).data().get("image/svg+xml"));
        assertEquals("after", io.displays.get(1).plainText());
    }

    /**
     * A frame longer than any display, as an agent that student code took over may announce, is dropped as it
     * arrives and said; what follows it shows.
     */
    @Test
    void aFrameLargerThanAnyDisplayIsSkippedAndSaid() throws Exception {
        CellOutput output = withoutSession();
        RecordingIO io = new RecordingIO();
        output.attach(io, 1);
        int announced = CellOutput.MOST_FRAME_BYTES + 1;
        output.display().write(new byte[] {(byte) (announced >>> 24), (byte) (announced >>> 16),
                (byte) (announced >>> 8), (byte) announced});
        byte[] junk = new byte[1 << 20];
        for (int sent = 0; sent < announced; sent += junk.length) {
            output.display().write(junk, 0, Math.min(junk.length, announced - sent));
        }
        output.display().write(DisplayFrames.show(Map.of("text/plain", "after"), "", false));
        assertEquals(List.of("err:netlab did not show something your code displayed: it was larger than 64 MB\n",
                "display:after"), io.events);
    }

    private static CellOutput withoutSession() {
        SessionLanguage english = new SessionLanguage(Lang.EN);
        return new CellOutput(new ThreadFailures(() -> null, new SnippetOrigins(), english), english);
    }
}
