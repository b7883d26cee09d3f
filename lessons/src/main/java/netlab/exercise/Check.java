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
 * a class in a cell changes nothing. Hidden cases run only when graded: the grading agent {@link #collect
 * collects} what every case sees, and the grading JVM, which alone holds the expected values, {@link #judge
 * judges} it (see {@link GraderModule} for why the verdict is not made where student code runs).
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

    /**
     * {@link #run(String, Object)} for a typed exercise: what a course's per-exercise entry point calls, so its
     * parameter types the student's lambda and the check cell needs no cast. Example:
     * {@code public static void ipClassOf(ClassOf answer) { Check.run(IpExercises.CLASS_OF, answer); }}.
     */
    public static <A> void run(Exercise<A> exercise, A answer) {
        run(exercise.id(), answer);
    }

    /** Runs the public cases and returns the report without showing it. Example: {@code Check.evaluate("ip.class-of", a).summary()}. */
    public static CheckReport evaluate(String id, Object answer) {
        return evaluate(Exercises.find(id), answer, CaseRunner.DEFAULT_TIMEOUT);
    }

    /**
     * Runs public and hidden cases and judges them in this JVM: for tests of the cases and for the grader's own
     * build, where {@code netlab-grader.jar} is on the class path. In a notebook there are no hidden cases, so the
     * report says 0 hidden checks. Example: {@code Check.grade("ip.class-of", a, Duration.ofSeconds(2))}.
     */
    public static CheckReport grade(String id, Object answer, Duration timeoutPerCase) {
        return judge(id, collect(id, answer, timeoutPerCase));
    }

    /**
     * What the grader runs in the grading agent: every public and hidden case probes {@code answer}, each on its
     * own thread with {@code timeoutPerCase}, and the result says what each saw, without a verdict or an
     * expected value. The grading JVM passes it to {@link #judge}. Hidden cases run only where the grader has
     * {@linkplain #loadHiddenCases loaded} its jar. Example: {@code Check.collect("ip.class-of", a, Duration.ofSeconds(1))}.
     */
    public static String collect(String id, Object answer, Duration timeoutPerCase) {
        return collect(Exercises.find(id), answer, timeoutPerCase);
    }

    private static <A> String collect(Exercise<A> exercise, Object answer, Duration timeout) {
        A typed = exercise.answerOf(answer);
        CaseRunner runner = new CaseRunner(timeout);
        List<Observation> seen = new ArrayList<>();
        for (Case<A> c : exercise.publicCases()) {
            seen.add(runner.observe(c.name(), false, c.probe(), typed));
        }
        if (GraderModule.loaded()) {
            for (GraderModule.Trial<A> t : GraderModule.trials(exercise)) {
                seen.add(runner.observe(t.name(), true, t.probe(), typed));
            }
        } else {
            for (Case<A> c : Exercises.hiddenCases(exercise)) {
                seen.add(runner.observe(c.name(), true, c.probe(), typed));
            }
        }
        return Observation.encode(exercise.id(), seen);
    }

    /**
     * The graded report of what {@link #collect} saw: each case of this JVM's exercise (public, then hidden)
     * is matched with the observation of the same name in the same place and passes when the value is its
     * expected one; a case the observations lack is "not run". Example: {@code Check.judge("ip.class-of", seen)}.
     *
     * @throws IllegalArgumentException if {@code observed} is not what {@link #collect} writes for {@code id}
     */
    public static CheckReport judge(String id, String observed) {
        return judge(Exercises.find(id), observed);
    }

    private static <A> CheckReport judge(Exercise<A> exercise, String observed) {
        String of = Observation.exerciseOf(observed);
        if (!of.equals(exercise.id())) {
            throw new IllegalArgumentException("the check's report is about '" + of + "', not '" + exercise.id() + "'");
        }
        List<Observation> seen = Observation.decode(observed);
        List<Observation> seenPublic = seen.stream().filter(o -> !o.hidden()).toList();
        List<Observation> seenHidden = seen.stream().filter(Observation::hidden).toList();
        List<CaseOutcome> outcomes = new ArrayList<>();
        List<Case<A>> publicCases = exercise.publicCases();
        for (int i = 0; i < publicCases.size(); i++) {
            outcomes.add(judge(publicCases.get(i), false, seenPublic, i));
        }
        List<Case<A>> hiddenCases = Exercises.hiddenCases(exercise);
        for (int i = 0; i < hiddenCases.size(); i++) {
            outcomes.add(judge(hiddenCases.get(i), true, seenHidden, i));
        }
        return new CheckReport(exercise.id(), exercise.title(), true, outcomes, 0);
    }

    private static <A> CaseOutcome judge(Case<A> c, boolean hidden, List<Observation> seen, int index) {
        if (index < seen.size() && seen.get(index).name().equals(c.name())) {
            return CaseRunner.judge(c, hidden, seen.get(index));
        }
        return CaseRunner.judge(c, hidden, new Observation(hidden, c.name(), Observation.Kind.NOT_RUN, "", "",
                "not run: the check did not report this case"));
    }

    /**
     * Loads {@code netlab-grader.jar} into this JVM (see {@link GraderModule} for how and why): the grader calls
     * it first thing in a grading agent with the loopback port and one-time token on which the grading JVM
     * offers the jar's bytes, once. Returns how many exercises have hidden cases. Throws in every later call.
     * Example: {@code Check.loadHiddenCases(40123, "3f9a…")}.
     */
    public static int loadHiddenCases(int port, String token) throws java.io.IOException {
        if (GraderModule.loaded()) {
            throw new IllegalStateException("the grader's hidden cases are already loaded in this JVM");
        }
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            out.writeUTF(token);
            out.flush();
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            int length = in.readInt();
            if (length <= 0 || length > 64 << 20) {
                throw new java.io.IOException("the grading JVM refused the token or sent no jar (" + length + ")");
            }
            byte[] jar = new byte[length];
            in.readFully(jar);
            return GraderModule.load(jar);
        }
    }

    /** The report of an exercise none of whose cases have run: what the grader records before it starts. */
    public static CheckReport notRun(String id) {
        Exercise<?> exercise = Exercises.find(id);
        List<CaseOutcome> outcomes = new ArrayList<>();
        exercise.publicCases().forEach(c -> outcomes.add(CaseOutcome.notRun(c, false)));
        Exercises.hiddenCases(exercise).forEach(c -> outcomes.add(CaseOutcome.notRun(c, true)));
        return new CheckReport(exercise.id(), exercise.title(), true, outcomes, 0);
    }

    /** The public cases judged in this JVM, the notebook's check; graded reports come from {@link #grade}. */
    static <A> CheckReport evaluate(Exercise<A> exercise, Object answer, Duration timeout) {
        A typed = exercise.answerOf(answer);
        CaseRunner runner = new CaseRunner(timeout);
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (Case<A> c : exercise.publicCases()) {
            outcomes.add(runner.run(c, typed, false));
        }
        return new CheckReport(exercise.id(), exercise.title(), false, outcomes, exercise.hiddenCaseCount());
    }
}
