package netlab.kernel.jshell;

import java.io.ObjectInputFilter;

/**
 * What the kernel (or the grading JVM) deserializes from an agent's main connection: only the objects JShell's
 * streaming protocol sends back ({@code StreamingExecutionControl}: a stack trace as {@code StackTraceElement[]},
 * which classes loaded as {@code boolean[]}), in the sizes a real one has. The agent runs student code, which
 * may write anything on that connection; unfiltered, a crafted stream of nested sets takes the reading JVM's CPU
 * for good (a grading JVM, every student's batch), and any class on the reader's class path could be made.
 * Anything else ends the read with an {@code InvalidClassException}, which JShell takes for a broken agent: the
 * cell fails and the agent is restarted.
 *
 * <p>Strings are read outside the filter; the protocol's other values are primitives ({@code readInt},
 * {@code readUTF}).
 */
final class AgentReplyFilter implements ObjectInputFilter {

    static final AgentReplyFilter INSTANCE = new AgentReplyFilter();

    /** Frames of a stack trace the agent may send; its JVM cuts a trace at 1,024 frames unless code sets one. */
    static final int MAX_ARRAY = 100_000;
    /** An array of stack trace elements, each with its strings: never deeper. */
    static final int MAX_DEPTH = 4;
    static final int MAX_REFERENCES = 1_000_000;

    private AgentReplyFilter() {
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED; // a limits-only check, passed above
        }
        return type == StackTraceElement[].class || type == StackTraceElement.class || type == boolean[].class
                ? Status.ALLOWED : Status.REJECTED;
    }
}
