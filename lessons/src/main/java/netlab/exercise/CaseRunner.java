package netlab.exercise;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netlab.runtime.Causes;
import netlab.runtime.StopScope;
import netlab.text.ExceptionExplanation;
import netlab.text.Lang;
import netlab.text.Message;

/**
 * Runs one case against an answer, each on its own (daemon platform) thread with a timeout, and turns whatever
 * happens (a value, a TODO stub, an exception, a hang) into a {@link CaseOutcome}. Never throws for what
 * the answer does.
 *
 * <p>A case that times out is stopped ({@link StopScope}) and interrupted: a thread blocked in socket I/O or
 * {@code sleep} ends; in a notebook's agent, a CPU loop in the answer, and the threads the answer started, end at
 * their next loop turn too. Outside a notebook nothing stops such a loop but the end of the JVM. What the case
 * reports says whether its thread ended ({@link #STOP_GRACE}). The grader still runs a fresh agent after a
 * timed-out case: a thread blocked on a monitor survives both.
 */
final class CaseRunner {

    /** Time one case may take unless the caller says otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long a timed-out case waits for its stopped thread to end, so its report can say it was stopped: a loop
     * meets a stop check within microseconds; what is still running after this is blocked where neither the
     * stop nor the interrupt reaches (a monitor), and costs the check this long once per case.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);
    /** What JShell throws in the agent when code calls a declaration that did not resolve (a misspelt name). */
    private static final String UNRESOLVED = "jdk.jshell.spi.SPIResolutionException";

    private final Duration timeout;

    CaseRunner(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Runs {@code c} against {@code answer} and judges what it saw: the notebook's check, all in one JVM. */
    <A> CaseOutcome run(Case<A> c, A answer, boolean hidden, Lang lang) {
        return judge(c, hidden, observe(c.identity(), hidden, c.probe(), answer), lang);
    }

    /**
     * Runs {@code probe} against {@code answer} and reports what happened, without a verdict: the value's
     * canonical text is taken on the case's thread, within its timeout, since turning an answer's value
     * into text may run the answer's own code (a list of its making, say).
     */
    <A> Observation observe(String name, boolean hidden, Probe<A> probe, A answer) {
        FutureTask<String[]> task = new FutureTask<>(() -> {
            Object actual = probe.run(answer);
            return new String[] {Values.canonical(actual), Values.show(actual)};
        });
        // the case's code, and the threads it starts, can be stopped apart from the cell running this check
        StopScope scope = StopScope.open();
        // a platform thread, not a virtual one: an answer spinning in a loop pins its carrier, and a few of
        // them would starve every virtual thread of the JVM, the cell running this check included
        Thread thread = Thread.ofPlatform().daemon().name("netlab-check " + name).start(() -> scope.run(task));
        try {
            String[] actual = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Observation(hidden, name, Observation.Kind.RETURNED, actual[0], actual[1], null);
        } catch (TimeoutException e) {
            scope.stop();
            thread.interrupt();
            Message why = ended(thread) ? stoppedAfter(timeout) : timedOut(timeout);
            return new Observation(hidden, name, Observation.Kind.TIMED_OUT, "", "", why);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (isTodoStub(cause)) {
                return new Observation(hidden, name, Observation.Kind.NOT_ANSWERED, "", "",
                        Message.of("check.not.answered"));
            }
            return new Observation(hidden, name, Observation.Kind.ERROR, "", Values.summary(cause), blame(cause));
        } catch (InterruptedException e) {
            scope.stop();
            thread.interrupt();
            Thread.currentThread().interrupt();
            return new Observation(hidden, name, Observation.Kind.NOT_RUN, "", "", Message.of("check.interrupted"));
        }
    }

    /**
     * The verdict on what a case saw: passed when the value's canonical text is the expected value's. Runs
     * where the expected value is: in the notebook for public cases, in the grading JVM for graded ones, which
     * words each student's feedback in {@code lang}, that student's.
     */
    static <A> CaseOutcome judge(Case<A> c, boolean hidden, Observation o, Lang lang) {
        return judge(c, hidden, o, lang, false);
    }

    /**
     * The verdict on what a public case saw once hidden inputs had been in the agent, worded from how the case
     * ended and the grader's own data alone: no value, exception or sentence the agent sent, since the answer's
     * code could have put kept hidden inputs in any of them (a sentence's arguments, its key). The one key kept
     * is the misspelt-name sentence, which has no arguments and says what to do.
     */
    static <A> CaseOutcome judgeWithheld(Case<A> c, Observation o, Lang lang) {
        return judge(c, false, o, lang, true);
    }

    private static <A> CaseOutcome judge(Case<A> c, boolean hidden, Observation o, Lang lang, boolean withheld) {
        String expected = Values.show(c.expected(), lang);
        String actual = withheld ? "" : o.shown();
        return switch (o.kind()) {
            case RETURNED -> Values.canonical(c.expected()).equals(o.canonical())
                    ? new CaseOutcome(c.name(lang), hidden, CaseOutcome.Status.PASSED, c.points(), c.points(),
                            expected, actual, "", c.hint(lang))
                    : failed(c, hidden, CaseOutcome.Status.FAILED, expected, actual, !c.failure(lang).isEmpty()
                            ? c.failure(lang) : withheld ? Message.of("check.expected.withheld", expected).in(lang)
                            : Message.of("check.expected.but", expected, actual).in(lang)
                            + FirstDifference.of(expected, actual).map(d -> d.in(lang)).orElse(""), lang);
            case NOT_ANSWERED -> failed(c, hidden, CaseOutcome.Status.NOT_ANSWERED, expected, "",
                    Message.of("check.not.answered").in(lang), lang);
            case ERROR -> threw(o, failed(c, hidden, CaseOutcome.Status.ERROR, expected, actual,
                    withheld && !unresolved(o) ? Message.of("check.threw.withheld").in(lang) : worded(o, lang), lang));
            case TIMED_OUT -> failed(c, hidden, CaseOutcome.Status.TIMED_OUT, expected, "",
                    withheld ? Message.of("check.timeout.withheld").in(lang) : worded(o, lang), lang);
            case NOT_RUN -> failed(c, hidden, CaseOutcome.Status.NOT_RUN, expected, "",
                    withheld ? Message.of("check.not.reported").in(lang) : worded(o, lang), lang);
        };
    }

    private static String worded(Observation o, Lang lang) {
        return o.message() == null ? "" : o.message().in(lang);
    }

    private static CaseOutcome failed(Case<?> c, boolean hidden, CaseOutcome.Status status, String expected,
                                      String actual, String message, Lang lang) {
        return new CaseOutcome(c.name(lang), hidden, status, c.points(), 0, expected, actual, message, c.hint(lang));
    }

    /**
     * {@code f} without the case's hint when the answer called a misspelt name: a hint about the answer's logic
     * would lead away from what to fix, the cell the sentence names.
     */
    private static CaseOutcome threw(Observation o, CaseOutcome f) {
        return !unresolved(o) ? f : new CaseOutcome(f.name(), f.hidden(), f.status(), f.points(), f.earned(),
                f.expected(), f.actual(), f.message(), "");
    }

    /** Whether the answer called a declaration that did not resolve: the one sentence kept when text is withheld. */
    private static boolean unresolved(Observation o) {
        return Message.of("check.threw.unresolved").equals(o.message());
    }

    /**
     * The failure sentence for an answer that threw: "threw" and the exception's summary, after what the exception
     * means and what to do when {@link ExceptionExplanation} has a sentence for it (the one a cell throwing it reads;
     * a message of its own, so the judge words it in its student's language). Instead of that, what to do when the
     * answer bound a port that another program holds (a fixed port number, where the check hands the answer a
     * socket on a free port), or what JShell throws when the answer calls a declaration that is not there (a
     * misspelt method: the cell that defined the answer said so in a note). A case's own words (an assertion of the
     * lessons, a server case's account of what its client saw) are shown as they are, whole.
     */
    static Message blame(Throwable cause) {
        for (Throwable x : Causes.of(cause)) {
            if (x instanceof java.net.BindException) {
                return Message.of("check.threw.bind", Values.summary(cause));
            }
            if (x.getClass().getName().equals(UNRESOLVED)) {
                return Message.of("check.threw.unresolved");
            }
        }
        if (cause.getMessage() != null && (cause instanceof AssertionError && thrownIn(cause, "netlab.")
                || cause instanceof IllegalStateException && thrownIn(cause, "netlab.course."))) {
            // a case that compares inside its probe says what differed, one that played a client what it saw
            // ("client 2's line did not come back"): "threw IllegalStateException" read as the answer's own
            // exception, and the one-line summary cut the sentence's advice at 200 characters
            return Message.of("check.verbatim", cause.getMessage());
        }
        String summary = Values.summary(cause);
        return ExceptionExplanation.of(cause)
                .map(meaning -> Message.of("check.threw.explained", summary, meaning))
                .orElseGet(() -> Message.of("check.threw", summary));
    }

    /**
     * Whether {@code t} was made in the course library's code under {@code packagePrefix} ({@code netlab.course.}:
     * the cases), not in the student's ({@code REPL.$JShell$12}).
     */
    private static boolean thrownIn(Throwable t, String packagePrefix) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(packagePrefix);
    }

    /** "did not finish within 1 s" as data. */
    static Message timedOut(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Message.of("check.timeout.seconds", ms / 1000) : Message.of("check.timeout.millis", ms);
    }

    /** "did not finish within 1 s; the check stopped it" as data: the case's own thread has ended. */
    static Message stoppedAfter(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Message.of("check.timeout.stopped.seconds", ms / 1000)
                : Message.of("check.timeout.stopped.millis", ms);
    }

    /**
     * Whether the stopped case's {@code thread} ends within {@link #STOP_GRACE}; false, and the interrupt kept,
     * when the thread waiting is interrupted meanwhile.
     */
    private static boolean ended(Thread thread) {
        try {
            return thread.join(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A stub handed out by {@code netlab release}: {@code UnsupportedOperationException("TODO ...")}. */
    static boolean isTodoStub(Throwable t) {
        for (Throwable x : Causes.of(t)) {
            if (x instanceof UnsupportedOperationException && x.getMessage() != null
                    && x.getMessage().strip().startsWith("TODO")) {
                return true;
            }
        }
        return false;
    }
}
