package netlab.exercise;

import netlab.course.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import netlab.runtime.StopScope;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aCorrectAnswerPassesThePublicCasesButTheSummaryNeverSaysAllPassed() {
        CheckReport r = Check.evaluate("ip.class-of", (IpExercises.ClassOf) ReferenceAnswers::classOf);
        assertTrue(r.allPassed());
        assertEquals(4, r.outcomes().size());
        assertEquals(4.0, r.pointsEarned());
        assertEquals("public checks 4/4 passed · 3 hidden checks run when graded", r.summary());
        assertFalse(r.summary().contains("all"));
        assertFalse(r.graded());
    }

    @Test
    void aWrongAnswerShowsExpectedActualAndHint() {
        CheckReport r = Check.evaluate("ip.class-of", (IpExercises.ClassOf) ip -> "A");
        assertEquals(List.of(true, false, false, false), r.outcomes().stream().map(CaseOutcome::passed).toList());
        CaseOutcome b = r.outcomes().get(1);
        assertEquals(CaseOutcome.Status.FAILED, b.status());
        assertEquals("\"B\"", b.expected());
        assertEquals("\"A\"", b.actual());
        assertEquals(netlab.text.Text.of("course.ip.class-of.failure", "172.16.0.1"), b.message());
        assertEquals(0.0, b.earned());
        assertTrue(r.toString().contains("hint: " + netlab.text.Text.of("course.ip.class-of.hint")), r.toString());
        assertTrue(r.summary().startsWith("public checks 1/4 passed"), r.summary());
    }

    @Test
    void theTodoStubReadsNotAnsweredYetWithoutAStackTrace() {
        CheckReport r = Check.evaluate("ip.same-subnet", (IpExercises.SameSubnet) (a, b, n) -> {
            throw new UnsupportedOperationException("TODO: write your answer here");
        });
        assertTrue(r.notAnswered());
        assertTrue(r.outcomes().stream().allMatch(o -> o.message().equals("not answered yet")));
        assertTrue(r.summary().startsWith("not answered yet"), r.summary());
        assertFalse(r.toString().contains("at netlab"), "no stack trace: " + r);
    }

    @Test
    void anExceptionShowsItsOneLineSummary() {
        CheckReport r = Check.evaluate("ip.class-of", (IpExercises.ClassOf) ip -> Integer.parseInt(ip) > 0 ? "A" : "B");
        CaseOutcome first = r.outcomes().getFirst();
        assertEquals(CaseOutcome.Status.ERROR, first.status());
        assertEquals("NumberFormatException: For input string: \"10.1.2.3\"", first.actual());
        // what it means and what to do, as a cell throwing it reads, then what was thrown
        assertEquals(netlab.text.Text.in(netlab.text.Lang.EN, "exception.explain.number")
                + " (threw NumberFormatException: For input string: \"10.1.2.3\")", first.message());
    }

    @Test
    void aRunawayCaseTimesOutAndTheCheckGoesOn() {
        Exercise<IpExercises.ClassOf> e = Exercise.of("test.runaway", "Runaway", IpExercises.ClassOf.class)
                .add(Case.<IpExercises.ClassOf>named("hangs").expect("A", a -> a.classOf("sleep")))
                .add(Case.<IpExercises.ClassOf>named("answers").expect("A", a -> a.classOf("10.0.0.1")))
                .build();
        IpExercises.ClassOf answer = ip -> {
            if (ip.equals("sleep")) {
                Thread.sleep(60_000); // the interrupt after the timeout ends it
            }
            return "A";
        };
        CheckReport r = Check.evaluate(e, answer, Duration.ofMillis(200));
        assertEquals(CaseOutcome.Status.TIMED_OUT, r.outcomes().get(0).status());
        assertEquals("did not finish within 200 ms; the check stopped it", r.outcomes().get(0).message());
        assertEquals(CaseOutcome.Status.PASSED, r.outcomes().get(1).status());
        assertEquals("did not finish within 2 s", CaseRunner.timedOut(CaseRunner.DEFAULT_TIMEOUT).in(netlab.text.Lang.EN));
        assertEquals("没能在 2 秒内完成", CaseRunner.timedOut(CaseRunner.DEFAULT_TIMEOUT).in(netlab.text.Lang.ZH));
        assertEquals("没能在 2 秒内完成，检查已把它停下",
                CaseRunner.stoppedAfter(CaseRunner.DEFAULT_TIMEOUT).in(netlab.text.Lang.ZH));
    }

    /**
     * A case that runs past its timeout has its {@link StopScope} stopped, and one that returns in time has not: with
     * a scope whose stop ends a loop that ignores interrupts (what the notebook's woven stop checks do), the
     * report says the check stopped it. Outside a notebook such a loop would go on ({@link StopScope#NONE}).
     */
    @Test
    void aTimedOutCaseIsStoppedThroughItsScope() {
        List<AtomicBoolean> stops = new CopyOnWriteArrayList<>();
        ThreadLocal<AtomicBoolean> scopeOfThread = new ThreadLocal<>();
        try (var restore = netlab.runtime.TestHost.openScopesWith(() -> {
            AtomicBoolean stopped = new AtomicBoolean();
            stops.add(stopped);
            return new StopScope() {
                @Override
                public void run(Runnable body) {
                    scopeOfThread.set(stopped);
                    body.run();
                }

                @Override
                public void stop() {
                    stopped.set(true);
                }
            };
        })) {
            Exercise<IpExercises.ClassOf> e = Exercise.of("test.spins", "Spins", IpExercises.ClassOf.class)
                    .add(Case.<IpExercises.ClassOf>named("spins").expect("A", a -> a.classOf("spin")))
                    .add(Case.<IpExercises.ClassOf>named("answers").expect("A", a -> a.classOf("10.0.0.1")))
                    .build();
            IpExercises.ClassOf answer = ip -> {
                while (ip.equals("spin")) {
                    Thread.interrupted(); // ignores the interrupt; only the scope's stop ends it
                    if (scopeOfThread.get().get()) {
                        throw new IllegalStateException("stopped");
                    }
                }
                return "A";
            };
            CheckReport r = Check.evaluate(e, answer, Duration.ofMillis(200));
            assertEquals(CaseOutcome.Status.TIMED_OUT, r.outcomes().get(0).status());
            assertEquals("did not finish within 200 ms; the check stopped it", r.outcomes().get(0).message());
            assertEquals(CaseOutcome.Status.PASSED, r.outcomes().get(1).status());
            assertEquals(2, stops.size());
            assertEquals(List.of(true, false), stops.stream().map(AtomicBoolean::get).toList());
        }
    }

    @Test
    void gradingWithoutTheGraderJarRunsNoHiddenCase() {
        CheckReport r = Check.grade("ip.class-of", (IpExercises.ClassOf) ReferenceAnswers::classOf, Duration.ofSeconds(2));
        assertTrue(r.graded());
        assertEquals(4, r.outcomes().size(), "the lessons jar alone has no hidden cases");
        assertEquals(0, r.hiddenNotRun());
    }

    @Test
    void theWrongAnswerInterfaceIsRefusedWithWhatToPass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.evaluate("ip.class-of", (Runnable) () -> { }));
        assertTrue(e.getMessage().contains("expects a netlab.course.IpExercises$ClassOf"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Check.evaluate("ip.nope", (IpExercises.ClassOf) ip -> ip));
        assertTrue(unknown.getMessage().contains("ip.class-of, ip.same-subnet"), unknown.getMessage());
    }

    @Test
    void runShowsTheTableAndPrintsAJsonLineOnlyForTheRunner() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Check.run("ip.same-subnet", (IpExercises.SameSubnet) ReferenceAnswers::sameSubnet);
            assertFalse(bytes.toString(StandardCharsets.UTF_8).contains(CheckReport.MARKER), "no marker in a notebook");
            System.setProperty(Check.MARKERS_PROPERTY, "true");
            Check.run("ip.same-subnet", (IpExercises.SameSubnet) ReferenceAnswers::sameSubnet);
        } finally {
            System.setOut(saved);
            System.clearProperty(Check.MARKERS_PROPERTY);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.contains("public checks 3/3 passed · 3 hidden checks run when graded"), lines.toString());
        String json = lines.getLast();
        assertTrue(json.startsWith("NETLAB-CHECK {\"exercise\":\"ip.same-subnet\",\"graded\":false,\"earned\":3,"
                + "\"possible\":3,\"hidden_not_run\":3,"), json);
    }

    @Test
    void notRunRecordsEveryCaseBeforeGradingStarts() {
        CheckReport r = Check.notRun("ip.same-subnet", "en");
        assertEquals(3, r.outcomes().size());
        assertTrue(r.outcomes().stream().allMatch(o -> o.status() == CaseOutcome.Status.NOT_RUN));
        assertEquals(0.0, r.pointsEarned());
        assertEquals(3.0, r.pointsPossible());
    }
}
