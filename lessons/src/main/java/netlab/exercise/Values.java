package netlab.exercise;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import netlab.text.Lang;
import netlab.text.Message;

/**
 * How values appear in feedback (strings quoted, long values cut, always one line), and their canonical text:
 * the exact, one-line form in which the grader compares a case's actual value with its expected one.
 */
public final class Values {

    static final int MAX = 200;

    private Values() {
    }

    /** A value as feedback shows it: strings quoted, one line, long values cut. Example: {@code Values.show("a\nb")} is {@code "a\\nb"} in quotes. */
    public static String show(Object value) {
        return show(value, Lang.current());
    }

    /**
     * As {@link #show(Object)}, a catalogue message (also one inside a list or a set) worded in {@code lang}: a
     * case may expect one, and the grading JVM words each student's feedback in that student's language.
     */
    static String show(Object value, Lang lang) {
        String text = value instanceof String s ? "\"" + s + "\""
                : value instanceof char[] chars ? "\"" + new String(chars) + "\""
                : worded(value, lang);
        return oneLine(text);
    }

    private static String worded(Object value, Lang lang) {
        return switch (value) {
            case Message m -> m.in(lang);
            case Collection<?> items -> items.stream().map(i -> worded(i, lang))
                    .collect(Collectors.joining(", ", "[", "]"));
            case null, default -> String.valueOf(value);
        };
    }

    /**
     * {@code text} on one line, cut at {@link #MAX}, with what does not show escaped as in a Java literal: line
     * breaks, tabs, NULs and other control or format characters (a NUL as backslash-0, byte 5 as backslash-u0005),
     * a run of more than three as one with its count (backslash-0×1015). A received datagram's unused buffer, or a
     * frame's 2-byte length prefix, looked in a browser like nothing at all, so a wrong answer read exactly as the
     * expected one.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length() && line.length() <= MAX; ) {
            char c = text.charAt(i);
            if (!invisible(c)) {
                line.append(c);
                i++;
                continue;
            }
            int run = 1;
            while (i + run < text.length() && text.charAt(i + run) == c) {
                run++;
            }
            String escaped = escaped(c);
            line.append(escaped).append(run > 3 ? "×" + run : escaped.repeat(run - 1));
            i += run;
        }
        return line.length() <= MAX ? line.toString() : line.substring(0, MAX - 1) + "…";
    }

    private static boolean invisible(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\0' -> "\\0";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    /** The one-line summary of a throwable: its simple class name and message. */
    public static String summary(Throwable t) {
        String message = t.getMessage();
        return oneLine(t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message));
    }

    /**
     * The canonical text of {@code value}: two values have the same text exactly when
     * {@code Arrays.deepEquals} holds for the types cases expect (strings, boxed primitives, arrays, lists,
     * sets, maps, enums, records, Optional). Each type is tagged ({@code I42} is an Integer, {@code J42} a Long,
     * {@code s"42"} a String), so an answer cannot pass by returning another type that prints the same. Any
     * other object is tagged with its class name. One line; strings are escaped, never cut.
     */
    static String canonical(Object value) {
        return canonical(value, 0);
    }

    private static void canonical(Object v, StringBuilder out, int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("the value is nested more than 64 levels deep");
        }
        switch (v) {
            case null -> out.append("null");
            case String s -> out.append('s').append(Json.quote(s));
            case Character c -> out.append('c').append(Json.quote(String.valueOf(c)));
            case Boolean b -> out.append('Z').append(b);
            case Byte b -> out.append('B').append(b);
            case Short x -> out.append('S').append(x);
            case Integer i -> out.append('I').append(i);
            case Long l -> out.append('J').append(l);
            case Float f -> out.append('F').append(Integer.toHexString(Float.floatToIntBits(f)));
            case Double d -> out.append('D').append(Long.toHexString(Double.doubleToLongBits(d)));
            case Enum<?> e -> out.append('E').append(e.getDeclaringClass().getName()).append('.').append(e.name());
            case java.util.Optional<?> o -> {
                out.append("O(");
                if (o.isPresent()) {
                    canonical(o.get(), out, depth + 1);
                }
                out.append(')');
            }
            case List<?> list -> sequence("L[", list, out, depth);
            case Set<?> set -> sorted("T{", set.stream().map(item -> canonical(item, depth + 1)), out);
            case Map<?, ?> map -> sorted("M{", map.entrySet().stream()
                    .map(e -> canonical(e.getKey(), depth + 1) + "=" + canonical(e.getValue(), depth + 1)), out);
            case Record r -> {
                out.append('R').append(r.getClass().getName()).append('(');
                var components = r.getClass().getRecordComponents();
                for (int i = 0; i < components.length; i++) {
                    try {
                        var accessor = components[i].getAccessor();
                        accessor.setAccessible(true);
                        canonical(accessor.invoke(r), out.append(i == 0 ? "" : ","), depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        out.append("?unreadable");
                    }
                }
                out.append(')');
            }
            default -> {
                if (v.getClass().isArray()) {
                    String tag = v.getClass().getComponentType().isPrimitive()
                            ? "[" + v.getClass().getComponentType().descriptorString() : "[L";
                    List<Object> items = new ArrayList<>();
                    for (int i = 0, n = Array.getLength(v); i < n; i++) {
                        items.add(Array.get(v, i));
                    }
                    sequence(tag + "[", items, out, depth);
                } else {
                    out.append('?').append(v.getClass().getName()).append(Json.quote(String.valueOf(v)));
                }
            }
        }
    }

    private static void sequence(String open, Collection<?> items, StringBuilder out, int depth) {
        out.append(open);
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            canonical(item, out, depth + 1);
        }
        out.append(']');
    }

    /** Unordered items (a set's, a map's entries) in one order whatever the collection's: sorted by their text. */
    private static void sorted(String open, Stream<String> texts, StringBuilder out) {
        out.append(open).append(String.join(",", texts.sorted().toList())).append('}');
    }

    private static String canonical(Object value, int depth) {
        StringBuilder out = new StringBuilder();
        canonical(value, out, depth);
        return out.toString();
    }
}
