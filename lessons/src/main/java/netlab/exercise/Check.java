package netlab.exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.display.Display;
import netlab.text.Lang;
import netlab.text.Message;

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
 * judges} it: the agent gets the hidden cases' inputs and probes only ({@link HiddenProbes}), never an expected value.
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
        return judge(id, collect(id, answer, timeoutPerCase, hiddenProbes(id)), Lang.current().tag());
    }

    /**
     * What the grader runs in the grading agent: every public case and every hidden probe ({@code hiddenProbes},
     * from {@link #hiddenProbes} in the grading JVM) probes {@code answer}, each on its own thread with
     * {@code timeoutPerCase}, and the result says what each saw, without a verdict or an expected value; hidden
     * ones are known by number only. The grading JVM passes it to {@link #judge}.
     * Example: {@code Check.collect("ip.class-of", a, Duration.ofSeconds(1), "")}.
     */
    public static String collect(String id, Object answer, Duration timeoutPerCase, String hiddenProbes) {
        return collect(Exercises.find(id), answer, timeoutPerCase, HiddenProbes.decode(hiddenProbes));
    }

    /**
     * The hidden probes of exercise {@code id} for {@link #collect}: their inputs and code, no expected value;
     * "" where the grader's jar is not on the class path. Example: {@code Check.hiddenProbes("ip.class-of")}.
     */
    public static String hiddenProbes(String id) {
        Exercise<?> exercise = Exercises.find(id);
        return HiddenProbes.encode(exercise, Exercises.hiddenCases(exercise));
    }

    /**
     * The grader's second step in the grading agent: only the hidden probes ({@code hiddenProbes}, from
     * {@link #hiddenProbes}) probe {@code answer}, each on its own thread with {@code timeoutPerCase}. The first
     * step is {@link #collect} with no probes, so the public cases have run, and their values are taken, before
     * any hidden input is in the agent. Example: {@code Check.collectHidden("ip.class-of", a, Duration.ofSeconds(1), probes)}.
     */
    public static String collectHidden(String id, Object answer, Duration timeoutPerCase, String hiddenProbes) {
        Exercise<?> exercise = Exercises.find(id);
        return collect(exercise, answer, timeoutPerCase, List.of(), HiddenProbes.decode(hiddenProbes));
    }

    private static <A> String collect(Exercise<A> exercise, Object answer, Duration timeout, List<Probe<A>> hidden) {
        return collect(exercise, answer, timeout, exercise.publicCases(), hidden);
    }

    private static <A> String collect(Exercise<A> exercise, Object answer, Duration timeout, List<Case<A>> publicCases,
                                      List<Probe<A>> hidden) {
        A typed = exercise.answerOf(answer);
        CaseRunner runner = new CaseRunner(timeout);
        List<Observation> seen = new ArrayList<>();
        for (Case<A> c : publicCases) {
            seen.add(runner.observe(c.identity(), false, c.probe(), typed));
        }
        for (int i = 0; i < hidden.size(); i++) {
            seen.add(runner.observe(hiddenName(i), true, hidden.get(i), typed));
        }
        return Observation.encode(exercise.id(), seen);
    }

    /** How a hidden case is known outside the grading JVM: by its number. */
    static String hiddenName(int index) {
        return Integer.toString(index + 1);
    }

    /**
     * The graded report of what {@link #collect} saw: each case of this JVM's exercise (public, then hidden)
     * is matched with the observation of the same name in the same place and passes when the value is its
     * expected one; a case the observations lack is "not run". Feedback is worded in the language {@code lang}
     * names ({@code "zh"}, {@code "en"}): the grading JVM judges many students, each in the language of their own
     * notebook (a tag, not a {@link Lang}: the grader calls this from outside the lessons' class loader).
     * Example: {@code Check.judge("ip.class-of", seen, "zh")}.
     *
     * @throws IllegalArgumentException if {@code observed} is not what {@link #collect} writes for {@code id}
     */
    public static CheckReport judge(String id, String observed, String lang) {
        return judge(id, observed, observed, lang, false);
    }

    /**
     * The graded report of the grader's two steps: the public cases as {@link #collect} saw them
     * ({@code seenPublic}), the hidden ones as {@link #collectHidden} did ({@code seenHidden}; "" when there are
     * none). With {@code withholdAnswerText}, a public case that failed is worded from how it ended alone
     * (another value, an exception, out of time), without the value or the text the answer made: the grader
     * asks for it once hidden inputs have been in the agent, since code there could have kept them and hand
     * them back as a public case's value, which the student reads. Example:
     * {@code Check.judge("ip.class-of", seenPublic, seenHidden, "zh", true)}.
     *
     * @throws IllegalArgumentException if either is not what the collecting step writes for {@code id}
     */
    public static CheckReport judge(String id, String seenPublic, String seenHidden, String lang,
                                    boolean withholdAnswerText) {
        Exercise<?> exercise = Exercises.find(id);
        List<Observation> publicSeen = observed(exercise, seenPublic).stream().filter(o -> !o.hidden()).toList();
        List<Observation> hiddenSeen = seenHidden.isEmpty() ? List.of()
                : observed(exercise, seenHidden).stream().filter(Observation::hidden).toList();
        return judge(exercise, publicSeen, hiddenSeen, Lang.parse(lang).orElse(Lang.current()), withholdAnswerText);
    }

    private static List<Observation> observed(Exercise<?> exercise, String observed) {
        String of = Observation.exerciseOf(observed);
        if (!of.equals(exercise.id())) {
            throw new IllegalArgumentException("the check's report is about '" + of + "', not '" + exercise.id() + "'");
        }
        return Observation.decode(observed);
    }

    private static <A> CheckReport judge(Exercise<A> exercise, List<Observation> seenPublic,
                                         List<Observation> seenHidden, Lang lang, boolean withholdAnswerText) {
        List<CaseOutcome> outcomes = new ArrayList<>();
        List<Case<A>> publicCases = exercise.publicCases();
        for (int i = 0; i < publicCases.size(); i++) {
            Observation o = seenAs(publicCases.get(i).identity(), false, seenPublic, i);
            outcomes.add(withholdAnswerText ? CaseRunner.judgeWithheld(publicCases.get(i), o, lang)
                    : CaseRunner.judge(publicCases.get(i), false, o, lang));
        }
        List<Case<A>> hiddenCases = Exercises.hiddenCases(exercise);
        for (int i = 0; i < hiddenCases.size(); i++) {
            outcomes.add(CaseRunner.judge(hiddenCases.get(i), true, seenAs(hiddenName(i), true, seenHidden, i), lang));
        }
        return new CheckReport(exercise.id(), exercise.title(lang), true, outcomes, 0);
    }

    /** The observation of the case known as {@code name} in place {@code index}, or "not reported". */
    private static Observation seenAs(String name, boolean hidden, List<Observation> seen, int index) {
        if (index < seen.size() && seen.get(index).name().equals(name)) {
            return seen.get(index);
        }
        return new Observation(hidden, name, Observation.Kind.NOT_RUN, "", "", Message.of("check.not.reported"));
    }

    /**
     * The report of an exercise none of whose cases have run: what the grader records before it starts, worded
     * in the language {@code lang} names (as for {@link #judge}).
     */
    public static CheckReport notRun(String id, String lang) {
        Lang l = Lang.parse(lang).orElse(Lang.current());
        Exercise<?> exercise = Exercises.find(id);
        List<CaseOutcome> outcomes = new ArrayList<>();
        exercise.publicCases().forEach(c -> outcomes.add(CaseOutcome.notRun(c, false, l)));
        Exercises.hiddenCases(exercise).forEach(c -> outcomes.add(CaseOutcome.notRun(c, true, l)));
        return new CheckReport(exercise.id(), exercise.title(l), true, outcomes, 0);
    }

    /** The public cases judged in this JVM, the notebook's check; graded reports come from {@link #grade}. */
    static <A> CheckReport evaluate(Exercise<A> exercise, Object answer, Duration timeout) {
        A typed = exercise.answerOf(answer);
        CaseRunner runner = new CaseRunner(timeout);
        Lang lang = Lang.current(); // the notebook's, as %lang last set it: title and hints are worded now
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (Case<A> c : exercise.publicCases()) {
            outcomes.add(runner.run(c, typed, false, lang));
        }
        return new CheckReport(exercise.id(), exercise.title(lang), false, outcomes, exercise.hiddenCaseCount());
    }
}
