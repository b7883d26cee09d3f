package netlab.kernel.jshell;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

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
 *
 * <p>JDK 25.0.5 and later filter that connection themselves: {@code StreamingExecutionControl}'s constructor sets
 * a filter of the same classes, without limits on sizes, and a stream's filter can be set only once, so setting
 * this one first made every JShell start fail ("filter can not be set more than once": the classroom image's JDK).
 * {@link #replies} keeps this filter on the connection's stream and hands JShell a stream that reads from it, on
 * which JShell's own filter is set and checks nothing more.
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

    /**
     * What JShell reads the agent's replies from: {@code connection}, filtered by this, read through a stream of
     * its own, on which JShell may set its filter whatever its version.
     */
    static Replies replies(ObjectInputStream connection) {
        connection.setObjectInputFilter(INSTANCE);
        try {
            return new Replies(connection);
        } catch (IOException e) { // ObjectInputStream's constructor for subclasses declares it; it reads nothing
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every value from the filtered stream; JShell reads ints, UTF strings and objects, and every reply
     * begins with an int (its status).
     */
    static final class Replies extends ObjectInputStream {
        private final ObjectInputStream in;
        /** Reads a reply the kernel awaits before JShell's next one; see {@link #beforeNextReply}. */
        private ReplyReader ahead;

        Replies(ObjectInputStream in) throws IOException {
            super(); // reads nothing of its own: every read goes to in
            this.in = in;
        }

        @Override
        protected Object readObjectOverride() throws IOException, ClassNotFoundException {
            return in.readObject();
        }

        @Override
        public Object readUnshared() throws IOException, ClassNotFoundException {
            return in.readUnshared();
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            return in.read(buf, off, len);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean readBoolean() throws IOException {
            return in.readBoolean();
        }

        @Override
        public byte readByte() throws IOException {
            return in.readByte();
        }

        @Override
        public int readUnsignedByte() throws IOException {
            return in.readUnsignedByte();
        }

        @Override
        public char readChar() throws IOException {
            return in.readChar();
        }

        @Override
        public short readShort() throws IOException {
            return in.readShort();
        }

        @Override
        public int readUnsignedShort() throws IOException {
            return in.readUnsignedShort();
        }

        /**
         * {@code reader} reads one reply from the filtered stream before JShell reads its next: the reply to a
         * command the kernel wrote ahead of JShell's ({@link KernelExecutionControl#loadAndInvoke}). Only from the
         * thread that sends JShell's commands.
         */
        void beforeNextReply(ReplyReader reader) {
            ahead = reader;
        }

        @Override
        public int readInt() throws IOException {
            ReplyReader reader = ahead;
            if (reader != null) {
                ahead = null;
                reader.read(in);
            }
            return in.readInt();
        }

        @Override
        public long readLong() throws IOException {
            return in.readLong();
        }

        @Override
        public float readFloat() throws IOException {
            return in.readFloat();
        }

        @Override
        public double readDouble() throws IOException {
            return in.readDouble();
        }

        @Override
        public void readFully(byte[] buf) throws IOException {
            in.readFully(buf);
        }

        @Override
        public void readFully(byte[] buf, int off, int len) throws IOException {
            in.readFully(buf, off, len);
        }

        @Override
        public int skipBytes(int len) throws IOException {
            return in.skipBytes(len);
        }

        @Override
        public String readUTF() throws IOException {
            return in.readUTF();
        }
    }

    /** Reads one reply of the agent's. */
    @FunctionalInterface
    interface ReplyReader {
        void read(ObjectInputStream in) throws IOException;
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
