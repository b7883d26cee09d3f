package netlab.exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.display.Display;

/**
 * Checks a student's answer against an exercise. A check cell passes the answer as the exercise's interface:
 *
 * <pre>{@code
 * // answer cell (the student edits it)
 * String classOf(String ip) { ... }
 * // check cell (locked)
 * Check.run("ip.class-of", (IpExercises.ClassOf) ip -> classOf(ip));
 * }</pre>
 *
 * which shows a table and ends "public checks 4/4 passed · 2 hidden checks run when graded". Each case runs
 * with a 2 s timeout; an unanswered stub shows "not answered yet", an exception its one-line summary.
 *
 * <p>The checks come from netlab's jars by id ({@link Exercises}), never from notebook code, so redefining
 * a class in a cell changes nothing. Hidden cases run only in {@link #grade}, and only where
 * {@code netlab-grader.jar} is on the classpath.
 */
public final class Check {

    private Check() {
    }

    /**
     * Set to {@code true} (as {@code -Dnetlab.check.markers=true} on the agent) by the headless runner, which
     * reads the JSON lines; in JupyterLab students see only the table.
     */
    public static final String MARKERS_PROPERTY = "netlab.check.markers";

    /**
     * Runs the public cases of exercise {@code id} against {@code answer} and shows the feedback table; when
     * {@value #MARKERS_PROPERTY} is set, also prints the report's {@link CheckReport#jsonLine() JSON line}.
     * Example: {@code Check.run("ip.class-of", (IpExercises.ClassOf) ip -> classOf(ip))}.
     */
    public static void run(String id, Object answer) {
        CheckReport report = evaluate(id, answer);
        Display.show(report);
        if (Boolean.getBoolean(MARKERS_PROPERTY)) {
            System.out.println(report.jsonLine());
        }
    }

    /** Runs the public cases and returns the report without showing it. Example: {@code Check.evaluate("ip.class-of", a).summary()}. */
    public static CheckReport evaluate(String id, Object answer) {
        return evaluate(Exercises.find(id), answer, false, CaseRunner.DEFAULT_TIMEOUT);
    }

    /**
     * Runs public and hidden cases (what the grader calls). In a notebook there are no hidden cases, so the
     * report says 0 hidden checks. Example: {@code Check.grade("ip.class-of", a, Duration.ofSeconds(2))}.
     */
    public static CheckReport grade(String id, Object answer, Duration timeoutPerCase) {
        return evaluate(Exercises.find(id), answer, true, timeoutPerCase);
    }

    /** The report of an exercise none of whose cases have run: what the grader records before it starts. */
    public static CheckReport notRun(String id) {
        Exercise<?> exercise = Exercises.find(id);
        List<CaseOutcome> outcomes = new ArrayList<>();
        exercise.publicCases().forEach(c -> outcomes.add(CaseOutcome.notRun(c, false)));
        Exercises.hiddenCases(exercise).forEach(c -> outcomes.add(CaseOutcome.notRun(c, true)));
        return new CheckReport(exercise.id(), exercise.title(), true, outcomes, 0);
    }

    static <A> CheckReport evaluate(Exercise<A> exercise, Object answer, boolean graded, Duration timeout) {
        A typed = exercise.answerOf(answer);
        CaseRunner runner = new CaseRunner(timeout);
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (Case<A> c : exercise.publicCases()) {
            outcomes.add(runner.run(c, typed, false));
        }
        int hiddenNotRun = exercise.hiddenCaseCount();
        if (graded) {
            for (Case<A> c : Exercises.hiddenCases(exercise)) {
                outcomes.add(runner.run(c, typed, true));
            }
            hiddenNotRun = 0;
        }
        return new CheckReport(exercise.id(), exercise.title(), graded, outcomes, hiddenNotRun);
    }
}
