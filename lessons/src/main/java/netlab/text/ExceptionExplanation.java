package netlab.text;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import netlab.runtime.Causes;

/**
 * One sentence for each exception beginners meet most, saying what it means and what to do: the kernel puts it
 * above the JDK's own text when a cell throws, and a check puts it beside "threw ..." when an answer does. It is
 * chosen by the exception's class, never by its English message, and comes as a {@link Message}, so the JVM
 * that shows it words it in its reader's language.
 *
 * <pre>{@code
 * Throwable e = new java.net.SocketTimeoutException("Read timed out");
 * ExceptionExplanation.of(e).orElseThrow().in(Lang.ZH)
 * // 等待超时：在设定的时间内什么也没等到（没有收到数据，或者没有客户端连上来）。检查对方有没有发送、……
 * ExceptionExplanation.of(new IllegalStateException("mine"))
 * // Optional.empty
 * }</pre>
 *
 * An exception a library worded for the student already (the lessons' own, in the notebook's language) is of
 * another class and gets none, and so does one the student's own code throws. {@code UnsupportedOperationException}
 * gets one only without a message, as the JDK's unmodifiable collections throw it ({@code List.of(1, 2).add(3)});
 * with one it has said what is unsupported, most often the course's own answer stub ("TODO: write your answer
 * here"), whose text is read as it is.
 */
public final class ExceptionExplanation {

    /**
     * An UnknownHostException's message is the name looked up (then, from the resolver, what it said): four numbers
     * there are an IPv4 address with one out of 0–255 ({@code 256.1.1.1}), which Java then took for a name.
     */
    private static final Pattern FOUR_NUMBERS = Pattern.compile("\\d+(\\.\\d+){3}(:.*)?");
    /**
     * For the classes whose meaning depends on who threw them: the JDK method that made the exception
     * ("class.method", see {@link #thrower}) and the sentence that says what it means there.
     */
    private static final Map<String, Map<String, String>> BY_THROWER = Map.of(
            "java.lang.IllegalArgumentException", Map.ofEntries(
                    // a port outside 0–65535
                    Map.entry("java.net.InetSocketAddress.checkPort", "port.range"),
                    Map.entry("java.net.DatagramPacket.setPort", "port.range"),
                    Map.entry("java.net.ServerSocket.<init>", "port.range"),
                    // a datagram's destination refused: "Address not set", "Connected and packet address differ"
                    Map.entry("sun.nio.ch.DatagramSocketAdaptor.send", "datagram.address"),
                    Map.entry("sun.nio.ch.DatagramChannelImpl.blockingSend", "datagram.address"),
                    // chapter 4's Selector: an event the channel has not (OP_READ on a ServerSocketChannel)
                    Map.entry("java.nio.channels.spi.AbstractSelectableChannel.register", "selector.ops"),
                    Map.entry("sun.nio.ch.SelectionKeyImpl.interestOps", "selector.ops"),
                    // an address that is no URI ("a b"), or one HttpClient cannot ask ("127.0.0.1:8080/x")
                    Map.entry("java.net.URI.create", "uri"),
                    Map.entry("jdk.internal.net.http.HttpRequestBuilderImpl.checkURI", "uri"),
                    // a length past its array: new DatagramPacket(new byte[4], 5), setLength(8)
                    Map.entry("java.net.DatagramPacket.setData", "datagram.length"),
                    Map.entry("java.net.DatagramPacket.setLength", "datagram.length"),
                    // a time to wait that came out negative (a deadline already past): Thread.sleep(-1)
                    Map.entry("java.lang.Thread.sleep", "time.negative"),
                    Map.entry("java.lang.Object.wait", "time.negative"),
                    // sizes of chapter 4's concurrency tools computed as 0 or less
                    Map.entry("java.util.concurrent.CountDownLatch.<init>", "latch.count"),
                    Map.entry("java.util.concurrent.ThreadPoolExecutor.<init>", "pool.size"),
                    Map.entry("java.util.concurrent.ForkJoinPool.<init>", "pool.size"),
                    Map.entry("java.util.concurrent.ArrayBlockingQueue.<init>", "queue.capacity"),
                    Map.entry("java.util.concurrent.LinkedBlockingQueue.<init>", "queue.capacity"),
                    // a ByteBuffer's capacity negative, or its limit or position past it
                    Map.entry("java.nio.ByteBuffer.allocate", "buffer.bounds"),
                    Map.entry("java.nio.Buffer.<init>", "buffer.bounds"),
                    Map.entry("java.nio.Buffer.limit", "buffer.bounds"),
                    Map.entry("java.nio.Buffer.position", "buffer.bounds")),
            "java.net.SocketException", Map.of(
                    // made by the datagram channel itself, not a system call: "Can't send to port 0"
                    "sun.nio.ch.DatagramChannelImpl.send", "port.zero",
                    "sun.nio.ch.DatagramChannelImpl.connect", "port.zero",
                    // the system call that sends a datagram: "Message too long", a broadcast
                    "sun.nio.ch.DatagramChannelImpl.send0", "datagram.send",
                    // a TCP socket's stream in a state that has none: not connected, closed, that direction shut
                    "java.net.Socket.getOutputStream", "socket.state",
                    "java.net.Socket.getInputStream", "socket.state",
                    "java.net.Socket.shutdownInput", "socket.state",
                    "java.net.Socket.shutdownOutput", "socket.state"),
            // where HttpClient rethrows what broke an exchange: a connection closed or reset before the response was
            // whole ("HTTP/1.1 header parser received no bytes"), or a malformed response (HttpURLConnection's
            // ProtocolException, such as "Invalid HTTP method", is not one)
            "java.io.IOException", Map.of("jdk.internal.net.http.HttpClientImpl.send", "http.broken"),
            "java.net.ProtocolException", Map.of("jdk.internal.net.http.HttpClientImpl.send", "http.protocol"),
            "java.lang.IllegalStateException", Map.of(
                    // chapter 4's coroutines: a Continuation run again after its end (its yield outside its scope
                    // cannot be told apart: yield is a hidden frame, so the first frame is the student's)
                    "jdk.internal.vm.Continuation.run", "continuation.done",
                    // a full queue's add (a SynchronousQueue's always, with no thread in take): "Queue full"
                    "java.util.AbstractQueue.add", "queue.full"));
    /**
     * JDK methods ("class.method") and classes (with their nested ones) that only make an exception for their
     * caller: the caller is where it was thrown.
     */
    private static final Set<String> EXCEPTION_FACTORIES = Set.of("jdk.internal.net.http.common.Utils.newIAE",
            "java.nio.Buffer.createCapacityException", "java.nio.Buffer.createLimitException",
            "java.nio.Buffer.createPositionException", "jdk.internal.util.Preconditions");

    /** What {@code Continuation.yield} says when no Continuation of its scope runs ({@link #yieldOutsideItsScope}). */
    private static final String NOT_IN_SCOPE = "Not in scope ";
    /** The JDK's own packages: a frame there is the JDK's, not the student's. */
    private static final Pattern JDK = Pattern.compile("^(java|javax|jdk|sun|com\\.sun)\\.");

    private ExceptionExplanation() {
    }

    /**
     * The sentence for {@code t} itself, or, when it has none and was made of its cause alone
     * ({@code new RuntimeException(e)}, whose message is the cause's {@code toString()}), for that cause; never
     * for the cause of an exception with words of its own (a library that wraps one has said what it means).
     *
     * <pre>{@code
     * ExceptionExplanation.of(new RuntimeException(new java.net.SocketTimeoutException("Read timed out")))
     * // the sentence for SocketTimeoutException: "Waiting timed out: …"
     * }</pre>
     */
    public static Optional<Message> of(Throwable t) {
        for (Throwable x : Causes.of(t)) {
            Optional<Message> meaning = of(x.getClass().getName(), x.getMessage(), x.getStackTrace());
            if (meaning.isPresent() || !madeOfItsCause(x)) {
                return meaning;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code t}'s message is its cause's {@code toString()}, as {@code Throwable(Throwable)} makes it. */
    private static boolean madeOfItsCause(Throwable t) {
        Throwable cause = t.getCause();
        return cause != null && cause != t && cause.toString().equals(t.getMessage());
    }

    /** {@link #of(String, String, StackTraceElement[])} for an exception whose frames are not known. */
    public static Optional<Message> of(String className, String message) {
        return of(className, message, new StackTraceElement[0]);
    }

    /**
     * The sentence for an exception of class {@code className} whose message is {@code message} (null for none;
     * only whether there is one counts, not its words, but for {@code Continuation.yield}'s, see
     * {@link #yieldOutsideItsScope}), thrown with {@code frames} (the top one says which JDK
     * method refused an argument), or empty where none is written: for an exception known by its class's name
     * and frames only, as JShell reports one that a cell threw.
     *
     * <pre>{@code
     * ExceptionExplanation.of("java.lang.IllegalArgumentException", "port out of range:70000",
     *         new StackTraceElement[] {new StackTraceElement("java.net.InetSocketAddress", "checkPort", null, 153)})
     * // the sentence "A port number is between 0 and 65535 (…)"
     * }</pre>
     */
    public static Optional<Message> of(String className, String message, StackTraceElement[] frames) {
        String key = switch (className) {
            case "java.lang.NullPointerException" -> "null";
            case "java.lang.ArrayIndexOutOfBoundsException", "java.lang.StringIndexOutOfBoundsException",
                 "java.lang.IndexOutOfBoundsException" -> "index";
            case "java.lang.NumberFormatException", "java.util.InputMismatchException" -> "number";
            case "java.lang.ArithmeticException" -> "arithmetic";
            case "java.lang.ClassCastException" -> "cast";
            case "java.lang.StackOverflowError" -> "recursion";
            case "java.lang.OutOfMemoryError" -> "memory";
            case "java.lang.ExceptionInInitializerError" -> "class.init";
            case "java.lang.NoClassDefFoundError" -> "class.unusable";
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
            case "java.net.http.HttpTimeoutException" -> "http.timeout";
            case "java.net.http.HttpConnectTimeoutException" -> "http.connect.timeout";
            case "java.net.UnknownHostException" -> message != null && FOUR_NUMBERS.matcher(message).matches()
                    ? "unknown.host.numbers" : "unknown.host";
            case "java.net.PortUnreachableException" -> "port.unreachable";
            case "java.net.SocketException" -> Objects.requireNonNullElse(byThrower(className, frames), "socket");
            case "java.io.EOFException" -> "eof";
            case "java.io.FileNotFoundException", "java.nio.file.NoSuchFileException" -> "no.file";
            case "java.nio.channels.ClosedChannelException" -> "closed.channel";
            case "java.nio.channels.IllegalBlockingModeException" -> "blocking.mode";
            case "java.nio.channels.ClosedSelectorException" -> "closed.selector";
            case "java.nio.channels.CancelledKeyException" -> "cancelled.key";
            case "java.nio.channels.NotYetConnectedException" -> "not.connected";
            case "java.nio.channels.NotYetBoundException" -> "not.bound";
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
            // Continuation.run() says nothing when called from a thread other than its parent's: not the ended case
            case "java.lang.IllegalStateException" -> message == null || message.isEmpty() ? null
                    : yieldOutsideItsScope(message, frames) ? "continuation.scope" : byThrower(className, frames);
            default -> byThrower(className, frames);
        };
        return Optional.ofNullable(key).map(k -> Message.of("exception.explain." + k));
    }

    /**
     * Whether {@code Continuation.yield(scope)} refused: no Continuation of that scope was running. The one case where
     * the JDK's words count: yield is a hidden frame, so the exception's first frame is its caller's, the student's
     * code, and the JDK's constant text ("Not in scope " and the scope's name) is the only trace of who threw it.
     */
    private static boolean yieldOutsideItsScope(String message, StackTraceElement[] frames) {
        return message.startsWith(NOT_IN_SCOPE) && frames.length > 0 && !JDK.matcher(frames[0].getClassName()).find();
    }

    /** The sentence {@link #BY_THROWER} gives an exception of {@code className} made where {@code frames} say. */
    private static String byThrower(String className, StackTraceElement[] frames) {
        return BY_THROWER.getOrDefault(className, Map.of()).get(thrower(frames));
    }

    /**
     * The method that made the exception, as "class.method": its first frame, or the first past the JDK's methods
     * that only make exceptions ({@link #EXCEPTION_FACTORIES}); "" when it has no frames.
     */
    private static String thrower(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            String owner = frame.getClassName();
            String method = owner + "." + frame.getMethodName();
            int nested = owner.indexOf('$');
            if (!EXCEPTION_FACTORIES.contains(method)
                    && !EXCEPTION_FACTORIES.contains(nested < 0 ? owner : owner.substring(0, nested))) {
                return method;
            }
        }
        return "";
    }
}
