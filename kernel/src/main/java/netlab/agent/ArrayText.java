package netlab.agent;

import java.lang.reflect.Array;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Function;

/**
 * An array as JShell writes a value ({@code int[3] { 1, 2, 3 }}, {@code int[2][] { int[1] { 0 }, int[1] { 0 } }}),
 * written only as far as the notebook can show it. JShell's own text held every element — 300 MB of text for
 * {@code byte[] data = new byte[60_000_000];}, which ran the agent out of memory and failed a declaration that
 * had worked, though its forwarder then sends only the first and last 21,844 characters — and never ended for an
 * array that holds itself ({@code arr[0] = arr}), where the student read that a method of theirs recursed.
 *
 * <p>Here the elements stop once the text has {@link #MOST_CHARS} characters ({@code byte[60000000] { 0, 0, ...
 * }}); an array already being written, or one nested deeper than {@link #MOST_DEPTH}, shows its type and length
 * only ({@code Object[1] { Object[1] { ... } }}).
 */
final class ArrayText {

    /** Less than what JShell's forwarder sends whole (21,844 characters), so the text arrives as written. */
    static final int MOST_CHARS = 20_000;
    static final int MOST_DEPTH = 64;

    private ArrayText() {
    }

    /** {@code array}'s text, each element that is no array written by {@code elementText}. */
    static String of(Object array, Function<Object, String> elementText) {
        StringBuilder text = new StringBuilder();
        append(array, text, Collections.newSetFromMap(new IdentityHashMap<>()), elementText);
        return text.toString();
    }

    private static void append(Object array, StringBuilder text, Set<Object> open,
                               Function<Object, String> elementText) {
        int length = Array.getLength(array);
        Class<?> element = array.getClass();
        int dimensions = 0;
        while (element.isArray()) {
            element = element.getComponentType();
            dimensions++;
        }
        String name = element.getTypeName();
        text.append(name, name.lastIndexOf('.') + 1, name.length()).append('[').append(length).append(']')
                .append("[]".repeat(dimensions - 1));
        if (open.size() >= MOST_DEPTH || !open.add(array)) {
            text.append(" { ... }");
            return;
        }
        text.append(" { ");
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            if (text.length() >= MOST_CHARS) {
                text.append("...");
                break;
            }
            Object value = Array.get(array, i);
            if (value != null && value.getClass().isArray()) {
                append(value, text, open, elementText);
            } else {
                text.append(elementText.apply(value));
            }
        }
        text.append(" }");
        open.remove(array);
    }
}
