package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayFramesTest {

    private static DisplayFrames.Frame roundTrip(byte[] frame) throws Exception {
        int len = ((frame[0] & 0xff) << 24) | ((frame[1] & 0xff) << 16) | ((frame[2] & 0xff) << 8) | (frame[3] & 0xff);
        assertEquals(frame.length - 4, len);
        return DisplayFrames.decode(Arrays.copyOfRange(frame, 4, frame.length));
    }

    @Test
    void showKeepsEveryMimeTypeIdAndUpdateFlag() throws Exception {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", "a circle ✓");
        bundle.put("image/svg+xml", "<svg>" + "x".repeat(100_000) + "</svg>"); // > 64 KiB: not writeUTF
        DisplayFrames.Frame f = roundTrip(DisplayFrames.show(bundle, "id-1", true));
        assertEquals(new DisplayFrames.Show(bundle, "id-1", true), f);
    }

    @Test
    void showWithoutIdAndClear() throws Exception {
        assertEquals(new DisplayFrames.Show(Map.of("text/plain", "x"), null, false),
                roundTrip(DisplayFrames.show(Map.of("text/plain", "x"), null, false)));
        assertEquals(new DisplayFrames.Clear(true), roundTrip(DisplayFrames.clear(true)));
    }
}
