package netlab.agent;

import java.util.Locale;
import jdk.jshell.execution.DirectExecutionControl;
import netlab.text.Text;

/**
 * A value's text as the notebook shows it (a cell's last expression, {@code /vars}): JShell's text, an array's as
 * {@link ArrayText} writes it, and any other text longer than {@link #MOST_CHARS} characters as its beginning and
 * its end around a sentence, in the student's language, that says how much is left out and how to see it all:
 *
 * <pre>{@code
 * IntStream.range(0, 100_000).boxed().toList()
 * // [0, 1, 2, 3, … 3183, 3184, … [668,890 characters left out here; System.out.println(…) prints them all] …
 * // 9714, 99715, … 99998, 99999]
 * }</pre>
 *
 * JShell's forwarder sends at most 21,844 characters of a value and, past that, cuts its middle out and joins the
 * rest with {@code " ... "}: a list of 100,000 numbers read {@code [0, 1, … 14563, 145 ... 4, 99995, …, 99999]},
 * which looks like a list and hides how much is missing.
 */
final class ValueText {

    /** What the notebook shows of one value: less than JShell's forwarder sends whole (21,844 characters). */
    static final int MOST_CHARS = ArrayText.MOST_CHARS;
    /** The end of a long text shown after the sentence: a list's last elements and its closing bracket. */
    static final int END_CHARS = 2_000;

    private ValueText() {
    }

    /** {@code value}'s text, shortened as the class comment shows. */
    static String of(Object value) {
        // an array's text stops by itself, and its length is in it: byte[65536] { 0, 0, ... }
        return value != null && value.getClass().isArray() ? ArrayText.of(value, JShellText::of)
                : shortened(JShellText.of(value));
    }

    /** {@code text} itself up to {@link #MOST_CHARS} characters, else its beginning and end around the sentence. */
    static String shortened(String text) {
        if (text.length() <= MOST_CHARS) {
            return text;
        }
        int headEnd = boundary(text, MOST_CHARS - END_CHARS);
        int tailStart = boundary(text, text.length() - END_CHARS);
        return text.substring(0, headEnd) + " … " + Text.of("kernel.value.shortened",
                String.format(Locale.ROOT, "%,d", tailStart - headEnd)) + " … " + text.substring(tailStart);
    }

    /** {@code at}, or one before it where it would split a character outside the Basic Multilingual Plane. */
    private static int boundary(String text, int at) {
        return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    /** JShell's own text of a value that is no array (a string quoted and escaped, a char in quotes). */
    private static final class JShellText extends DirectExecutionControl {
        static String of(Object value) {
            return valueString(value);
        }
    }
}
