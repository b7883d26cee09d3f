package netlab.kernel.grading;

import java.util.List;

/**
 * The grade of one exercise in one submission. The score is the check cell's points times the share of
 * case points earned (public and hidden cases together).
 *
 * @param exercise the exercise id
 * @param points   what the exercise is worth (its check cell's points)
 * @param score    what the submission earned
 * @param status   {@code graded}, {@code not run}, {@code timed out}, {@code crashed}, {@code error}
 * @param reason   why it was not graded normally, or ""
 * @param cases    the cases: names, statuses and messages only
 */
public record ExerciseGrade(String exercise, double points, double score, String status, String reason,
                            List<CheckResult.CaseResult> cases) {

    public ExerciseGrade {
        cases = List.copyOf(cases);
    }

    /** Before the check runs: nothing earned, every case "not run", {@code why} in the student's language. */
    static ExerciseGrade notRun(String exercise, double points, CheckResult notRun, String why) {
        return new ExerciseGrade(exercise, points, 0, "not run", why, notRun.cases());
    }

    static ExerciseGrade graded(double points, CheckResult r) {
        double share = r.possible() == 0 ? 0 : r.earned() / r.possible();
        return new ExerciseGrade(r.exercise(), points, Math.round(points * share * 100) / 100.0, "graded", "", r.cases());
    }

    ExerciseGrade failed(String newStatus, String why) {
        return new ExerciseGrade(exercise, points, 0, newStatus, why, cases);
    }
}
