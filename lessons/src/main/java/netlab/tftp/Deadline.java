package netlab.tftp;

import java.time.Duration;
import netlab.text.Message;

/**
 * The limit on a whole transfer, as opposed to the per-packet retransmission timeout (the same split as
 * okio's Timeout: a timeout bounds one wait, a deadline bounds the job). {@link #NONE} means no limit.
 */
final class Deadline {

    static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

    private final long endNanos;
    private final Duration length;

    private Deadline(long endNanos, Duration length) {
        this.endNanos = endNanos;
        this.length = length;
    }

    /** A deadline {@code length} from now, or {@link #NONE} for {@code null}. */
    static Deadline after(Duration length) {
        return length == null ? NONE : new Deadline(System.nanoTime() + length.toNanos(), length);
    }

    /** Nanoseconds left, never negative; {@code Long.MAX_VALUE} for {@link #NONE}. */
    long remainingNanos() {
        return this == NONE ? Long.MAX_VALUE : Math.max(0, endNanos - System.nanoTime());
    }

    /** Throws once the deadline has passed. */
    void check(Message doing) throws TransferTimeoutException {
        if (this != NONE && remainingNanos() == 0) {
            throw new DeadlinePassedException(Message.of("tftp.reason.deadline", length.toMillis(), doing));
        }
    }
}
