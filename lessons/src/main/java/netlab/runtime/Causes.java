package netlab.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception's cause chain, walked so that it always ends. {@code getCause()} can lead back to an exception
 * already seen ({@code a.initCause(b)} where {@code b} was made with {@code a} as its cause: the JDK refuses only
 * an exception that is its own cause), and a loop that follows it until {@code null} never ends; student code
 * makes such chains, and the course library, the agent and the kernel read what student code throws.
 *
 * <pre>{@code
 * var a = new RuntimeException("a");
 * var b = new RuntimeException("b", a);
 * a.initCause(b);
 * Causes.of(a)                                  // [a, b]: b's cause is a again, where the walk ends
 * Causes.include(a, IllegalStateException.class) // false, at once
 * }</pre>
 */
public final class Causes {

    /**
     * The longest chain {@link #of} gives: no student reads past it. A longer one keeps its root cause last, the one
     * that says what went wrong first.
     */
    public static final int MOST = 16;
    /**
     * How far {@link #of} follows a chain looking for its root: past it the chain is a loop in all but name (a
     * {@code getCause()} that makes a new exception each time, or a wrapping recursion), with no root to find.
     */
    static final int FOLLOWED = 10_000;

    private Causes() {
    }

    /**
     * {@code t}, its cause, that one's cause and so on, each exception once and at most {@link #MOST}: the list
     * ends before a repeat, and where a {@code getCause()} throws (a student's class may override it so). Of a
     * longer chain, the first {@code MOST - 1} and its root cause, when one is found within {@link #FOLLOWED}.
     */
    public static List<Throwable> of(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>()); // equals() is student code
        Throwable last = null;
        Throwable x = t;
        for (int followed = 0; x != null && followed < FOLLOWED && seen.add(x); x = causeOf(x), followed++) {
            if (chain.size() < MOST) {
                chain.add(x);
            }
            last = x;
        }
        if (x == null && last != null && last != chain.getLast()) { // a root, not a loop's repeat or the limit
            chain.set(MOST - 1, last);
        }
        return chain;
    }

    /** Whether {@code e} is a {@code kind} or has one among its causes. */
    public static boolean include(Throwable e, Class<? extends Throwable> kind) {
        return of(e).stream().anyMatch(kind::isInstance);
    }

    private static Throwable causeOf(Throwable t) {
        try {
            return t.getCause();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
