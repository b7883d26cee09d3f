package netlab.kernel.grading;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check call of a check cell, found by reading its source: the grader needs the exercise id and the answer
 * expression to build its own call of {@code netlab.exercise.Check.collect}; it never runs the check cell's text.
 * A cell calls an exercise's entry point, {@code Check.ipClassOf(ip -> classOf(ip))}, which the grader reads with
 * the lessons' {@link EntryPoint}s, or names the id, {@code Check.run("ip.class-of", (IpExercises.ClassOf) ip -> classOf(ip))}.
 *
 * @param exerciseId the exercise the cell checks
 * @param answer     the answer expression, typed: for an entry point, cast to the answer type's full name
 */
public record CheckCall(String exerciseId, String answer) {

    private static final Pattern ENTRY_POINT = Pattern.compile("\\bCheck\\s*\\.\\s*([a-z][A-Za-z0-9]*)\\s*\\(");

    /**
     * An exercise's entry point in the course's check class, as the lessons define it.
     *
     * @param exerciseId the exercise
     * @param answerType the canonical name of its answer type, e.g. {@code netlab.course.IpExercises.ClassOf}
     */
    public record EntryPoint(String exerciseId, String answerType) {
    }

    /**
     * The first check call in {@code source}: a {@code Check.NAME(answer)} whose NAME is one of {@code entryPoints},
     * else a {@code Check.run("id", answer)}.
     */
    public static Optional<CheckCall> find(String source, Map<String, EntryPoint> entryPoints) {
        Matcher m = ENTRY_POINT.matcher(source);
        while (m.find()) {
            EntryPoint entry = entryPoints.get(m.group(1));
            if (entry != null) {
                Optional<String> expr = argument(source, m.end());
                if (expr.isPresent()) {
                    return Optional.of(new CheckCall(entry.exerciseId(),
                            "(" + entry.answerType() + ") (" + expr.get() + ")"));
                }
            }
        }
        return find(source);
    }

    /** The first {@code Check.run("id", answer)} call in {@code source}, if it has the expected shape. */
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
        return argument(s, i + 1).map(expr -> new CheckCall(id, expr));
    }

    /** The last argument of a call, from {@code exprStart} to the closing parenthesis, if it is one argument. */
    private static Optional<String> argument(String s, int exprStart) {
        int depth = 0;
        for (int i = exprStart; i < s.length(); i++) {
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
                    return c == ')' && !expr.isEmpty() ? Optional.of(expr) : Optional.empty();
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
     * The grader's first snippet: an expression whose value is the base64 of what every public case of the
     * exercise saw the answer do ({@code netlab.exercise.Check.collect} with no hidden probes), which the grading
     * JVM then judges. Every name is fully qualified from {@code java.} or {@code netlab.}, so a student's
     * {@code class Check} changes nothing (declarations named {@code java} or {@code netlab} are dropped before
     * it runs). The value comes back as the snippet's result, not as printed text, so nothing a student prints
     * can pose as it.
     */
    public String publicSnippet(long caseTimeoutMillis) {
        return snippet("collect", caseTimeoutMillis, "");
    }

    /**
     * The grader's second snippet, run after {@link #publicSnippet}: the same for the hidden cases
     * ({@code netlab.exercise.Check.collectHidden}). {@code hiddenProbes} (base64, from
     * {@link GraderClasses#hiddenProbes}) carries their inputs, not their expected values, and reaches the agent
     * only now, after the student's code and the public cases have run.
     */
    public String hiddenSnippet(long caseTimeoutMillis, String hiddenProbes) {
        return snippet("collectHidden", caseTimeoutMillis, hiddenProbes);
    }

    private String snippet(String method, long caseTimeoutMillis, String hiddenProbes) {
        return "java.util.Base64.getEncoder().encodeToString(netlab.exercise.Check." + method + "(\""
                + exerciseId + "\", " + answer + ", java.time.Duration.ofMillis(" + caseTimeoutMillis
                + "), \"" + hiddenProbes + "\").getBytes(java.nio.charset.StandardCharsets.UTF_8))";
    }
}
