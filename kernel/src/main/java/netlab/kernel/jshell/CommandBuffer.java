package netlab.kernel.jshell;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The kernel's buffer under JShell's multiplexer on the agent's main connection, whose flushes can be held back:
 * the multiplexer flushes after every write it passes on, and what is written while flushes are held stays here
 * until the next flush after the hold ({@link CommandOutput}). The agent's stdin answers share the connection;
 * written outside a hold, they leave at once, as before.
 */
final class CommandBuffer extends BufferedOutputStream {

    /** What a hold runs: writes whose flushes wait for the next one after it. */
    interface Writes {
        void run() throws IOException;
    }

    /** Guarded by this object's lock, which the multiplexer also takes for each write it passes on. */
    private boolean held;
    /** Bytes written to the connection so far; guarded by this object's lock. */
    private long written;

    CommandBuffer(OutputStream socket, int size) {
        super(socket, size);
    }

    /** Runs {@code writes} with every flush held back: what they wrote leaves with the next flush after them. */
    synchronized void holdingFlushes(Writes writes) throws IOException {
        held = true;
        try {
            writes.run();
        } finally {
            held = false;
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        super.write(b);
        written++;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        written += len;
    }

    /** How many bytes have been written to the connection, sent or still buffered. */
    synchronized long written() {
        return written;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!held) {
            super.flush();
        }
    }
}
