package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.execution.DirectExecutionControl;
import org.junit.jupiter.api.Test;

class ArrayTextTest {

    /** JShell's own text of a value, to compare with. */
    private static final class JShellText extends DirectExecutionControl {
        static String of(Object value) {
            return valueString(value);
        }
    }

    private static String text(Object array) {
        return ArrayText.of(array, JShellText::of);
    }

    @Test
    void anArrayTheNotebookShowsWholeReadsAsJShellWritesIt() {
        List<Object> arrays = List.of(new int[0], new int[] {1, 2, 3}, new int[3][2], new String[] {"a", null, "c\""},
                new char[] {'x', '\''}, new Object[][] {{}, {1, "two"}}, new java.net.InetAddress[1],
                new double[2][3][], new Thread.State[] {Thread.State.NEW}, new byte[6_000]);
        for (Object array : arrays) {
            assertEquals(JShellText.of(array), text(array));
        }
    }

    @Test
    void aLongArrayStopsWhereTheNotebookWould() {
        String shown = text(new byte[60_000_000]);
        assertTrue(shown.startsWith("byte[60000000] { 0, 0, ") && shown.endsWith(", 0, ... }"), shown);
        assertTrue(shown.length() >= ArrayText.MOST_CHARS && shown.length() < ArrayText.MOST_CHARS + 10,
                shown.length() + " characters");
    }

    @Test
    void anArrayThatHoldsItselfOrNestsEndlesslyEnds() {
        Object[] self = new Object[2];
        self[0] = self;
        self[1] = "end";
        assertEquals("Object[2] { Object[2] { ... }, \"end\" }", text(self));

        Object[] deep = new Object[1];
        Object[] at = deep;
        for (int i = 0; i < 100_000; i++) {
            Object[] next = new Object[1];
            at[0] = next;
            at = next;
        }
        String shown = text(deep);
        assertEquals(ArrayText.MOST_DEPTH + 1, shown.split("Object\\[1]", -1).length - 1, shown);
        assertTrue(shown.contains("Object[1] { ... }"), shown);
    }

    /** One array twice, side by side, is no loop: both show in full. */
    @Test
    void anArraySharedBySiblingsShowsEachTime() {
        int[] shared = {7};
        assertEquals("Object[2] { int[1] { 7 }, int[1] { 7 } }", text(new Object[] {shared, shared}));
    }
}
