package netlab.kernel.grading;

import java.util.Optional;

/**
 * The {@code Check.run("id", ANSWER)} call of a check cell, found by reading its source: the grader needs the
 * exercise id and the answer expression (e.g. {@code (IpExercises.ClassOf) ip -> classOf(ip)}) to build its
 * own call of {@code netlab.exercise.Check.collect}; it never runs the check cell's text.
 *
 * @param exerciseId the exercise the cell checks
 * @param answer     the source text of the second argument
 */
public record CheckCall(String exerciseId, String answer) {

    /** The first {@code Check.run(...)} call in {@code source}, if it has the expected shape. */
    public static Optional<CheckCall> find(String source) {
        int at = indexOfCall(source, 0);
        while (at >= 0) {
            Optional<CheckCall> call = parseArguments(source, source.indexOf('(', at) + 1);
            if (call.isPresent()) {
                return call;
            }
            at = indexOfCall(source, at + 1);
        }
        return Optional.empty();
    }

    private static int indexOfCall(String source, int from) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bCheck\\s*\\.\\s*run\\s*\\(").matcher(source);
        return m.find(from) ? m.start() : -1;
    }

    /** Reads {@code "id", EXPR)} from {@code start}, skipping strings, chars and comments inside EXPR. */
    private static Optional<CheckCall> parseArguments(String s, int start) {
        int i = skipSpace(s, start);
        if (i >= s.length() || s.charAt(i) != '"') {
            return Optional.empty();
        }
        int close = s.indexOf('"', i + 1);
        if (close < 0) {
            return Optional.empty();
        }
        String id = s.substring(i + 1, close);
        i = skipSpace(s, close + 1);
        if (i >= s.length() || s.charAt(i) != ',') {
            return Optional.empty();
        }
        int exprStart = i + 1;
        int depth = 0;
        for (i = exprStart; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i, c);
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    String expr = s.substring(exprStart, i).strip();
                    return c == ')' && !expr.isEmpty() ? Optional.of(new CheckCall(id, expr)) : Optional.empty();
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return Optional.empty(); // a third argument: not the shape the grader knows
            }
        }
        return Optional.empty();
    }

    private static int endOfLiteral(String s, int open, char quote) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return s.length();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The grader's snippet: an expression whose value is the base64 of what every case of the exercise saw
     * the answer do ({@code netlab.exercise.Check.collect}), which the grading JVM then judges. Every name is
     * fully qualified from {@code java.} or {@code netlab.}, so a student's {@code class Check} changes nothing
     * (declarations named {@code java} or {@code netlab} are dropped before it runs). {@code hiddenProbes}
     * (base64, from {@link GraderClasses#hiddenProbes}) carries the hidden cases' inputs, not their expected
     * values, and reaches the agent only now, after the student's code has run. The value comes back as
     * the snippet's result, not as printed text, so nothing a student prints can pose as it.
     */
    public String gradeSnippet(long caseTimeoutMillis, String hiddenProbes) {
        return "java.util.Base64.getEncoder().encodeToString(netlab.exercise.Check.collect(\""
                + exerciseId + "\", " + answer + ", java.time.Duration.ofMillis(" + caseTimeoutMillis
                + "), \"" + hiddenProbes + "\").getBytes(java.nio.charset.StandardCharsets.UTF_8))";
    }
}
