package netlab.kernel.jshell;

import java.util.Optional;
import java.util.regex.Pattern;
import netlab.text.Lang;
import netlab.text.Message;

/**
 * One sentence in the student's language for the exceptions beginners meet most, chosen by the exception's class
 * (never by its English message): it goes above the JDK's own text, which stays, as {@link CompileExplainer}'s
 * does above javac's. An exception a library worded for the student already (the lessons' own, in the
 * notebook's language) is of another class and gets none. {@code UnsupportedOperationException} gets one only
 * without a message, as the JDK's unmodifiable collections throw it ({@code List.of(1, 2).add(3)}); with one it
 * has said what is unsupported, most often the course's own answer stub ("TODO: write your answer here"), whose
 * text {@code netlab run} reads as it is.
 *
 * <pre>{@code
 * // String s = null;  s.length()
 * // zh: 这个值是 null（它没有指向任何对象），却被当作对象来用了：……
 * //     Cannot invoke "String.length()" because "s" is null
 * }</pre>
 */
final class ExceptionExplainer {

    /**
     * JShell's wrapper around a name in the JDK's text: {@code REPL.$JShell$8.s} is the variable {@code s},
     * {@code REPL.$JShell$12$Point} the class {@code Point} ({@code $JShell$netlabValue7}: {@link DirectRun}'s).
     */
    private static final Pattern WRAPPER = Pattern.compile("(REPL\\.)?\\$JShell\\$\\w+[.$]");

    private ExceptionExplainer() {
    }

    /**
     * The sentence for an exception of class {@code className} whose message is {@code message} (null for none;
     * only whether there is one counts, never its words) in {@code lang}, or empty where none is written.
     */
    static Optional<String> explain(String className, String message, Lang lang) {
        String key = switch (className) {
            case "java.lang.NullPointerException" -> "null";
            case "java.lang.ArrayIndexOutOfBoundsException", "java.lang.StringIndexOutOfBoundsException",
                 "java.lang.IndexOutOfBoundsException" -> "index";
            case "java.lang.NumberFormatException", "java.util.InputMismatchException" -> "number";
            case "java.lang.ArithmeticException" -> "arithmetic";
            case "java.lang.ClassCastException" -> "cast";
            case "java.lang.StackOverflowError" -> "recursion";
            case "java.lang.OutOfMemoryError" -> "memory";
            case "java.util.concurrent.ExecutionException", "java.util.concurrent.CompletionException" -> "task";
            case "java.util.concurrent.TimeoutException" -> "task.timeout";
            case "java.lang.IllegalMonitorStateException" -> "monitor";
            case "java.util.ConcurrentModificationException" -> "concurrent.modification";
            case "java.util.NoSuchElementException" -> "no.element";
            case "java.lang.IllegalThreadStateException" -> "thread.started";
            case "java.util.concurrent.RejectedExecutionException" -> "rejected";
            case "java.net.ConnectException" -> "connect";
            case "java.net.BindException" -> "bind";
            case "java.net.SocketTimeoutException" -> "timeout";
            case "java.net.UnknownHostException" -> "unknown.host";
            case "java.net.PortUnreachableException" -> "port.unreachable";
            case "java.net.SocketException" -> "socket";
            case "java.io.EOFException" -> "eof";
            case "java.io.FileNotFoundException", "java.nio.file.NoSuchFileException" -> "no.file";
            case "java.nio.channels.ClosedChannelException" -> "closed.channel";
            case "java.nio.channels.IllegalBlockingModeException" -> "blocking.mode";
            case "java.nio.channels.ClosedSelectorException" -> "closed.selector";
            case "java.nio.channels.CancelledKeyException" -> "cancelled.key";
            case "java.nio.channels.NotYetConnectedException" -> "not.connected";
            case "java.nio.BufferOverflowException" -> "buffer.overflow";
            case "java.nio.BufferUnderflowException" -> "buffer.underflow";
            case "java.nio.channels.UnresolvedAddressException" -> "unresolved.address";
            case "java.nio.channels.AlreadyConnectedException" -> "already.connected";
            case "java.nio.channels.ConnectionPendingException" -> "connection.pending";
            case "java.nio.channels.NoConnectionPendingException" -> "no.connection.pending";
            case "java.nio.channels.AlreadyBoundException" -> "already.bound";
            case "java.nio.channels.AsynchronousCloseException" -> "async.close";
            case "java.nio.channels.ClosedByInterruptException" -> "closed.by.interrupt";
            case "java.util.concurrent.CancellationException" -> "cancelled";
            case "java.lang.NegativeArraySizeException" -> "negative.size";
            case "java.util.IllegalFormatConversionException", "java.util.MissingFormatArgumentException",
                 "java.util.UnknownFormatConversionException", "java.util.FormatFlagsConversionMismatchException",
                 "java.util.IllegalFormatPrecisionException", "java.util.IllegalFormatFlagsException",
                 "java.util.IllegalFormatWidthException", "java.util.MissingFormatWidthException",
                 "java.util.DuplicateFormatFlagsException", "java.util.UnknownFormatFlagsException",
                 "java.util.IllegalFormatCodePointException", "java.util.IllegalFormatArgumentIndexException" ->
                    "format";
            case "java.lang.UnsupportedOperationException" ->
                    message == null || message.isBlank() ? "unmodifiable" : null;
            default -> null;
        };
        return Optional.ofNullable(key).map(k -> Message.of("kernel.explain." + k).in(lang));
    }

    /** The JDK's {@code text} with the student's names where it names JShell's wrapper classes; null stays null. */
    static String withStudentNames(String text) {
        return text == null ? null : WRAPPER.matcher(text).replaceAll("");
    }
}
