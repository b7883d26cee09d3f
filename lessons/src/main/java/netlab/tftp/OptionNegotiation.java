package netlab.tftp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import netlab.text.Message;

/**
 * The option rules of RFC 2347 (negotiation), 2348 (blksize), 2349 (timeout, tsize) and 7440 (windowsize), plus
 * tftp-hpa's {@code utimeout} (the timeout in microseconds, 10,000–255,000,000): RFC 2349 speaks whole seconds
 * only, so a client that retransmits every 100 ms could not ask the server to do the same, and over a lossy link
 * each lost DATA cost the server's full second while the client gave up after its own retries.
 */
final class OptionNegotiation {

    static final String BLKSIZE = "blksize";
    static final String TSIZE = "tsize";
    static final String TIMEOUT = "timeout";
    static final String WINDOWSIZE = "windowsize";
    static final String UTIMEOUT = "utimeout";
    static final long MIN_UTIMEOUT = 10_000;

    private OptionNegotiation() {
    }

    /** What a server allows: the largest block, window and retransmission timeout (seconds) it agrees to. */
    record Limits(int maxBlockSize, int maxWindowSize, long maxTimeoutSeconds) {
    }

    /** The server's answer: the OACK options (empty: send no OACK) and the options to run with. */
    record Choice(Map<String, String> oack, TransferOptions options) {
    }

    /**
     * The server side: accept the options it understands within {@code limits}, ignore the rest (RFC 2347).
     * {@code tsizeAnswer} is the file size for an RRQ (empty if unknown), or empty for a WRQ, which echoes it.
     */
    static Choice serverChoice(Map<String, String> requested, Limits limits, Duration defaultTimeout,
                               OptionalLong tsizeAnswer, boolean isWrite) {
        Map<String, String> oack = new LinkedHashMap<>();
        int blockSize = TransferOptions.DEFAULT_BLOCK_SIZE;
        int windowSize = 1;
        Duration timeout = defaultTimeout;
        OptionalLong tsize = OptionalLong.empty();
        for (var e : requested.entrySet()) {
            long value = parse(e.getValue());
            switch (e.getKey()) {
                case BLKSIZE -> {
                    if (value >= 8) {
                        blockSize = (int) Math.min(value, limits.maxBlockSize());
                        oack.put(BLKSIZE, Integer.toString(blockSize));
                    }
                }
                case WINDOWSIZE -> {
                    if (value >= 1 && limits.maxWindowSize() > 1) {
                        windowSize = (int) Math.min(value, limits.maxWindowSize());
                        oack.put(WINDOWSIZE, Integer.toString(windowSize));
                    }
                }
                case TIMEOUT -> {
                    if (value >= 1 && value <= Math.min(255, limits.maxTimeoutSeconds())) {
                        timeout = Duration.ofSeconds(value);
                        oack.put(TIMEOUT, Long.toString(value));
                    }
                }
                case UTIMEOUT -> {
                    if (value >= MIN_UTIMEOUT && value <= Math.min(255, limits.maxTimeoutSeconds()) * 1_000_000) {
                        timeout = Duration.ofNanos(value * 1000);
                        oack.put(UTIMEOUT, Long.toString(value));
                    }
                }
                case TSIZE -> {
                    if (isWrite && value >= 0) {
                        tsize = OptionalLong.of(value);
                        oack.put(TSIZE, Long.toString(value));
                    } else if (!isWrite && tsizeAnswer.isPresent()) {
                        tsize = tsizeAnswer;
                        oack.put(TSIZE, Long.toString(tsizeAnswer.getAsLong()));
                    }
                }
                default -> {
                    // unknown options are left out of the OACK, which refuses them (RFC 2347)
                }
            }
        }
        return new Choice(oack, new TransferOptions(blockSize, windowSize, timeout, tsize, !oack.isEmpty()));
    }

    /**
     * The client side: check the server's OACK against what was asked and return the options to run with.
     *
     * @throws TftpException with {@link ErrorCode#OPTION_REFUSED} if the server chose something it may not
     */
    static TransferOptions clientAccept(Map<String, String> requested, Map<String, String> oack, Duration timeout)
            throws TftpException {
        int blockSize = TransferOptions.DEFAULT_BLOCK_SIZE;
        int windowSize = 1;
        OptionalLong tsize = OptionalLong.empty();
        for (var e : oack.entrySet()) {
            String name = e.getKey();
            if (!requested.containsKey(name)) {
                throw refused("tftp.reason.refused.notAsked", name);
            }
            long value = parse(e.getValue());
            long asked = parse(requested.get(name));
            switch (name) {
                case BLKSIZE -> {
                    if (value < 8 || value > asked) {
                        throw refused("tftp.reason.refused.blksize", asked, e.getValue());
                    }
                    blockSize = (int) value;
                }
                case WINDOWSIZE -> {
                    if (value < 1 || value > asked) {
                        throw refused("tftp.reason.refused.windowsize", asked, e.getValue());
                    }
                    windowSize = (int) value;
                }
                case TIMEOUT, UTIMEOUT -> {
                    if (value != asked) {
                        throw refused("tftp.reason.refused.exact", name, asked, e.getValue());
                    }
                }
                case TSIZE -> {
                    if (value < 0) {
                        throw refused("tftp.reason.refused.tsize", e.getValue());
                    }
                    tsize = OptionalLong.of(value);
                }
                default -> throw refused("tftp.reason.refused.unknown", name);
            }
        }
        return new TransferOptions(blockSize, windowSize, timeout, tsize, true);
    }

    private static TftpException refused(String key, Object... args) {
        return new TftpException(ErrorCode.OPTION_REFUSED, Message.of(key, args));
    }

    /** The option's number, or -1 when it is not a non-negative decimal number. */
    private static long parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }
}
