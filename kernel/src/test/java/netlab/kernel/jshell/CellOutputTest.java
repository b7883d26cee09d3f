package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import netlab.agent.DisplayFrames;
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
        CellOutput output = new CellOutput();
        RecordingIO io = new RecordingIO();
        output.attach(io);
        byte[] text = "✓✓".getBytes(StandardCharsets.UTF_8);
        output.stdout().write(text, 0, 2);
        output.drain();
        output.stdout().write(text, 2, text.length - 2);
        output.drain();
        assertEquals("✓✓", io.out.toString());
    }

    @Test
    void orderOfStreamsAndDisplaysIsKept() throws Exception {
        CellOutput output = new CellOutput();
        RecordingIO io = new RecordingIO();
        output.attach(io);
        output.stdout().write("one\n".getBytes(StandardCharsets.UTF_8));
        output.stderr().write("two\n".getBytes(StandardCharsets.UTF_8));
        byte[] frame = DisplayFrames.show(Map.of("text/plain", "three"), "d", false);
        output.display().write(frame, 0, 3); // frames arrive in pieces
        output.display().write(frame, 3, frame.length - 3);
        output.stdout().write("four\n".getBytes(StandardCharsets.UTF_8));
        output.drain();
        assertEquals(List.of("out:one\n", "err:two\n", "display:three", "out:four\n"), io.events);
    }
}
