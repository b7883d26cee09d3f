package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    private static final List<Integer> NUMBERS = IntStream.range(0, 100_000).boxed().toList();

    private static String in(Lang lang, Object value) {
        return Lang.readBy(() -> lang, () -> ValueText.of(value));
    }

    @Test
    void aValueTheNotebookShowsWholeReadsAsJShellWritesIt() {
        assertEquals("\"a\\tb\"", ValueText.of("a\tb"));
        assertEquals("'x'", ValueText.of('x'));
        assertEquals("null", ValueText.of(null));
        assertEquals("[1, 2]", ValueText.of(List.of(1, 2)));
        String longest = "x".repeat(ValueText.MOST_CHARS - 2);
        assertEquals('"' + longest + '"', ValueText.of(longest));
        assertEquals("int[2] { 1, 2 }", ValueText.of(new int[] {1, 2}));
    }

    @Test
    void aLongValueShowsItsBeginningAndItsEndAndSaysHowMuchIsLeftOut() {
        String whole = NUMBERS.toString();
        String shown = in(Lang.EN, NUMBERS);
        int leftOut = whole.length() - ValueText.MOST_CHARS;
        String sentence = " … [%,d characters left out here; System.out.println(…) prints them all] … "
                .formatted(leftOut);
        assertEquals(whole.substring(0, ValueText.MOST_CHARS - ValueText.END_CHARS) + sentence
                + whole.substring(whole.length() - ValueText.END_CHARS), shown);
        assertTrue(shown.endsWith("99998, 99999]"), shown.substring(shown.length() - 40));
        assertTrue(in(Lang.ZH, NUMBERS).contains(" … 【这里略去了 %,d 个字符；".formatted(leftOut)));
    }

    @Test
    void theTextItJShellWouldCutArrivesWhole() {
        // JShell's forwarder sends a value of at most 21,844 characters whole and cuts the middle out of a longer one
        assertTrue(in(Lang.ZH, "字".repeat(1_000_000)).length() < 21_844);
        assertTrue(in(Lang.EN, NUMBERS).length() < 21_844);
    }

    @Test
    void noCharacterIsCutInHalf() {
        for (int offset = 0; offset < 2; offset++) {
            String shown = ValueText.of("x".repeat(offset) + "😀".repeat(40_000));
            for (int i = 0; i < shown.length(); i++) {
                char c = shown.charAt(i);
                assertFalse(Character.isHighSurrogate(c) && (i + 1 == shown.length()
                        || !Character.isLowSurrogate(shown.charAt(i + 1))), "a lone high surrogate at " + i);
                assertFalse(Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(shown.charAt(i - 1))),
                        "a lone low surrogate at " + i);
            }
        }
    }
}
