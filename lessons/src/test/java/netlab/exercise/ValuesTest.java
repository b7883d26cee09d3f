package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a value a check expected or saw is shown: what does not show in a browser is escaped. */
class ValuesTest {

    @Test
    void aReceiveBuffersUnusedBytesShowAsARunOfNuls() {
        assertEquals("\"thank you\\0×1015\"", Values.show("thank you" + "\0".repeat(1015)));
    }

    @Test
    void aFramesLengthPrefixShows() {
        assertEquals("\"\\0\\u0005hello\"", Values.show("\0\u0005hello"));
        assertEquals("[a\\tb, c\\nd]", Values.show(List.of("a\tb", "c\nd")));
        assertEquals("\"zero\\u200bwidth\"", Values.show("zero\u200bwidth"), "a format character");
    }

    @Test
    void visibleTextIsAsItWas() {
        assertEquals("\"中文 and spaces  \"", Values.show("中文 and spaces  "));
        assertEquals("\"\\0\\0\\0\"", Values.show("\0\0\0"), "three stay three");
    }
}
