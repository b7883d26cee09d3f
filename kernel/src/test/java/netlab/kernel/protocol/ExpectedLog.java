package netlab.kernel.protocol;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log records a test causes on purpose (a forged signature, a malformed request, an engine that throws): captured
 * for the test to assert on, and kept out of the build log, where a reader of a green run would take them for
 * problems. Only inside its try block; any other record still prints.
 *
 * <pre>{@code
 * try (ExpectedLog log = ExpectedLog.of("netlab.kernel.protocol")) {
 *     ...send a forged message...
 *     log.assertSaid("invalid HMAC signature");
 * }
 * }</pre>
 */
final class ExpectedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean usedParents;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getLevel() + " " + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ExpectedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        usedParents = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** Captures what {@code loggerName} and the loggers below it log until {@link #close}. */
    static ExpectedLog of(String loggerName) {
        return new ExpectedLog(loggerName);
    }

    /** Fails unless a captured record contains {@code text}. */
    void assertSaid(String text) {
        if (messages.stream().noneMatch(m -> m.contains(text))) {
            throw new AssertionError("expected a log record containing \"" + text + "\", got " + messages);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParents);
    }
}
