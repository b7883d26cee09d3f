package netlab.kernel.cli;

/** Bad command-line arguments; the message says what was wrong and what to type instead. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
