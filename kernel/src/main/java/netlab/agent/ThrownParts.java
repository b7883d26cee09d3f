package netlab.agent;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The parts of an exception a cell's code made that the agent sends the kernel as data. A student's exception class
 * may override {@code getMessage} or {@code getStackTrace} to throw, or set a million frames or null ones: that
 * part is left out or cut, and the agent goes on.
 */
final class ThrownParts {

    private static final StackTraceElement[] NO_FRAMES = {};

    private ThrownParts() {
    }

    /** {@code t}'s message; null when it has none or its {@code getMessage} throws. */
    static String message(Throwable t) {
        return orElse(t::getMessage, null);
    }

    /**
     * The most frames sent of one exception: as many as the JVM records of a stack (its
     * {@code -XX:MaxJavaStackTraceDepth}), so only a trace that code set itself is cut, where the kernel would
     * take a longer one for a broken agent's ({@code AgentReplyFilter}) and restart it.
     */
    static final int MOST_FRAMES = 1024;

    /**
     * {@code t}'s frames, the innermost first and at most {@link #MOST_FRAMES}; none when its {@code getStackTrace}
     * throws or returns null, and never a null frame.
     */
    static StackTraceElement[] frames(Throwable t) {
        StackTraceElement[] frames = orElse(t::getStackTrace, null);
        return frames == null ? NO_FRAMES : Arrays.stream(frames).filter(Objects::nonNull).limit(MOST_FRAMES)
                .toArray(StackTraceElement[]::new);
    }

    private static <T> T orElse(Supplier<T> getter, T fallback) {
        try {
            return getter.get();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
