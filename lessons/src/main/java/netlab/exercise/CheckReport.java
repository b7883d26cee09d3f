package netlab.exercise;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import netlab.display.Displayable;
import netlab.display.Html;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * The result of checking one answer: per-case outcomes and points as data (for the runner and the grader),
 * a feedback table for the notebook, and a JSON line.
 *
 * <pre>{@code
 * CheckReport r = Check.evaluate("ip.class-of", (IpExercises.ClassOf) ip -> classOf(ip));
 * r.summary()   // "public checks 3/4 passed · 2 hidden checks run when graded"
 * }</pre>
 *
 * @param exerciseId   the exercise checked
 * @param title        its title
 * @param graded       whether hidden cases were included (only the grader's run has them)
 * @param outcomes     one per case run or recorded, public cases first
 * @param hiddenNotRun hidden cases that exist but were not run (0 when graded)
 */
public record CheckReport(String exerciseId, String title, boolean graded, List<CaseOutcome> outcomes,
                          int hiddenNotRun) implements Displayable {

    /** Prefix of the line {@link #jsonLine()} returns; the runner may read it, the grader never trusts it. */
    public static final String MARKER = "NETLAB-CHECK ";

    public CheckReport {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(title, "title");
        outcomes = List.copyOf(outcomes);
    }

    public double pointsEarned() {
        return outcomes.stream().mapToDouble(CaseOutcome::earned).sum();
    }

    /** Points of the cases in this report (public only unless graded). */
    public double pointsPossible() {
        return outcomes.stream().mapToDouble(CaseOutcome::points).sum();
    }

    public boolean allPassed() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(CaseOutcome::passed);
    }

    /** Whether no case got past the TODO stub. */
    public boolean notAnswered() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(o -> o.status() == CaseOutcome.Status.NOT_ANSWERED);
    }

    /** {@link #summary(Lang)} in {@link Lang#current()}. */
    public String summary() {
        return summary(Lang.current());
    }

    /**
     * One line: "public checks 3/3 passed · 2 hidden checks run when graded" in a notebook; with hidden cases,
     * "graded: 5/6 checks passed (public 3/3, hidden 2/3) · 5/6 points". Never says "all passed" for public cases alone.
     */
    public String summary(Lang lang) {
        long publicPassed = count(false, true);
        long publicTotal = count(false, false);
        if (graded) {
            long hiddenPassed = count(true, true);
            long hiddenTotal = count(true, false);
            return Text.in(lang, "check.summary.graded", publicPassed + hiddenPassed, publicTotal + hiddenTotal,
                    publicPassed, publicTotal, hiddenPassed, hiddenTotal, Json.number(pointsEarned()),
                    Json.number(pointsPossible()));
        }
        String head = notAnswered() ? Text.in(lang, "check.summary.not.answered", publicTotal)
                : Text.in(lang, "check.summary.public", publicPassed, publicTotal);
        return hiddenNotRun == 0 ? head : Text.in(lang, "check.summary.hidden", head, hiddenNotRun);
    }

    private long count(boolean hidden, boolean passedOnly) {
        return outcomes.stream().filter(o -> o.hidden() == hidden && (!passedOnly || o.passed())).count();
    }

    /** {@code NETLAB-CHECK {"exercise":...}}: the report as one JSON line behind {@link #MARKER}. */
    public String jsonLine() {
        StringJoiner cases = new StringJoiner(",", "[", "]");
        for (CaseOutcome o : outcomes) {
            cases.add("{\"name\":" + Json.quote(o.name()) + ",\"hidden\":" + o.hidden()
                    + ",\"status\":" + Json.quote(o.status().name()) + ",\"points\":" + Json.number(o.points())
                    + ",\"earned\":" + Json.number(o.earned()) + ",\"message\":" + Json.quote(o.message()) + "}");
        }
        return MARKER + "{\"exercise\":" + Json.quote(exerciseId) + ",\"graded\":" + graded
                + ",\"earned\":" + Json.number(pointsEarned()) + ",\"possible\":" + Json.number(pointsPossible())
                + ",\"hidden_not_run\":" + hiddenNotRun + ",\"cases\":" + cases + "}";
    }

    /** The feedback table in {@link Lang#current()}, the notebook's language in the agent. */
    @Override
    public Map<String, String> mimeBundle() {
        return in(Lang.current()).mimeBundle();
    }

    /** The feedback table as HTML and text in {@code lang}. */
    public Html in(Lang lang) {
        return Html.of(FeedbackTable.html(this, lang), FeedbackTable.text(this, lang));
    }

    @Override
    public String toString() {
        return FeedbackTable.text(this, Lang.current());
    }
}
