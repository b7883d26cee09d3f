package netlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.display.Svg;
import org.junit.jupiter.api.Test;

class LadderTest {

    private static int width(Svg svg) {
        Matcher m = Pattern.compile("<svg [^>]*width=\"(\\d+)\"").matcher(svg.svg());
        assertTrue(m.find(), svg.svg());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void twoLanesKeepTheirWidthWhenTheLabelsFit() {
        assertEquals(2 * 190 + 40, width(new Ladder("TCP").arrow(0, 1, "SYN", false, "#222").svg(List.of("a", "b"))));
    }

    /** The label of an arrow from the right lane to the left starts at the left lane and may run past the right one. */
    @Test
    void aLongLabelWidensThePicture() {
        String label = "ACK 14 字节数据 seq=1001 ack=2001 → ESTABLISHED";
        Svg svg = new Ladder("TCP").arrow(1, 0, label, false, "#222").svg(List.of("client", "server"));
        int labelEnds = 20 + 190 / 2 + 4 + Svg.textWidth(label, 11);
        assertTrue(width(svg) >= labelEnds, width(svg) + " < " + labelEnds);
    }

    @Test
    void aChineseCharacterCountsAsTwoColumns() {
        assertEquals(55, Svg.textWidth("ACK 字节", 11));
    }
}
