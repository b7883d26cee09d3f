package netlab.kernel.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.kernel.jshell.AgentStartFailure;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;
import netlab.kernel.notebook.Notebook;
import netlab.runtime.Causes;
import netlab.text.Lang;
import netlab.text.Message;
import netlab.text.Text;

/**
 * Grades one submission of one lesson in a fresh engine (a fresh agent JVM, working directory an empty
 * temporary directory: see {@link GradingAgents}) following the lesson's
 * {@link SourcePlan}: the source's setup cells, the student's answer cells, and the grader's own check calls.
 *
 * <p>Every exercise is recorded "not run" (with all its cases) before anything runs, so whatever happens
 * later, what was graded stays graded. A step that times out, floods output or kills the agent (System.exit,
 * out of memory) ends its exercise with 0; the grader then starts over in a fresh agent, replays the steps
 * that had succeeded (minus the failed exercises) and goes on.
 */
public final class SubmissionGrader {

    /** Names that, declared by a student, would shadow the packages the grader's snippet names. */
    static final Set<String> SHADOWING = Set.of("netlab", "java");
    private static final int MAX_FRESH_STARTS = 6;

    private final SourcePlan plan;
    private final GraderClasses classes;
    private final GradingAgents agents;
    private final GradingLimits limits;
    private final Lang lessonLang;
    private final Consumer<String> teacher;

    /**
     * {@code agents}: where the fresh agent for each submission comes from; {@code lessonLang}: the language of
     * a student whose notebook does not say; {@code teacher}: hears what only the teacher should read (why the
     * grader itself failed, with its paths and command lines).
     */
    public SubmissionGrader(SourcePlan plan, GraderClasses classes, GradingAgents agents, GradingLimits limits,
                            Lang lessonLang, Consumer<String> teacher) {
        this.plan = plan;
        this.classes = classes;
        this.agents = agents;
        this.limits = limits;
        this.lessonLang = lessonLang;
        this.teacher = teacher;
    }

    /** Grades {@code file} (which may be missing or broken: that is a grade too, with a reason). */
    public NotebookGrade grade(String student, String notebookName, Path file) {
        long start = System.nanoTime();
        Map<String, ExerciseGrade> grades = new LinkedHashMap<>();
        plan.exercises().forEach((id, points) -> grades.put(id,
                ExerciseGrade.notRun(id, points, classes.notRun(id, lessonLang),
                        Text.in(lessonLang, "grade.not-run"))));
        List<String> warnings = new ArrayList<>();
        Lang lang = lessonLang;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            String why = Text.in(lang, "grade.missing", notebookName);
            return done(student, notebookName, lang, "missing", why, zero(grades, why), warnings, start);
        }
        Submission submission;
        try {
            Notebook nb = Submission.notebook(file);
            lang = nb.language().orElse(lang);
            submission = Submission.read(nb, notebookName, plan);
        } catch (Submission.Rejected e) {
            lang = e.lang().orElse(lang);
            String why = e.reason().in(lang);
            return done(student, notebookName, lang, "rejected", why, zero(grades, why), warnings, start);
        } catch (RuntimeException e) {
            // a shape NotebookShape does not foresee: still this file's fault, and still one student's grade
            teacher.accept(Text.of("teacher.grade.unreadable", student + "/" + notebookName, e));
            String why = Message.of("grade.malformed", notebookName, Message.of("grade.malformed.other")).in(lang);
            return done(student, notebookName, lang, "rejected", why, zero(grades, why), warnings, start);
        }
        for (Message w : submission.warnings()) {
            warnings.add(w.in(lang));
        }
        if (submission.teacherCopy()) {
            teacher.accept(Text.of("teacher.grade.teacherCopy", student + "/" + notebookName));
        }
        int cases = grades.values().stream().mapToInt(g -> g.cases().size()).sum();
        // a check is two steps: its public cases, then its hidden ones
        long checks = plan.steps().stream().filter(SourcePlan.Check.class::isInstance).count();
        java.time.Duration budget = limits.budget(plan.steps().size() + (int) checks, cases);
        triedAgent = true;
        try (GradingAgents.Agent agent = agents.take()) {
            Run run = new Run(submission, grades, warnings, agent, lang, budget);
            try {
                run.all();
            } finally {
                run.engine.close(); // a fresh start may have replaced the agent's own engine
            }
        } catch (OutOfMemoryError e) {
            // the grading JVM's own heap, not the agent's (an agent's OOM ends the agent): the teacher must know
            teacher.accept(Text.of("teacher.grade.outOfMemory", student + "/" + notebookName, e.getMessage()));
            warnings.add(Text.in(lang, "grade.grader-problem"));
        } catch (IOException | RuntimeException | Error e) {
            // any other Error too (a StackOverflowError the engine did not take for a cell's): one submission's
            // failure, whatever it is, is that submission's grade, never the batch's end
            String where = student + "/" + notebookName;
            agentDidNotStart = Causes.include(e, AgentStartFailure.class);
            Optional<String> before = agentDidNotStart ? agents.notStartedBefore(where) : Optional.empty();
            teacher.accept(before.isPresent() ? Text.of("teacher.grade.notStartedAgain", where, before.get())
                    : Text.of("teacher.grade.stoppedEarly", where, e));
            warnings.add(Text.in(lang, "grade.grader-problem"));
        }
        return done(student, notebookName, lang, "graded", "", grades, warnings, start);
    }

    private volatile boolean triedAgent;
    private volatile boolean agentDidNotStart;

    /** Whether {@link #grade} went as far as taking an agent for the submission (a readable notebook did). */
    public boolean triedAgent() {
        return triedAgent;
    }

    /** Whether {@link #grade} ended because no agent JVM started: the setup's fault when every submission's did. */
    public boolean agentDidNotStart() {
        return agentDidNotStart;
    }

    /**
     * The grade of a submission whose grading failed outside {@link #grade} (what BatchGrader records rather than
     * end the batch): every exercise 0, the student told that the grader failed and the teacher has the details.
     */
    static NotebookGrade graderProblem(String student, String notebookName, SourcePlan plan, Lang lang) {
        String why = Text.in(lang, "grade.grader-problem");
        List<ExerciseGrade> zero = new ArrayList<>();
        plan.exercises().forEach((id, points) -> zero.add(new ExerciseGrade(id, points, 0, "error", why, List.of())));
        return new NotebookGrade(student, notebookName, "error", why, zero, List.of(), 0, lang);
    }

    private static Map<String, ExerciseGrade> zero(Map<String, ExerciseGrade> grades, String why) {
        grades.replaceAll((id, g) -> g.failed("not run", why));
        return grades;
    }

    private static NotebookGrade done(String student, String notebook, Lang lang, String status, String reason,
                                      Map<String, ExerciseGrade> grades, List<String> warnings, long start) {
        return new NotebookGrade(student, notebook, status, reason, List.copyOf(grades.values()), warnings,
                (System.nanoTime() - start) / 1e9, lang);
    }

    /** One grading run: the engine, what succeeded so far (for replays), and which exercises failed. */
    private final class Run {
        private final Submission submission;
        /** The student's language: their feedback is worded in it. */
        private final Lang lang;
        private final Map<String, ExerciseGrade> grades;
        private final List<String> warnings;
        private final EngineOptions options;
        private final List<SourcePlan.Step> succeeded = new ArrayList<>();
        private final Set<String> failed = new HashSet<>();
        private JShellEngine engine;
        private int freshStarts;
        /**
         * Whether hidden cases' inputs have been in the agent, where the student's code may have kept them: from
         * then on no text the student's code makes (what an answer returned or threw, how its process ended) is
         * copied into the feedback the student reads, which could otherwise carry the kept inputs out — an answer
         * cell after the check throwing them, a later exercise's public case returning them.
         */
        private boolean hiddenSent;
        /** The submission's whole time budget, and when it is up ({@link System#nanoTime}). */
        private final java.time.Duration budget;
        private final long deadline;

        Run(Submission submission, Map<String, ExerciseGrade> grades, List<String> warnings, GradingAgents.Agent agent,
            Lang lang, java.time.Duration budget) {
            this.budget = budget;
            this.deadline = System.nanoTime() + budget.toNanos();
            this.submission = submission;
            this.lang = lang;
            this.grades = grades;
            this.warnings = warnings;
            this.options = agent.options();
            this.engine = agent.engine();
        }

        void all() throws IOException {
            try {
                for (SourcePlan.Step step : plan.steps()) {
                    if (step.exercise() == null || !failed.contains(step.exercise())) {
                        step(step, false);
                    }
                }
            } catch (OutOfTime e) {
                // what was graded stays graded; what had not been is 0, saying why
                String why = Text.in(lang, "grade.out-of-time", budget.toSeconds(), limits.stepTimeout().toSeconds(),
                        GradeReports.number(limits.caseTimeout().toMillis() / 1000.0));
                grades.replaceAll((id, g) -> g.status().equals("not run") ? g.failed("timed out", why) : g);
                warnings.add(why);
            }
        }

        /** Runs one step; on a lost agent, marks its exercise failed and rebuilds the state in a fresh one. */
        private void step(SourcePlan.Step step, boolean replay) throws IOException {
            switch (step) {
                case SourcePlan.Setup s -> {
                    Outcome o = execute(s.code(), replay);
                    if (o.lostAgent() || o.stopped()) {
                        warnings.add(Text.in(lang, "grade.warn.setup", s.cellIndex(), o.describe(hiddenSent)));
                    }
                    afterRun(step, o, replay);
                }
                case SourcePlan.Answer a -> {
                    for (Submission.AnswerCell cell : submission.answers().getOrDefault(a.gradeId(), List.of())) {
                        Outcome o = execute(cell.source(), replay);
                        if (!replay && o.outcome() instanceof ExecuteOutcome.Failure f) {
                            warnings.add(hiddenSent
                                    ? Text.in(lang, "grade.warn.answer-failed.after-check", a.gradeId(), cell.index())
                                    : Text.in(lang, "grade.warn.answer-failed", a.gradeId(), cell.index(),
                                            f.ename() + ": " + firstLine(f.evalue())));
                        }
                        if (o.lostAgent() || o.stopped()) {
                            fail(a.exercise(), o, Message.of("grade.step", cell.index(), o.describe(hiddenSent)));
                            afterRun(step, o, replay);
                            return;
                        }
                    }
                    if (!replay) {
                        succeeded.add(step);
                    }
                }
                case SourcePlan.Check c -> check(c);
            }
        }

        private void afterRun(SourcePlan.Step step, Outcome o, boolean replay) throws IOException {
            if (o.lostAgent()) {
                freshStart(false);
            } else if (!replay && !o.stopped()) {
                succeeded.add(step);
            }
        }

        /**
         * Runs a check in two steps, its public cases and then its hidden ones, so the public cases' values are
         * taken before any of its hidden inputs is in the agent, and judges both.
         */
        private void check(SourcePlan.Check c) throws IOException {
            Set<String> dropped = engine.dropDeclarations(SHADOWING);
            if (!dropped.isEmpty()) {
                warnings.add(Text.in(lang, "grade.warn.shadowing", String.join(", ", dropped), c.exercise()));
            }
            boolean withhold = hiddenSent; // an earlier check's hidden inputs may come back as a public value
            List<CheckResult.CaseResult> cases = grades.get(c.exercise()).cases();
            int hiddenCases = (int) cases.stream().filter(CheckResult.CaseResult::hidden).count();
            long caseMillis = limits.caseTimeout().toMillis();
            Optional<String> seenPublic = collect(c, c.call().publicSnippet(caseMillis), cases.size() - hiddenCases);
            if (seenPublic.isEmpty()) {
                return;
            }
            String probes = classes.hiddenProbes(c.exercise());
            Optional<String> seenHidden = Optional.of("");
            if (!probes.isEmpty()) {
                hiddenSent = true;
                seenHidden = collect(c, c.call().hiddenSnippet(caseMillis, probes), hiddenCases);
                if (seenHidden.isEmpty()) {
                    return;
                }
            }
            CheckResult r;
            try {
                r = classes.judge(c.exercise(), seenPublic.get(), seenHidden.get(), lang, withhold);
            } catch (IllegalArgumentException e) {
                unreadable(c, e);
                return;
            }
            if (!r.exercise().equals(c.exercise()) || !r.graded()) {
                grades.computeIfPresent(c.exercise(), (k, g) -> g.failed("error",
                        Text.in(lang, "grade.report-foreign", c.exercise())));
                return;
            }
            grades.put(c.exercise(), ExerciseGrade.graded(c.points(), r));
            if (r.anyTimedOut()) {
                freshStart(true); // stop the abandoned case threads, which may still spin
            }
        }

        /**
         * One of a check's snippets, given the step time limit and a case's for each of its {@code cases}: what it
         * saw, or empty when the snippet failed, which ends the exercise (recorded here).
         */
        private Optional<String> collect(SourcePlan.Check c, String snippet, int cases) throws IOException {
            Outcome o = execute(snippet, limits.stepTimeout().plus(limits.caseTimeout().multipliedBy(cases)));
            Optional<String> seen = Optional.empty();
            switch (o.outcome()) {
                case ExecuteOutcome.Success s when !o.stopped() && s.result().isPresent() -> {
                    try {
                        seen = Optional.of(decode(s.result().get()));
                    } catch (IllegalArgumentException e) {
                        unreadable(c, e);
                    }
                }
                case ExecuteOutcome.Failure f -> grades.computeIfPresent(c.exercise(), (k, g) -> g.failed("error",
                        hiddenSent ? Text.in(lang, "grade.check-failed.withheld")
                                : Text.in(lang, "grade.check-failed", f.ename() + ": " + firstLine(f.evalue()))));
                default -> fail(c.exercise(), o, Message.of("grade.step.check", o.describe(hiddenSent)));
            }
            if (o.lostAgent()) {
                freshStart(false);
            }
            return seen;
        }

        /**
         * The check's exercise gets 0 for a report that could not be read; what could not be read is the agent's
         * text, which may carry kept hidden inputs once they were there, and is then not shown.
         */
        private void unreadable(SourcePlan.Check c, IllegalArgumentException e) {
            grades.computeIfPresent(c.exercise(), (k, g) -> g.failed("error", hiddenSent
                    ? Text.in(lang, "grade.report-unreadable.withheld")
                    : Text.in(lang, "grade.report-unreadable", e.getMessage())));
        }

        /** Exercise {@code exercise} gets 0 for a step that ended as {@code o}, as {@code what} words it. */
        private void fail(String exercise, Outcome o, Message what) {
            if (exercise == null) {
                warnings.add(what.in(lang));
                return;
            }
            failed.add(exercise);
            String status = o.timedOut() ? "timed out" : o.flooded() ? "output limit" : "crashed";
            grades.computeIfPresent(exercise, (k, g) -> g.failed(status, what.in(lang)));
        }

        /**
         * Rebuilds the state in a fresh agent: replays the steps that succeeded, minus the failed exercises.
         * With {@code kill}, the current agent is thrown away first (else the engine already restarted it).
         */
        private void freshStart(boolean kill) throws IOException {
            if (++freshStarts > MAX_FRESH_STARTS) {
                throw new IOException("the agent had to be restarted more than " + MAX_FRESH_STARTS + " times");
            }
            if (kill) {
                engine.close();
                engine = JShellEngine.start(options);
            }
            // the agent's start (a JVM in a fresh sandbox) is not the replayed steps' time: wait for it first
            engine.agentPid();
            for (SourcePlan.Step s : List.copyOf(succeeded)) {
                if (s.exercise() == null || !failed.contains(s.exercise())) {
                    step(s, true);
                }
            }
        }

        /**
         * A step with the step time limit; a replayed step, which finished in time once already, gets three times
         * as much: it runs first in a fresh agent and a fresh JShell, both still cold.
         */
        private Outcome execute(String code, boolean replay) {
            return execute(code, replay ? limits.stepTimeout().multipliedBy(3) : limits.stepTimeout());
        }

        /** A step with {@code timeout}, or what is left of the budget if less; none left ends the run. */
        private Outcome execute(String code, java.time.Duration timeout) {
            java.time.Duration left = java.time.Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new OutOfTime();
            }
            java.time.Duration given = left.compareTo(timeout) < 0 ? left : timeout;
            GradingIO io = new GradingIO(engine, limits.outputLimit());
            TimedExecution.Result r = TimedExecution.execute(engine, code, io, given);
            if (r.timedOut() && given.compareTo(timeout) < 0) {
                throw new OutOfTime(); // the budget, not the step's own limit, stopped it
            }
            return new Outcome(r.outcome(), r.timedOut(), io.flooded(), timeout, limits);
        }
    }

    /** The submission's time budget is up: the run ends where it is. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the submission's time budget is up", null, false, false);
        }
    }

    /** How a step ended, as the grader sees it. */
    private record Outcome(ExecuteOutcome outcome, boolean timedOut, boolean flooded, java.time.Duration timeout,
                           GradingLimits limits) {
        boolean lostAgent() {
            return outcome instanceof ExecuteOutcome.EngineRestarted;
        }

        boolean stopped() {
            return outcome instanceof ExecuteOutcome.Interrupted || timedOut || flooded;
        }

        /**
         * What happened, to be worded in the student's language ("did not finish within 20 s"); with
         * {@code withhold}, without what the student's code chose (its exception's text, its exit status).
         */
        Message describe(boolean withhold) {
            if (timedOut) {
                long ms = timeout.toMillis();
                return ms % 1000 == 0 ? Message.of("check.timeout.seconds", ms / 1000)
                        : Message.of("check.timeout.millis", ms);
            }
            if (flooded) {
                return Message.of("grade.outcome.flooded", limits.outputLimit());
            }
            return switch (outcome) {
                case ExecuteOutcome.EngineRestarted r -> withhold ? Message.of("grade.outcome.ended.withheld")
                        : Message.of("grade.outcome.ended", withoutCommand(firstLine(r.message())));
                case ExecuteOutcome.Interrupted i -> Message.of("grade.outcome.interrupted");
                case ExecuteOutcome.Failure f -> withhold ? Message.of("grade.outcome.failed.withheld")
                        : Message.of("grade.outcome.failed", f.ename() + ": " + firstLine(f.evalue()));
                case ExecuteOutcome.Success s -> Message.of("grade.outcome.ran");
            };
        }
    }

    /** Reads what the check saw from the snippet's value: a quoted base64 string. */
    static String decode(MimeBundle value) {
        String text = value.plainText().strip();
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            throw new IllegalArgumentException("expected a quoted string but got " + CheckResult.abbreviate(text));
        }
        return new String(Base64.getDecoder().decode(text.substring(1, text.length() - 1)), StandardCharsets.UTF_8);
    }

    /** A sentence about the agent without the command line that started it, which only the teacher should read. */
    static String withoutCommand(String s) {
        int at = s.indexOf(" Command: ");
        return at < 0 ? s : s.substring(0, at);
    }

    static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    /** Output of graded code goes nowhere; past the limit, the step is interrupted. */
    private static final class GradingIO implements CellIO {
        private final JShellEngine engine;
        private final long limit;
        private long seen;
        private volatile boolean flooded;

        GradingIO(JShellEngine engine, long limit) {
            this.engine = engine;
            this.limit = limit;
        }

        boolean flooded() {
            return flooded;
        }

        private synchronized void count(long n) {
            seen += n;
            if (seen > limit && !flooded) {
                flooded = true;
                engine.interrupt();
            }
        }

        @Override public void stdout(String text) { count(text.length()); }
        @Override public void stderr(String text) { count(text.length()); }
        @Override public void display(MimeBundle bundle, String displayId, boolean update) {
            count(bundle.data().values().stream().mapToLong(String::length).sum());
        }
        @Override public void clearOutput(boolean wait) { }
        @Override public boolean stdinAllowed() { return false; }
        @Override public String readLine(String prompt, boolean password) throws StdinUnavailableException {
            throw new StdinUnavailableException("graded code cannot read input");
        }
    }
}
