package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.BindException;
import jdk.jshell.spi.SPIResolutionException;
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

    @Test
    void anythingElseIsNamed() {
        assertEquals("check.threw", CaseRunner.blame(new ArithmeticException("/ by zero")).key());
    }
}
