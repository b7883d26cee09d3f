package netlab.kernel.jshell;

import java.time.Duration;
import java.util.Map;

/**
 * The limits each cell runs under: its output cap and its timeout. Start from the environment
 * ({@code NETLAB_OUTPUT_LIMIT}, e.g. {@code 20MB}; {@code NETLAB_CELL_TIMEOUT} in seconds) and change with
 * {@code %output_limit} and {@code %timeout}. Used from the shell thread only.
 */
final class CellLimits {

    static final String OUTPUT_LIMIT_ENV = "NETLAB_OUTPUT_LIMIT";
    static final String TIMEOUT_ENV = "NETLAB_CELL_TIMEOUT";
    static final long DEFAULT_OUTPUT_LIMIT = 5L * 1024 * 1024;

    private long outputLimit = DEFAULT_OUTPUT_LIMIT;
    private Duration timeout; // null: none

    CellLimits() {
    }

    /** Limits starting at {@code outputLimit} bytes and {@code timeout} (null: none). */
    CellLimits(long outputLimit, Duration timeout) {
        this.outputLimit = outputLimit;
        this.timeout = timeout;
    }

    /** Limits from {@code env}; a malformed value is reported on stderr of the kernel and ignored. */
    static CellLimits fromEnvironment(Map<String, String> env) {
        CellLimits limits = new CellLimits();
        try {
            if (env.containsKey(OUTPUT_LIMIT_ENV)) {
                limits.outputLimit = OutputLimitMagic.parse(env.get(OUTPUT_LIMIT_ENV));
            }
            if (env.containsKey(TIMEOUT_ENV)) {
                limits.timeout = TimeoutMagic.parse(env.get(TIMEOUT_ENV));
            }
        } catch (IllegalArgumentException e) {
            EngineLog.ENGINE.log(System.Logger.Level.WARNING, "ignoring environment: "
                    + e.getMessage());
        }
        return limits;
    }

    long outputLimit() {
        return outputLimit;
    }

    void outputLimit(long bytes) {
        outputLimit = bytes;
    }

    /** The timeout, or null when cells may run for ever. */
    Duration timeout() {
        return timeout;
    }

    void timeout(Duration d) {
        timeout = d;
    }
}
