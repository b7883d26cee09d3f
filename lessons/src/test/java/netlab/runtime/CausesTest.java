package netlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aChainIsTheExceptionThenEachCauseInTurn() {
        IOException root = new IOException("root");
        IllegalStateException top = new IllegalStateException("top", new RuntimeException(root));
        assertEquals(List.of(top, top.getCause(), root), Causes.of(top));
        assertTrue(Causes.include(top, IOException.class));
        assertFalse(Causes.include(top, ArithmeticException.class));
        assertEquals(List.of(), Causes.of(null));
    }

    @Test
    void causesThatLoopEndBeforeTheRepeat() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(List.of(a, b), Causes.of(a));
        assertFalse(Causes.include(a, IOException.class));
    }

    /** A getCause() that makes a new exception each time never repeats one: the chain ends at its limit. */
    @Test
    void aChainThatNeverEndsIsCut() {
        class Endless extends RuntimeException {
            @Override
            public synchronized Throwable getCause() {
                return new Endless();
            }
        }
        assertEquals(Causes.MOST, Causes.of(new Endless()).size());
    }

    /** A chain past the limit keeps its root cause, the one that says what went wrong first. */
    @Test
    void aLongChainKeepsItsRootCause() {
        Throwable root = new IOException("root");
        Throwable top = root;
        for (int i = 0; i < 40; i++) {
            top = new RuntimeException("wrap " + i, top);
        }
        List<Throwable> chain = Causes.of(top);
        assertEquals(Causes.MOST, chain.size());
        for (int i = 0; i < Causes.MOST - 1; i++) {
            assertEquals("wrap " + (39 - i), chain.get(i).getMessage(), "the first fifteen, from the top");
        }
        assertEquals(root, chain.getLast());
        assertTrue(Causes.include(top, IOException.class));

        RuntimeException first = new RuntimeException("first");
        Throwable loop = first;
        for (int i = 0; i < 40; i++) {
            loop = new RuntimeException("loop " + i, loop);
        }
        first.initCause(loop); // no root: the chain comes back to its top
        assertEquals("loop 24", Causes.of(loop).getLast().getMessage(), "a loop is cut where it is, as before");
    }

    @Test
    void aGetCauseThatThrowsEndsTheChain() {
        RuntimeException hostile = new RuntimeException("top") {
            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("no cause");
            }
        };
        assertEquals(List.of(hostile), Causes.of(hostile));
    }
}
