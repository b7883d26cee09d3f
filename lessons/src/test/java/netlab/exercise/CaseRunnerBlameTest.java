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
    void aTakenPortSaysWhoMayHoldIt() {
        assertEquals("check.threw.bind", CaseRunner.blame(new BindException("Address already in use")).key());
    }

    @Test
    void anythingElseIsNamed() {
        assertEquals("check.threw", CaseRunner.blame(new ArithmeticException("/ by zero")).key());
    }
}
