package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import jdk.jshell.spi.SPIResolutionException;
import netlab.course.IpExercises;
import netlab.text.Lang;
import netlab.text.Message;
import netlab.text.Text;
import org.junit.jupiter.api.Test;

/** What a case says when the answer threw: the exception, or what to do about the two that mislead. */
class CaseRunnerBlameTest {

    @Test
    void anAnswerCallingAMisspeltDeclarationIsToldToReadTheNoteAndFixIt() {
        assertEquals("check.threw.unresolved",
                CaseRunner.blame(new IllegalStateException(new SPIResolutionException(7))).key());
    }

    @Test
    void theCaseHintIsLeftOutWhenTheAnswerCalledAMisspeltName() {
        Case<netlab.course.IpExercises.ClassOf> c = netlab.course.IpExercises.classCase("10.1.2.3", "A");
        Observation misspelt = new Observation(false, "x", Observation.Kind.ERROR, "", "SPIResolutionException",
                CaseRunner.blame(new SPIResolutionException(7)));
        Observation other = new Observation(false, "x", Observation.Kind.ERROR, "", "ArithmeticException",
                CaseRunner.blame(new ArithmeticException("/ by zero")));
        assertEquals("", CaseRunner.judge(c, false, misspelt, netlab.text.Lang.EN).hint());
        assertEquals("", CaseRunner.judgeWithheld(c, misspelt, netlab.text.Lang.EN).hint());
        assertEquals(c.hint(netlab.text.Lang.EN), CaseRunner.judge(c, false, other, netlab.text.Lang.EN).hint());
    }

    @Test
    void aTakenPortSaysWhoMayHoldIt() {
        assertEquals("check.threw.bind", CaseRunner.blame(new BindException("Address already in use")).key());
    }

    /** A case that compares inside its probe (the chat room's lines) says what differed, not "threw AssertionError". */
    @Test
    void theLessonsOwnMismatchIsSaidAsItIs() {
        assertEquals("check.verbatim", CaseRunner.blame(new AssertionError("expected [a] but got [b]")).key());
        AssertionError students = new AssertionError("mine");
        students.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$12", "do_it$", "#12", 1)});
        assertEquals("check.threw", CaseRunner.blame(students).key());
    }

    /** An answer's exception whose causes loop is named at once; walking its causes to their end never ends. */
    @Test
    void causesThatLoopAreWalkedOnce() {
        RuntimeException a = new RuntimeException("a");
        a.initCause(new SocketTimeoutException("b") {
            @Override
            public synchronized Throwable getCause() {
                return a;
            }
        });
        Message said = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CaseRunner.blame(a));
        assertEquals("check.threw", said.key());
        assertFalse(CaseRunner.isTodoStub(a));
    }

    @Test
    void anythingElseIsNamed() {
        assertEquals("check.threw", CaseRunner.blame(new IllegalStateException("mine")).key());
        assertEquals("抛出了 IllegalStateException: mine", CaseRunner.blame(new IllegalStateException("mine")).in(Lang.ZH));
    }

    /**
     * An exception a cell throwing it would have explained is explained in the check too, with the same sentence, in
     * the language the check is read in: what it means and what to do, then what was thrown.
     */
    @Test
    void anExceptionBeginnersMeetIsExplainedInTheChecksLanguage() {
        Message blamed = CaseRunner.blame(new SocketTimeoutException("Read timed out"));
        assertEquals("check.threw.explained", blamed.key());
        assertEquals(Text.in(Lang.ZH, "exception.explain.timeout") + "（抛出了 SocketTimeoutException: Read timed out）",
                blamed.in(Lang.ZH));
        assertEquals(Text.in(Lang.EN, "exception.explain.timeout") + " (threw SocketTimeoutException: Read timed out)",
                blamed.in(Lang.EN));
        assertTrue(blamed.in(Lang.ZH).startsWith("等待超时："), blamed.in(Lang.ZH));
        assertTrue(blamed.in(Lang.EN).startsWith("Waiting timed out:"), blamed.in(Lang.EN));
    }

    /** An answer's case in a notebook's check: the failure's sentence is in the notebook's language. */
    @Test
    void aTimedOutReadInAnAnswerReadsTheSentenceInTheNotebooksCheck() {
        Case<IpExercises.ClassOf> c = IpExercises.classCase("10.1.2.3", "A");
        IpExercises.ClassOf waiting = ip -> {
            throw new SocketTimeoutException("Read timed out");
        };
        CaseRunner runner = new CaseRunner(Duration.ofSeconds(2));
        CaseOutcome zh = runner.run(c, waiting, false, Lang.ZH);
        assertEquals(CaseOutcome.Status.ERROR, zh.status());
        assertEquals(Text.in(Lang.ZH, "exception.explain.timeout") + "（抛出了 SocketTimeoutException: Read timed out）",
                zh.message());
        assertEquals(Text.in(Lang.EN, "exception.explain.timeout") + " (threw SocketTimeoutException: Read timed out)",
                runner.run(c, waiting, false, Lang.EN).message());
        // wrapped as a lambda wraps a checked exception, with no words of its own: the wrapper is named, the timeout
        // it carries explained
        IpExercises.ClassOf wrapping = ip -> {
            throw new RuntimeException(new SocketTimeoutException("Read timed out"));
        };
        assertEquals(Text.in(Lang.ZH, "exception.explain.timeout")
                        + "（抛出了 RuntimeException: java.net.SocketTimeoutException: Read timed out）",
                runner.run(c, wrapping, false, Lang.ZH).message());
        // with words of its own, the wrapper has said what it means: named, not explained
        IpExercises.ClassOf worded = ip -> {
            throw new IllegalStateException("no reply", new SocketTimeoutException("Read timed out"));
        };
        assertEquals("抛出了 IllegalStateException: no reply", runner.run(c, worded, false, Lang.ZH).message());
    }
}
