package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.Test;

class ExceptionExplainerTest {

    @Test
    void theJdksTextNamesWhatTheStudentDeclared() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", ExceptionExplainer.withStudentNames(
                "Cannot invoke \"String.length()\" because \"REPL.$JShell$8.s\" is null"));
        assertEquals("class Point cannot be cast to class java.lang.String (Point is in unnamed module)",
                ExceptionExplainer.withStudentNames("class REPL.$JShell$12$Point cannot be cast to class "
                        + "java.lang.String (REPL.$JShell$12$Point is in unnamed module)"));
        assertEquals("Cannot read field \"x\" because \"p\" is null",
                ExceptionExplainer.withStudentNames(
                        "Cannot read field \"x\" because \"$JShell$netlabValue7.p\" is null"));
        assertEquals("Index 3 out of bounds for length 3", ExceptionExplainer.withStudentNames(
                "Index 3 out of bounds for length 3"));
        assertNull(ExceptionExplainer.withStudentNames(null));
    }

    @Test
    void chosenByTheExceptionsClassOnly() {
        assertEquals(Optional.of(Text.in(Lang.ZH, "kernel.explain.connect")),
                ExceptionExplainer.explain("java.net.ConnectException", "Connection refused", Lang.ZH));
        assertTrue(ExceptionExplainer.explain("java.lang.NullPointerException", null, Lang.EN).orElseThrow()
                .startsWith("A value is null"));
        // what a library throws in the student's language already, and what a student throws, get none
        assertEquals(Optional.empty(), ExceptionExplainer.explain("netlab.tftp.TransferTimeoutException", "对方没有应答", Lang.ZH));
        assertEquals(Optional.empty(), ExceptionExplainer.explain("java.lang.IllegalStateException", null, Lang.ZH));
        // without a message it is an unmodifiable collection's; with one, most often the course's answer stub,
        // whose text netlab run reads as it is
        assertEquals(Optional.of(Text.in(Lang.ZH, "kernel.explain.unmodifiable")),
                ExceptionExplainer.explain("java.lang.UnsupportedOperationException", null, Lang.ZH));
        assertEquals(Optional.empty(), ExceptionExplainer.explain("java.lang.UnsupportedOperationException",
                "TODO: write your answer here", Lang.ZH));
        // a non-blocking connect() on loopback may finish at once, so no cell can be sure to meet this one
        assertEquals(Optional.of(Text.in(Lang.ZH, "kernel.explain.connection.pending")),
                ExceptionExplainer.explain("java.nio.channels.ConnectionPendingException", null, Lang.ZH));
        // every kind of format mistake, not only the three a cell meets most (a type, a missing argument, %i)
        assertEquals(Optional.of(Text.in(Lang.EN, "kernel.explain.format")),
                ExceptionExplainer.explain("java.util.IllegalFormatPrecisionException", "2", Lang.EN));
    }
}
