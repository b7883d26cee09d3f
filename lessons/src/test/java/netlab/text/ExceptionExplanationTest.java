package netlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one sentence a cell's exception and a check's both say, chosen by the exception's class. */
class ExceptionExplanationTest {

    @Test
    void chosenByTheExceptionsClassOnly() {
        assertEquals(Optional.of(Message.of("exception.explain.connect")),
                ExceptionExplanation.of("java.net.ConnectException", "Connection refused"));
        assertTrue(ExceptionExplanation.of("java.lang.NullPointerException", null).orElseThrow().in(Lang.EN)
                .startsWith("A value is null"));
        // what a library throws in the student's language already, and what a student throws, get none
        assertEquals(Optional.empty(), ExceptionExplanation.of("netlab.tftp.TransferTimeoutException", "对方没有应答"));
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.IllegalStateException", null));
        // without a message it is an unmodifiable collection's; with one, most often the course's answer stub,
        // whose text netlab run reads as it is
        assertEquals(Optional.of(Message.of("exception.explain.unmodifiable")),
                ExceptionExplanation.of("java.lang.UnsupportedOperationException", null));
        assertEquals(Optional.empty(), ExceptionExplanation.of("java.lang.UnsupportedOperationException",
                "TODO: write your answer here"));
        // a non-blocking connect() on loopback may finish at once, so no cell can be sure to meet this one
        assertEquals(Optional.of(Message.of("exception.explain.connection.pending")),
                ExceptionExplanation.of("java.nio.channels.ConnectionPendingException", null));
        // every kind of format mistake, not only the three a cell meets most (a type, a missing argument, %i)
        assertEquals(Optional.of(Message.of("exception.explain.format")),
                ExceptionExplanation.of("java.util.IllegalFormatPrecisionException", "2"));
    }

    /** A thrown exception is explained by its own class, never by its cause's. */
    @Test
    void aThrowableIsExplainedByItsOwnClass() {
        Message timeout = ExceptionExplanation.of(new SocketTimeoutException("Read timed out")).orElseThrow();
        assertTrue(timeout.in(Lang.ZH).startsWith("等待超时："), timeout.in(Lang.ZH));
        assertTrue(timeout.in(Lang.EN).startsWith("Waiting timed out:"), timeout.in(Lang.EN));
        assertEquals(Optional.empty(), ExceptionExplanation.of(
                new IllegalStateException("server down", new java.net.ConnectException("Connection refused"))));
    }

    /** A wrapper made of its cause alone (a lambda's checked exception rethrown) says nothing: the cause is. */
    @Test
    void aWrapperMadeOfItsCauseIsExplainedByTheCause() {
        SocketTimeoutException timedOut = new SocketTimeoutException("Read timed out");
        Message expected = ExceptionExplanation.of(timedOut).orElseThrow();
        assertEquals(expected, ExceptionExplanation.of(new RuntimeException(timedOut)).orElseThrow());
        assertEquals(expected, ExceptionExplanation.of(
                new RuntimeException(new java.io.UncheckedIOException(timedOut))).orElseThrow());
        assertEquals(Optional.empty(), ExceptionExplanation.of(new RuntimeException(new java.io.IOException("boom"))));
    }
}
