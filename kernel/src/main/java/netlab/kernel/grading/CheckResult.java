package netlab.kernel.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A check report as the kernel side reads it from its JSON line ({@code NETLAB-CHECK {...}}): names, statuses
 * and messages only — the line carries no expected values, so feedback built from it shows no hidden-test data.
 *
 * @param exercise     the exercise id
 * @param graded       whether hidden cases ran
 * @param earned       points earned over the cases
 * @param possible     points of the cases
 * @param hiddenNotRun hidden cases that exist but did not run
 * @param cases        one per case
 */
public record CheckResult(String exercise, boolean graded, double earned, double possible, int hiddenNotRun,
                          List<CaseResult> cases) {

    /** Prefix of the JSON line: the lessons' own marker (see {@link netlab.kernel.course.CourseLibrary}). */
    public static final String MARKER = netlab.kernel.course.CourseLibrary.CHECK_MARKER;

    /** One case: {@code status} is a {@code CaseOutcome.Status} name such as PASSED or NOT_RUN. */
    public record CaseResult(String name, boolean hidden, String status, double points, double earned,
                             String message) {
    }

    public CheckResult {
        cases = List.copyOf(cases);
    }

    /** Parses a marker line (with or without the marker). */
    public static CheckResult parse(String line) {
        String json = line.startsWith(MARKER) ? line.substring(MARKER.length()) : line;
        try {
            return read(JsonParser.parseString(json).getAsJsonObject());
        } catch (RuntimeException e) { // bad JSON, a missing field or one of the wrong type
            throw new IllegalArgumentException("a check line is not the JSON a check writes: " + abbreviate(json), e);
        }
    }

    private static CheckResult read(JsonObject o) {
        List<CaseResult> cases = new ArrayList<>();
        JsonArray array = o.getAsJsonArray("cases");
        for (JsonElement e : array) {
            JsonObject c = e.getAsJsonObject();
            cases.add(new CaseResult(c.get("name").getAsString(), c.get("hidden").getAsBoolean(),
                    c.get("status").getAsString(), c.get("points").getAsDouble(), c.get("earned").getAsDouble(),
                    c.get("message").getAsString()));
        }
        return new CheckResult(o.get("exercise").getAsString(), o.get("graded").getAsBoolean(),
                o.get("earned").getAsDouble(), o.get("possible").getAsDouble(), o.get("hidden_not_run").getAsInt(),
                cases);
    }

    public boolean allPassed() {
        return !cases.isEmpty() && cases.stream().allMatch(c -> c.status().equals("PASSED"));
    }

    /** Whether every case hit the TODO stub. */
    public boolean notAnswered() {
        return !cases.isEmpty() && cases.stream().allMatch(c -> c.status().equals("NOT_ANSWERED"));
    }

    public long passedCount() {
        return cases.stream().filter(c -> c.status().equals("PASSED")).count();
    }

    /** Whether a case ran out of time (its thread may still spin in the agent). */
    public boolean anyTimedOut() {
        return cases.stream().anyMatch(c -> c.status().equals("TIMED_OUT"));
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 119) + "…";
    }
}
