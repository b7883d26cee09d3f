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

    private static CellOutput withoutSession() {
        SessionLanguage english = new SessionLanguage(Lang.EN);
        return new CellOutput(new ThreadFailures(() -> null, new SnippetOrigins(), english), english);
    }
}
