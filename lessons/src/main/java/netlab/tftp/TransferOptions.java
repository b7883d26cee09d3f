package netlab.tftp;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The options a transfer ran with, after negotiation (RFC 2347-2349, 7440). Without an OACK from the server
 * they are the RFC 1350 defaults: 512-byte blocks, one block per window (lockstep).
 *
 * <pre>{@code
 * summary.options()                 // blksize 1428, windowsize 16, timeout 1000 ms, tsize 65536
 * summary.options().windowSize()    // 16
 * }</pre>
 *
 * @param blockSize    data bytes per DATA packet
 * @param windowSize   DATA packets sent before waiting for an ACK
 * @param timeout      the retransmission timeout this side used
 * @param transferSize the file size announced with {@code tsize}, if any
 * @param negotiated   whether the peer answered with an OACK
 */
public record TransferOptions(int blockSize, int windowSize, Duration timeout, OptionalLong transferSize,
                              boolean negotiated) {

    /** RFC 1350's block size. */
    public static final int DEFAULT_BLOCK_SIZE = 512;

    /** The defaults when the peer answers without OACK. Example: {@code TransferOptions.defaults(Duration.ofSeconds(1))}. */
    public static TransferOptions defaults(Duration timeout) {
        return new TransferOptions(DEFAULT_BLOCK_SIZE, 1, timeout, OptionalLong.empty(), false);
    }

    @Override
    public String toString() {
        if (!negotiated) {
            return "none (blksize 512, lockstep)";
        }
        return "blksize " + blockSize + ", windowsize " + windowSize + ", timeout " + timeout.toMillis() + " ms"
                + (transferSize.isPresent() ? ", tsize " + transferSize.getAsLong() : "");
    }
}
