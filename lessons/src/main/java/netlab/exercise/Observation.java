package netlab.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.text.Message;

/**
 * What one case saw an answer do, without a verdict: the grading agent reports these, and only the grading
 * JVM, which holds the expected values, turns them into passes and failures ({@link Check#judge}).
 *
 * @param hidden    whether the case is a hidden one
 * @param name      the case's {@link Case#identity() identity}, to match it with the grader's own list
 * @param kind      whether the probe returned a value, or why not (error, timeout, TODO stub)
 * @param canonical the returned value's {@link Values#canonical canonical text} ("" without a value)
 * @param shown     the value or exception as feedback shows it
 * @param message   what went wrong for outcomes without a value, as data: the judge words it in the student's
 *                  language, and an argument of it that is a message itself (an exception's explanation) too
 *                  (null for RETURNED)
 */
record Observation(boolean hidden, String name, Kind kind, String canonical, String shown, Message message) {

    /** How the probe ended; every kind but RETURNED is the {@link CaseOutcome.Status} of the same name. */
    enum Kind { RETURNED, NOT_ANSWERED, ERROR, TIMED_OUT, NOT_RUN }

    /** First line of an encoded list, followed by the exercise id. */
    static final String HEADER = "NETLAB-OBSERVED ";

    /** Separates a message's key and arguments inside its field. */
    private static final char UNIT = '\u001f';
    /**
     * Starts an argument that is a message itself (an exception's explanation), so the judge words it in its
     * student's language, not the agent's; its key and arguments are separated by {@link #NESTED_UNIT}.
     */
    private static final char NESTED = '\u001e';
    private static final char NESTED_UNIT = '\u001d';

    /** One line per observation, tab-separated fields, after a header naming the exercise. */
    static String encode(String exerciseId, List<Observation> observations) {
        StringBuilder out = new StringBuilder(HEADER).append(escape(exerciseId)).append('\n');
        for (Observation o : observations) {
            out.append(o.hidden ? 'h' : 'p').append('\t').append(escape(o.name)).append('\t')
                    .append(o.kind.name()).append('\t').append(escape(o.canonical)).append('\t')
                    .append(escape(o.shown)).append('\t').append(escape(encode(o.message))).append('\n');
        }
        return out.toString();
    }

    /** The exercise id of an encoded list; an exception saying what was wrong when it is not one. */
    static String exerciseOf(String encoded) {
        String first = encoded.lines().findFirst().orElse("");
        if (!first.startsWith(HEADER)) {
            throw new IllegalArgumentException("the check's report does not start with '" + HEADER.strip() + "'");
        }
        return unescape(first.substring(HEADER.length()));
    }

    static List<Observation> decode(String encoded) {
        List<Observation> list = new ArrayList<>();
        encoded.lines().skip(1).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] f = line.split("\t", -1);
            if (f.length != 6 || !(f[0].equals("h") || f[0].equals("p"))) {
                throw new IllegalArgumentException("a line of the check's report has not the 6 fields of a case: "
                        + Values.oneLine(line));
            }
            list.add(new Observation(f[0].equals("h"), unescape(f[1]), Kind.valueOf(f[2]),
                    unescape(f[3]), unescape(f[4]), decodeMessage(unescape(f[5]))));
        });
        return list;
    }

    private static String encode(Message m) {
        if (m == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(plain(m.key()));
        for (Object a : m.args()) {
            s.append(UNIT);
            if (a instanceof Message nested) {
                // one level deep: an argument of the nested message is sent as the agent words it
                s.append(NESTED).append(plain(nested.key()));
                nested.args().forEach(n -> s.append(NESTED_UNIT).append(plain(String.valueOf(n))));
            } else {
                s.append(plain(String.valueOf(a)));
            }
        }
        return s.toString();
    }

    /** {@code s} without the separators of a message's field: an argument cannot pass for another, or a message. */
    private static String plain(String s) {
        return s.replace(UNIT, ' ').replace(NESTED, ' ').replace(NESTED_UNIT, ' ');
    }

    private static Message decodeMessage(String field) {
        if (field.isEmpty()) {
            return null;
        }
        String[] parts = field.split(String.valueOf(UNIT), -1);
        List<Object> args = new ArrayList<>();
        for (String a : Arrays.asList(parts).subList(1, parts.length)) {
            args.add(a.startsWith(String.valueOf(NESTED)) ? nestedMessage(a.substring(1)) : a);
        }
        return new Message(parts[0], args);
    }

    private static Message nestedMessage(String text) {
        String[] parts = text.split(String.valueOf(NESTED_UNIT), -1);
        return new Message(parts[0], List.of((Object[]) Arrays.copyOfRange(parts, 1, parts.length)));
    }

    /** Backslash, tab, newline and carriage return escaped, so a field is one line without tabs. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
