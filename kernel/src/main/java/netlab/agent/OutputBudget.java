package netlab.agent;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-cell output cap, applied in the agent so a cell printing 100 MB in a loop never floods the
 * connection, the kernel or the front end: beyond the cap bytes are counted and dropped, and the kernel
 * prints one note when the cell ends. stdout and stderr share one budget; the kernel resets it per cell.
 */
final class OutputBudget {

    /** Default cap: 5 MB, or the {@code NETLAB_OUTPUT_LIMIT} the agent inherited from the kernel. */
    static final long DEFAULT = 5L * 1024 * 1024;

    private static final AtomicLong LEFT = new AtomicLong(DEFAULT);
    private static final AtomicLong DROPPED = new AtomicLong();

    private OutputBudget() {
    }

    /** Starts a cell with {@code limit} bytes of output allowed. */
    static void reset(long limit) {
        LEFT.set(limit);
        DROPPED.set(0);
    }

    /** Bytes dropped since the last {@link #reset}. */
    static long dropped() {
        return DROPPED.get();
    }

    /** Whether all {@code len} bytes may still be written, taking them if so; else counts them all as dropped. */
    static boolean takeWhole(int len) {
        while (true) {
            long left = LEFT.get();
            if (left < len) {
                DROPPED.addAndGet(len);
                return false;
            }
            if (LEFT.compareAndSet(left, left - len)) {
                return true;
            }
        }
    }

    /** How many of {@code len} bytes may still be written; counts the rest as dropped. */
    private static int take(int len) {
        while (true) {
            long left = LEFT.get();
            int allowed = (int) Math.min(left, len);
            if (LEFT.compareAndSet(left, left - allowed)) {
                if (allowed < len) {
                    DROPPED.addAndGet(len - allowed);
                }
                return allowed;
            }
        }
    }

    /** Wraps one of the student's output streams in the budget. */
    static OutputStream capped(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                if (take(1) == 1) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int allowed = take(len);
                if (allowed > 0) {
                    out.write(b, off, allowed);
                }
            }
        };
    }
}
