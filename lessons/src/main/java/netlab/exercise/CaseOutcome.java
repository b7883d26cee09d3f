package netlab.exercise;

import java.util.Objects;

/**
 * What happened to one case: data for the grader and the runner, and one row of the feedback table.
 *
 * @param name     the case's name
 * @param hidden   whether it is a hidden case (its name and values are then not shown to students)
 * @param status   what happened
 * @param points   what the case is worth
 * @param earned   what the answer earned: {@code points} when passed, else 0
 * @param expected the expected value, as text
 * @param actual   what the answer produced or threw, as one line ("" when not run)
 * @param message  the failure sentence, or "" when passed
 * @param hint     the hint, shown when not passed
 */
public record CaseOutcome(String name, boolean hidden, Status status, double points, double earned,
                          String expected, String actual, String message, String hint) {

    /** How a case ended. */
    public enum Status {
        /** The answer produced the expected value. */
        PASSED,
        /** The answer produced another value. */
        FAILED,
        /** The answer still throws its {@code UnsupportedOperationException("TODO ...")} stub. */
        NOT_ANSWERED,
        /** The answer threw an exception. */
        ERROR,
        /** The answer did not finish within the case timeout. */
        TIMED_OUT,
        /** The case was not run (recorded first, so a crash still leaves partial credit). */
        NOT_RUN
    }

    public CaseOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /**
     * Whether the feedback shows the hint: only after a real attempt failed (a wrong value, an exception, a
     * hang), never for a stub not answered yet or a case not run, where a hint would be the first thing a
     * student reads and could stand in for thinking.
     */
    public boolean showsHint() {
        return !hint.isEmpty() && (status == Status.FAILED || status == Status.ERROR || status == Status.TIMED_OUT);
    }

    /** The outcome of a case that was not run (yet). */
    static CaseOutcome notRun(Case<?> c, boolean hidden, netlab.text.Lang lang) {
        return new CaseOutcome(c.name(lang), hidden, Status.NOT_RUN, c.points(), 0, Values.show(c.expected(), lang), "",
                netlab.text.Text.in(lang, "check.not.run"), c.hint(lang));
    }
}
