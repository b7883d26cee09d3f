package netlab.examples;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example block of the course library's javadoc ({@code <pre>{@code …}</pre>} in netlab.ip, netlab.net,
 * netlab.tftp, netlab.display, netlab.load and netlab.servers) and the ```java blocks of README's library section, run as a student would
 * type them into a cell: in JShell, with the notebook's imports, one snippet at a time.
 *
 * <p>A block is typed as into jshell: each line, or run of lines, once it is a complete snippet (a line starting
 * with "." continues a builder chain). A line's comment that reads as a value ({@code // 192.168.1.255}, {@code // "hello"}, {@code // true},
 * {@code // [a, b]}, {@code // C}) must be what the line evaluates to; prose comments are not checked. A line
 * whose comment starts with "error" or "throws" must throw. Relative paths ({@code Path.of("files")}) resolve
 * in a scratch directory holding the files the examples name. Blocks that cannot run as written on loopback are
 * listed in {@link #NOT_RUN} with the reason; some need a variable from their context, given in {@link #CONTEXT}.
 */
class JavadocExamplesIT {

    private static final Path SOURCES = Path.of("src/main/java/netlab");
    private static final List<String> PACKAGES = List.of("ip", "net", "tftp", "display", "load", "servers");
    private static final Path README = Path.of("../README.md");

    private static final List<String> IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*",
            "java.net.http.*", "java.nio.*", "java.nio.channels.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.stream.*", "java.time.*",
            "netlab.display.*", "netlab.ip.*", "netlab.net.*", "netlab.tftp.*", "netlab.load.*", "netlab.servers.*");

    /** Blocks that are not run, by "package/File.java#n" (n counts the file's blocks from 1), and why. */
    static final Map<String, String> NOT_RUN = Map.of(
            "net/Udp.java#2", "it broadcasts to the local network, which a test must not do",
            "tftp/TftpServer.java#2", "port 6969 may be taken; the same builder calls run in TftpServer.java#1 and README.md#2");

    /** A TFTP server on a free port, for the blocks that name {@code port} or {@code server}. */
    private static final String TFTP_SERVER = "TftpServer server = Tftp.server(Path.of(\"files\")).writable(true).log(line -> { }).start();\n"
            + "int port = server.port();\n";

    /** Snippets run before a block, for the names it takes from its surroundings. */
    static final Map<String, String> CONTEXT = Map.ofEntries(
            Map.entry("net/Datagram.java#1", "UdpEndpoint receiver = Udp.bind(\"127.0.0.1\", 0);\n"
                    + "Udp.send(\"hello\", \"127.0.0.1\", receiver.port());"),
            Map.entry("net/TcpConnection.java#1", "Server echo = Tcp.echoServer(7788);"),
            Map.entry("load/LoadPlan.java#1", "EchoServer server = Servers.virtualThreads(0);"),
            Map.entry("load/LoadReport.java#1", "EchoServer server = Servers.virtualThreads(0);"),
            Map.entry("tftp/LossyRelay.java#2", TFTP_SERVER + "int serverPort = port;"),
            Map.entry("tftp/package-info.java#2", TFTP_SERVER),
            Map.entry("tftp/PacketEvent.java#1", TFTP_SERVER + "PacketTrace trace = new PacketTrace();\n"
                    + "Tftp.client(\"127.0.0.1\", port).trace(trace).get(\"a.txt\", Path.of(\"a.txt\"));\n"
                    + "PacketEvent event = trace.events().get(1);"),
            Map.entry("tftp/PacketListener.java#1", TFTP_SERVER),
            Map.entry("tftp/PeerErrorException.java#1", TFTP_SERVER),
            Map.entry("tftp/ProgressBar.java#1", TFTP_SERVER),
            Map.entry("tftp/ProgressListener.java#1", TFTP_SERVER),
            Map.entry("tftp/TftpClient.java#1", TFTP_SERVER),
            Map.entry("tftp/TftpException.java#1", TFTP_SERVER),
            Map.entry("tftp/TftpPacket.java#1", "byte[] bytes = new TftpPacket.ReadRequest(\"a.txt\", Mode.OCTET, Map.of()).encode();"),
            Map.entry("tftp/TransferOptions.java#1", TFTP_SERVER + "TransferSummary summary = Tftp.client(\"127.0.0.1\", port)"
                    + ".blockSize(1428).windowSize(16).get(\"big.bin\", Path.of(\"copy.bin\"));"),
            Map.entry("tftp/TransferSummary.java#1", TFTP_SERVER));

    private static final Pattern BLOCK = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*\\s*}</pre>", Pattern.DOTALL);
    private static final Pattern README_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("^(\"|\\d|\\[|true\\b|false\\b|[A-Z][A-Z0-9_]+(\\s|$)|Optional\\[)");

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
                for (Path file : files.sorted().toList()) {
                    Matcher m = BLOCK.matcher(Files.readString(file));
                    int n = 0;
                    while (m.find()) {
                        String id = pkg + "/" + file.getFileName() + "#" + ++n;
                        String code = m.group(1).lines().map(l -> l.replaceFirst("^\\s*\\* ?", "")).reduce("", (a, b) -> a + b + "\n");
                        tests.add(test(id, id, code));
                    }
                }
            }
        }
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## The course library");
        assertTrue(start >= 0, "README has no section \"## The course library\"");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = README_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        int n = 0;
        while (m.find()) {
            String id = "README.md#" + ++n;
            tests.add(test(id, id, m.group(1)));
        }
        assertTrue(tests.size() > 60, "only " + tests.size() + " example blocks found");
        return tests.stream();
    }

    private static DynamicTest test(String name, String id, String code) {
        String why = NOT_RUN.get(id);
        return DynamicTest.dynamicTest(name + (why == null ? "" : " (not run: " + why + ")"), () -> {
            if (why == null) {
                // a bound, not a timing: an example that never returns fails with its name instead of hanging the build
                assertTimeoutPreemptively(EXAMPLE_BOUND, () -> run(id, code), () -> id + " did not finish within " + EXAMPLE_BOUND);
            }
        });
    }

    /**
     * Snippets run on the calling thread. JShell's "local" engine runs each in a new thread and then joins every
     * thread of that thread's group that exists just after it starts: an example that starts a server (its accept
     * thread inherits the group) hung the test for good whenever the snippet won that race, as it did on a loaded
     * 2-core container.
     */
    private static final Duration EXAMPLE_BOUND = Duration.ofMinutes(5);

    private static final LocalExecutionControlProvider ON_THE_TEST_THREAD = new LocalExecutionControlProvider() {
        @Override
        public ExecutionControl createExecutionControl(ExecutionEnv env, Map<String, String> parameters) {
            return new DirectExecutionControl();
        }
    };

    /**
     * The course's port, which the examples use as students do. Each example gets a port free for TCP and UDP
     * instead (the same text replaced in its code and in the comments that state its output): a second test run
     * on the machine, or a notebook holding 7788, made examples fail with "Address already in use".
     */
    private static final String COURSE_PORT = "7788";

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (java.net.BindException e) {
                // the port is free for TCP but taken for UDP: try another
            }
        }
        throw new IOException("no port free for both TCP and UDP on loopback after 20 attempts");
    }

    private static void run(String id, String code) throws Exception {
        Path scratch = Files.createTempDirectory("netlab-examples-");
        ExampleFiles.create(scratch);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AutoCloseable> opened = new ArrayList<>();
        Tracker.collectInto(opened);
        try (JShell shell = JShell.builder().executionEngine(ON_THE_TEST_THREAD, Map.of())
                .out(new PrintStream(out, true, StandardCharsets.UTF_8)).err(new PrintStream(out, true, StandardCharsets.UTF_8)).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String i : IMPORTS) {
                eval(shell, id, "import " + i + ";", null);
            }
            eval(shell, id, "Path scratch(String first, String... more) { return Path.of(\"" + scratch + "\").resolve(Path.of(first, more)); }", null);
            String port = String.valueOf(freePort());
            String context = CONTEXT.get(id);
            if (context != null) {
                for (String s : snippets(shell, context.replace("Path.of(\"", "scratch(\"").replace(COURSE_PORT, port))) {
                    eval(shell, id + " (context)", s, null);
                }
            }
            String rewritten = code.replace("Path.of(\"", "scratch(\"").replace(COURSE_PORT, port);
            for (String s : snippets(shell, rewritten)) {
                eval(shell, id, s, out);
            }
        } finally {
            Tracker.stop();
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    // best effort: the example's sockets and threads end with it
                }
            }
            try (Stream<Path> walk = Files.walk(scratch)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The block cut into snippets as jshell reads typed lines: a line, or lines, once they form a complete
     * snippet; a line starting with "." continues the one before (a builder chain). Each snippet keeps the
     * comment at the end of its last line, which says what it gives.
     */
    private static List<String> snippets(JShell shell, String code) {
        List<String> out = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> lines = code.lines().toList();
        StringBuilder buffer = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            buffer.append(lines.get(i)).append('\n');
            String next = lines.subList(i + 1, lines.size()).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
            if (next.strip().startsWith(".")) {
                continue;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(buffer.toString());
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                buffer.setLength(0);
            } else if (info.completeness().isComplete() && info.remaining().isBlank()) {
                out.add(buffer.toString().strip());
                buffer.setLength(0);
            }
        }
        if (!buffer.toString().isBlank()) {
            out.add(buffer.toString());
        }
        return out;
    }

    private static void eval(JShell shell, String id, String source, ByteArrayOutputStream out) {
        String comment = comment(source);
        boolean mustThrow = comment != null && (comment.startsWith("error") || comment.startsWith("throws"));
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            if (e.status() == Snippet.Status.REJECTED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String why = shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).reduce("", (a, b) -> a + b + "; ");
                fail(id + ": does not compile: " + source.strip() + "\n  " + why);
            }
            if (e.exception() != null && !mustThrow) {
                String message = e.exception() instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName() + ": " + ee.getMessage()
                        : String.valueOf(e.exception());
                fail(id + ": throws " + message + "\n  at: " + source.strip() + (out == null ? "" : "\n  printed: " + out));
            }
            if (mustThrow && e.exception() == null) {
                fail(id + ": expected an exception (" + comment + ") from: " + source.strip());
            }
            if (comment != null && e.exception() == null && e.value() != null && VALUE.matcher(comment).find()) {
                String expected = expected(comment);
                String actual = e.value();
                if (!actual.equals(expected) && !actual.equals("\"" + expected + "\"")) {
                    fail(id + ": " + source.strip() + "\n  gives  " + actual + "\n  but the comment says " + expected);
                }
            }
        }
    }

    /** The end-of-line comment of a snippet's last line, or {@code null}. */
    static String comment(String source) {
        String last = source.strip().lines().reduce((a, b) -> b).orElse("");
        int at = commentStart(last);
        return at < 0 ? null : last.substring(at + 2).strip();
    }

    /** Where "//" starts a comment outside string literals, or -1. */
    private static int commentStart(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** The value a comment states: up to two spaces or an explanation in parentheses. */
    static String expected(String comment) {
        String value = comment;
        if (value.startsWith("\"")) {
            int close = value.indexOf('"', 1);
            while (close > 0 && value.charAt(close - 1) == '\\') {
                close = value.indexOf('"', close + 1);
            }
            return close < 0 ? value : value.substring(0, close + 1);
        }
        for (String cut : new String[] {"  ", " (", ": ", " —", " or "}) {
            int at = value.indexOf(cut);
            if (at > 0) {
                value = value.substring(0, at);
            }
        }
        return value.strip();
    }

    /** Collects what the library opens while an example runs, through its resource hook, so the test can close it. */
    static final class Tracker {
        private static volatile List<AutoCloseable> into;

        static {
            netlab.runtime.TestHost.trackWith(resource -> {
                List<AutoCloseable> list = into;
                if (list == null) {
                    return;
                }
                synchronized (list) {
                    switch (resource) {
                        case AutoCloseable c -> list.add(c);
                        case Thread t -> list.add(t::interrupt);
                        default -> { }
                    }
                }
            });
        }

        static void collectInto(List<AutoCloseable> list) {
            into = list;
        }

        static void stop() {
            into = null;
        }
    }
}
