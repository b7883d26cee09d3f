package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exceptions beginners meet most, thrown by real cells (sockets on loopback only) in an engine whose student
 * reads Chinese: each gets its sentence in Chinese above the JDK's own text, which stays, with the student's names
 * where the JDK named JShell's wrapper classes.
 */
class RuntimeErrorsExplainedIT {

    private static JShellEngine engine;

    /** A cell that throws, and the key of the sentence that must explain it. */
    static final Map<String, String> THROWS = new LinkedHashMap<>();

    static {
        THROWS.put("String none = null;\nnone.length()", "exception.explain.null");
        THROWS.put("int[] three = new int[3];\nthree[3] = 1;", "exception.explain.index");
        THROWS.put("\"abc\".charAt(5)", "exception.explain.index");
        THROWS.put("Integer.parseInt(\"12 \")", "exception.explain.number");
        THROWS.put("int zero = 0;\nint q = 1 / zero;", "exception.explain.arithmetic");
        THROWS.put("Object o = \"text\";\nInteger i = (Integer) o;", "exception.explain.cast");
        THROWS.put("int deeper(int n) { return deeper(n + 1) + 1; }\ndeeper(0)", "exception.explain.recursion");
        THROWS.put("new Object().notify();", "exception.explain.monitor");
        THROWS.put("var list = new ArrayList<>(List.of(1, 2));\nfor (var x : list) list.add(3);",
                "exception.explain.concurrent.modification");
        THROWS.put("new ArrayList<Integer>().iterator().next()", "exception.explain.no.element");
        THROWS.put("Optional.empty().get()", "exception.explain.no.element");
        THROWS.put("new Scanner(\"abc\").nextInt()", "exception.explain.number");
        THROWS.put("""
                var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                int port = closed.getLocalPort();
                closed.close();
                new Socket(InetAddress.getLoopbackAddress(), port)""", "exception.explain.connect");
        THROWS.put("""
                var taken = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                new DatagramSocket(taken.getLocalPort(), InetAddress.getLoopbackAddress())""", "exception.explain.bind");
        THROWS.put("""
                var quiet = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                quiet.setSoTimeout(20);
                quiet.receive(new DatagramPacket(new byte[10], 10));""", "exception.explain.timeout");
        THROWS.put("throw new UnknownHostException(\"no-such-host.invalid\");", "exception.explain.unknown.host");
        THROWS.put("throw new UnknownHostException(\"192.168.1.256\");", "exception.explain.unknown.host.numbers");
        THROWS.put("""
                var gone = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                int nobody = gone.getLocalPort();
                gone.close();
                var asker = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                asker.connect(InetAddress.getLoopbackAddress(), nobody);
                asker.setSoTimeout(2000);
                asker.send(new DatagramPacket(new byte[1], 1));
                asker.receive(new DatagramPacket(new byte[10], 10));""", "exception.explain.port.unreachable");
        THROWS.put("""
                var shut = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                shut.close();
                shut.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), 9));""",
                "exception.explain.socket");
        THROWS.put("""
                var toNobody = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                toNobody.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), 0));""",
                "exception.explain.port.zero");
        THROWS.put("""
                var ended = new jdk.internal.vm.Continuation(new jdk.internal.vm.ContinuationScope("once"), () -> { });
                ended.run();
                ended.run();""", "exception.explain.continuation.done");
        THROWS.put("jdk.internal.vm.Continuation.yield(new jdk.internal.vm.ContinuationScope(\"none\"))",
                "exception.explain.continuation.scope");
        THROWS.put("""
                var mine = new jdk.internal.vm.ContinuationScope("mine");
                var another = new jdk.internal.vm.ContinuationScope("another");
                new jdk.internal.vm.Continuation(mine, () -> jdk.internal.vm.Continuation.yield(another)).run();""",
                "exception.explain.continuation.scope");
        THROWS.put("new DataInputStream(new ByteArrayInputStream(new byte[2])).readInt()", "exception.explain.eof");
        THROWS.put("new FileInputStream(\"no-such-file.txt\")", "exception.explain.no.file");
        THROWS.put("java.nio.file.Files.readString(java.nio.file.Path.of(\"no-such-file.txt\"))",
                "exception.explain.no.file");
        THROWS.put("""
                var channel = java.nio.channels.DatagramChannel.open();
                channel.close();
                channel.receive(java.nio.ByteBuffer.allocate(10))""", "exception.explain.closed.channel");
        THROWS.put("""
                var selector = java.nio.channels.Selector.open();
                var blocking = java.nio.channels.DatagramChannel.open();
                blocking.register(selector, java.nio.channels.SelectionKey.OP_READ)""", "exception.explain.blocking.mode");
        THROWS.put("Thread once = new Thread(() -> { });\nonce.start();\nonce.start();",
                "exception.explain.thread.started");
        THROWS.put("""
                var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
                pool.shutdown();
                pool.execute(() -> { });""", "exception.explain.rejected");
        THROWS.put("var shutSelector = java.nio.channels.Selector.open();\nshutSelector.close();\n"
                + "shutSelector.select(1)", "exception.explain.closed.selector");
        THROWS.put("""
                var keySelector = java.nio.channels.Selector.open();
                var keyed = java.nio.channels.DatagramChannel.open();
                keyed.configureBlocking(false);
                var key = keyed.register(keySelector, java.nio.channels.SelectionKey.OP_READ);
                key.cancel();
                key.interestOps()""", "exception.explain.cancelled.key");
        THROWS.put("java.nio.channels.SocketChannel.open().write(java.nio.ByteBuffer.allocate(1))",
                "exception.explain.not.connected");
        THROWS.put("java.nio.ByteBuffer.allocate(2).putInt(1)", "exception.explain.buffer.overflow");
        THROWS.put("java.nio.ByteBuffer.allocate(2).getInt()", "exception.explain.buffer.underflow");
        THROWS.put("var fixed = List.of(1, 2);\nfixed.add(3);", "exception.explain.unmodifiable");
        THROWS.put("long[] huge = new long[400_000_000];", "exception.explain.memory"); // 3.2 GB: refused at once
        THROWS.put("""
                var tasks = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    tasks.submit(() -> Integer.parseInt("x")).get();
                } finally {
                    tasks.shutdown();
                }""", "exception.explain.task");
        THROWS.put("java.util.concurrent.CompletableFuture.supplyAsync(() -> 1 / 0).join()", "exception.explain.task");
        THROWS.put("new java.util.concurrent.CompletableFuture<String>().get(10, "
                + "java.util.concurrent.TimeUnit.MILLISECONDS)", "exception.explain.task.timeout");
        THROWS.put("Arrays.asList(1, 2).remove(0)", "exception.explain.unmodifiable");
        THROWS.put("System.out.printf(\"%d%n\", \"abc\");", "exception.explain.format");
        THROWS.put("String.format(\"%s and %s\", \"one\")", "exception.explain.format");
        THROWS.put("\"%i\".formatted(1)", "exception.explain.format");
        THROWS.put("java.nio.channels.SocketChannel.open()\n"
                + "        .connect(InetSocketAddress.createUnresolved(\"localhost\", 80))",
                "exception.explain.unresolved.address");
        THROWS.put("""
                var listening = java.nio.channels.ServerSocketChannel.open()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                var twice = java.nio.channels.SocketChannel.open(listening.getLocalAddress());
                twice.connect(listening.getLocalAddress());""", "exception.explain.already.connected");
        THROWS.put("java.nio.channels.SocketChannel.open().finishConnect()", "exception.explain.no.connection.pending");
        THROWS.put("var bound = java.nio.channels.DatagramChannel.open().bind(null);\nbound.bind(null);",
                "exception.explain.already.bound");
        THROWS.put("""
                var waiting = java.nio.channels.ServerSocketChannel.open()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(100);
                        waiting.close();
                    } catch (Exception e) {
                    }
                });
                waiting.accept();""", "exception.explain.async.close");
        THROWS.put("""
                var interrupted = java.nio.channels.ServerSocketChannel.open()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                Thread.currentThread().interrupt();
                interrupted.accept();""", "exception.explain.closed.by.interrupt");
        THROWS.put("var cancelled = new java.util.concurrent.CompletableFuture<String>();\ncancelled.cancel(true);\n"
                + "cancelled.get()", "exception.explain.cancelled");
        THROWS.put("int count = -1;\nbyte[] data = new byte[count];", "exception.explain.negative.size");
        // a port outside 0-65535, refused by each JDK method that checks one; chosen by the refusing method
        THROWS.put("new InetSocketAddress(\"127.0.0.1\", 70000)", "exception.explain.port.range");
        THROWS.put("var shutAgain = new DatagramSocket();\nshutAgain.close();\n"
                + "new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), shutAgain.getLocalPort())",
                "exception.explain.port.range");
        THROWS.put("new ServerSocket(65536)", "exception.explain.port.range");
        THROWS.put("new Socket().getOutputStream()", "exception.explain.socket.state");
        THROWS.put("var unaddressed = new DatagramSocket(0, InetAddress.getLoopbackAddress());\n"
                + "unaddressed.send(new DatagramPacket(new byte[1], 1));", "exception.explain.datagram.address");
        THROWS.put("var huge = new DatagramSocket(0, InetAddress.getLoopbackAddress());\n"
                + "huge.send(new DatagramPacket(new byte[70_000], 70_000, InetAddress.getLoopbackAddress(), 9));",
                "exception.explain.datagram.send");
        THROWS.put("var acceptor = java.nio.channels.SocketChannel.open();\nacceptor.configureBlocking(false);\n"
                + "acceptor.register(java.nio.channels.Selector.open(), java.nio.channels.SelectionKey.OP_ACCEPT);",
                "exception.explain.selector.ops");
        THROWS.put("java.nio.channels.ServerSocketChannel.open().accept()", "exception.explain.not.bound");
        THROWS.put("new java.util.concurrent.SynchronousQueue<String>().add(\"your turn\")",
                "exception.explain.queue.full");
        THROWS.put("URI.create(\"http://127.0.0.1:8080/a b\")", "exception.explain.uri");
        THROWS.put("long deadline = System.currentTimeMillis() - 5;\n"
                + "Thread.sleep(deadline - System.currentTimeMillis());", "exception.explain.time.negative");
        THROWS.put("java.util.concurrent.Executors.newFixedThreadPool(new ArrayList<String>().size())",
                "exception.explain.pool.size");
        THROWS.put("java.nio.ByteBuffer.allocate(8).limit(9)", "exception.explain.buffer.bounds");
        THROWS.put("byte[] buf = new byte[4];\nnew DatagramPacket(buf, 512)", "exception.explain.datagram.length");
    }

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder().language(Lang.ZH).warmStart(false)
                .startup(List.of("import java.util.*;", "import java.io.*;", "import java.net.*;")).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void eachExceptionIsExplainedInChineseAboveTheJdksText() {
        StringBuilder wrong = new StringBuilder();
        THROWS.forEach((cell, key) -> {
            ExecuteOutcome outcome = engine.execute(cell, new RecordingIO());
            if (!(outcome instanceof ExecuteOutcome.Failure f)
                    || !f.traceback().getFirst().equals(f.ename() + ": " + Text.in(Lang.ZH, key))
                    || !f.evalue().startsWith(Text.in(Lang.ZH, key))) {
                wrong.append(cell).append("\n  -> ").append(outcome).append('\n');
            }
        });
        assertEquals("", wrong.toString());
        JShellEngineIT.success(engine.execute("%close all", new RecordingIO()));
    }

    @Test
    void theJdksTextNamesTheStudentsVariablesNotJShellsClasses() {
        ExecuteOutcome.Failure top = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("String empty = null;\nint n = empty.length();", new RecordingIO()));
        assertEquals("  Cannot invoke \"String.length()\" because \"empty\" is null", top.traceback().get(1));
        assertEquals("    at 单元格第 2 行", top.traceback().get(2));
        assertTrue(top.evalue().endsWith("(Cannot invoke \"String.length()\" because \"empty\" is null)"),
                top.evalue());

        JShellEngineIT.success(engine.execute("int size(String text) {\n    return text.length();\n}",
                new RecordingIO()));
        ExecuteOutcome.Failure parameter = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("size(null)", new RecordingIO()));
        assertEquals("  Cannot invoke \"String.length()\" because \"text\" is null", parameter.traceback().get(1));

        ExecuteOutcome.Failure cast = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("record Spot(int x) {}\nObject spot = new Spot(1);\nString s = (String) spot;",
                        new RecordingIO()));
        assertTrue(cast.traceback().get(1).startsWith("  class Spot cannot be cast to class java.lang.String"),
                cast.traceback().toString());
        assertFalse(String.join("\n", cast.traceback()).contains("$JShell$"), cast.traceback().toString());

        JShellEngineIT.success(engine.execute("class Oops extends RuntimeException { }", new RecordingIO()));
        ExecuteOutcome.Failure own = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw new Oops();", new RecordingIO()));
        assertEquals("Oops", own.ename());
        assertEquals(List.of("Oops", "    at 单元格第 1 行"), own.traceback());
    }

    /**
     * The agent's {@code System.in} is answered on JShell's demultiplexer thread, not the cell's: a front end that
     * cannot send input still says so in the session's language, not in the one this JVM started with.
     */
    @Test
    void aFrontEndThatCannotSendInputSaysSoInTheSessionsLanguage() {
        Lang before = Lang.current();
        Lang.use(Lang.EN);
        try {
            // worded when asked, as the protocol's front end words it (CellContext)
            RecordingIO io = new RecordingIO(() -> Text.of("kernel.stdin.unavailable"));
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                    engine.execute("new Scanner(System.in).nextLine()", io));
            assertEquals(Text.in(Lang.ZH, "kernel.stdin.unavailable") + "\n", io.err.toString());
            assertEquals("java.util.NoSuchElementException", f.ename());
        } finally {
            Lang.use(before);
        }
    }

    /**
     * A wrapper made of its cause says the cause's words once, on the cause's line; its one-line summary keeps them.
     */
    @Test
    void aWrapperMadeOfItsCauseDoesNotRepeatIt() {
        ExecuteOutcome.Failure pooled = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute("""
                var single = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    single.submit(() -> Integer.parseInt("x")).get();
                } finally {
                    single.shutdown();
                }""", new RecordingIO()));
        String traceback = String.join("\n", pooled.traceback());
        assertEquals(1, traceback.split("For input string", -1).length - 1, traceback);
        assertTrue(traceback.contains(Text.in(Lang.ZH, "kernel.caused.by") + ": java.lang.NumberFormatException: "
                + "For input string: \"x\""), traceback);
        assertTrue(pooled.evalue().endsWith("(java.lang.NumberFormatException: For input string: \"x\")"),
                pooled.evalue());

        ExecuteOutcome.Failure wrapped = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw new RuntimeException(new IOException(\"boom\"));", new RecordingIO()));
        assertEquals("java.lang.RuntimeException", wrapped.traceback().getFirst());
        assertEquals("java.io.IOException: boom", wrapped.evalue());
        // a message of its own stays
        ExecuteOutcome.Failure worded = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(
                "throw new RuntimeException(\"saving\", new IOException(\"boom\"));", new RecordingIO()));
        assertEquals("java.lang.RuntimeException: saving", worded.traceback().getFirst());
    }

    /** A lambda's checked exception rethrown as it is (new RuntimeException(e)) is explained by what it wraps. */
    @Test
    void aWrapperMadeOfItsCauseIsExplainedByIt() {
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(
                "throw new RuntimeException(new java.net.SocketTimeoutException(\"Read timed out\"));",
                new RecordingIO()));
        String meaning = Text.in(Lang.ZH, "exception.explain.timeout");
        assertEquals("java.lang.RuntimeException: " + meaning, f.traceback().getFirst());
        assertEquals(meaning + " (java.net.SocketTimeoutException: Read timed out)", f.evalue());
        assertTrue(f.traceback().contains("原因: java.net.SocketTimeoutException: Read timed out"),
                f.traceback().toString());
    }

    /** A library that wraps an exception has said what it means: the cause keeps the JDK's text alone. */
    @Test
    void onlyTheExceptionItselfIsExplainedNotItsCauses() {
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(
                "throw new IllegalStateException(\"服务器没有启动\", new ConnectException(\"Connection refused\"));",
                new RecordingIO()));
        assertEquals(List.of("java.lang.IllegalStateException: 服务器没有启动", "    at 单元格第 1 行",
                "原因: java.net.ConnectException: Connection refused", "    at 单元格第 1 行"), f.traceback());
    }

    /** A var's initializer runs in a method JShell adds (do_it$Aux): its frame is the cell's line, shown once. */
    @Test
    void aVarsInitializerFailsAtItsCellLineOnce() {
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("int one = 1;\nvar half = one / 0;", new RecordingIO()));
        assertEquals(List.of("java.lang.ArithmeticException: " + Text.in(Lang.ZH, "exception.explain.arithmetic"),
                "  / by zero", "    at 单元格第 2 行"), f.traceback());
        // a reference type's var: JShell's do_it$ calls the do_it$Aux holding the initializer, below the JDK's frames
        ExecuteOutcome.Failure object = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("var third = List.of(1).get(3);", new RecordingIO()));
        String repeats = Text.in(Lang.ZH, "kernel.repeats", 1);
        assertEquals(List.of("    at 单元格第 1 行"), object.traceback().stream()
                .filter(l -> l.startsWith("    at ") || l.strip().equals(repeats)).toList(),
                String.join("\n", object.traceback()));
    }

    /**
     * A thread a cell started that dies of an exception reads like the cell's own: named, explained in Chinese,
     * at the cell's lines, whether its code is a declaration's (JShell's wrapper) or a statement's (the engine's).
     */
    @Test
    void aThreadsUncaughtExceptionReadsLikeTheCellsOwn() {
        RecordingIO declared = new RecordingIO();
        JShellEngineIT.success(engine.execute("""
                Thread worker = new Thread(() -> {
                    String s = null; s.length(); }, "worker");
                worker.start(); worker.join();""", declared));
        assertEquals("线程 “worker” 因为一个没有被捕获的异常结束了：\njava.lang.NullPointerException: "
                + Text.in(Lang.ZH, "exception.explain.null")
                + "\n  Cannot invoke \"String.length()\" because \"s\" is null"
                + "\n    at lambda (单元格第 2 行)\n", declared.err.toString());

        RecordingIO statement = new RecordingIO();
        JShellEngineIT.success(engine.execute("""
                int unused = 0;
                {
                    Thread t = Thread.ofVirtual().unstarted(() -> {
                        int[] one = new int[1];
                        one[2] = 1;
                    });
                    t.start(); t.join();
                }""", statement));
        assertEquals("一个线程因为一个没有被捕获的异常结束了：\njava.lang.ArrayIndexOutOfBoundsException: "
                + Text.in(Lang.ZH, "exception.explain.index") + "\n  Index 2 out of bounds for length 1"
                + "\n    at lambda (单元格第 5 行)\n", statement.err.toString());
    }

    /** An interrupt stops a cell's threads too: that is the cell's reply, not an exception of each thread. */
    @Test
    void aStoppedCellsThreadsSayNothingOfTheirOwn() throws Exception {
        RecordingIO io = new RecordingIO();
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                return;
            }
            engine.interrupt();
        });
        ExecuteOutcome outcome = engine.execute(
                "new Thread(() -> { long n = 0; while (true) { n++; } }).start();\nThread.sleep(60_000);", io);
        interrupter.join();
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertEquals("", io.err.toString());
    }

    /**
     * A value the notebook shows whose toString throws fails its cell at the toString's line; a declaration's
     * value is never shown, so the same object in a declaration fails nothing.
     */
    @Test
    void aShownValuesToStringThatThrowsIsTheCellsException() {
        JShellEngineIT.success(engine.execute("Object odd = new Object() {\n    public String toString() {\n"
                + "        throw new IllegalStateException(\"没有文字\");\n    }\n};", new RecordingIO()));
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("odd", new RecordingIO()));
        assertEquals(List.of("java.lang.IllegalStateException: 没有文字", "    at toString (之前某个单元格的第 3 行)"),
                f.traceback());
        JShellEngineIT.success(engine.execute("Object same = odd;", new RecordingIO()));
    }

    /**
     * Exceptions student code can make that JShell's own copy of them could not send: causes that loop, a chain
     * thousands deep, a message that throws, a stack trace set to more frames than the kernel reads. Each is
     * reported; the agent, and every variable, stays.
     */
    @Test
    void anExceptionWhoseCausesLoopOrRunDeepIsReportedAndTheSessionStays() {
        JShellEngineIT.success(engine.execute("""
                var first = new RuntimeException("first");
                var second = new IllegalStateException("second", first);
                first.initCause(second);
                Throwable deep = new IOException("root");
                for (int i = 0; i < 20_000; i++) deep = new RuntimeException("n" + i, deep);
                Throwable wrapped = new IOException("root");
                for (int i = 0; i < 40; i++) wrapped = new RuntimeException("w" + i, wrapped);
                class Mute extends RuntimeException {
                    public String getMessage() { throw new IllegalStateException("no message"); }
                    public StackTraceElement[] getStackTrace() { return new StackTraceElement[] {null}; }
                }
                var crowded = new RuntimeException("crowded");
                var frames = new StackTraceElement[200_000];
                Arrays.fill(frames, new StackTraceElement("Far", "away", "Far.java", 1));
                crowded.setStackTrace(frames);""", new RecordingIO()));
        String causedBy = Text.in(Lang.ZH, "kernel.caused.by") + ": ";

        ExecuteOutcome.Failure loop = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw first;", new RecordingIO()));
        assertEquals("java.lang.RuntimeException", loop.ename());
        assertEquals(List.of(causedBy + "java.lang.IllegalStateException: second"),
                loop.traceback().stream().filter(l -> l.startsWith(causedBy)).toList());

        ExecuteOutcome.Failure chain = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw (RuntimeException) deep;", new RecordingIO()));
        assertEquals("n19999", chain.evalue());
        assertEquals(netlab.runtime.Causes.MOST - 1,
                chain.traceback().stream().filter(l -> l.startsWith(causedBy)).count());
        ExecuteOutcome.Failure rooted = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw (RuntimeException) wrapped;", new RecordingIO()));
        List<String> causes = rooted.traceback().stream().filter(l -> l.startsWith(causedBy)).toList();
        assertEquals(netlab.runtime.Causes.MOST - 1, causes.size());
        assertEquals(causedBy + "java.io.IOException: root", causes.getLast(), "the root cause, not the 16th");

        ExecuteOutcome.Failure mute = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw new Mute();", new RecordingIO()));
        assertEquals(List.of("Mute"), mute.traceback());

        ExecuteOutcome.Failure crowded = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("throw crowded;", new RecordingIO()));
        assertEquals("crowded", crowded.evalue());

        assertEquals(Optional.of("\"firstsecond\""), JShellEngineIT.success(engine.execute(
                "first.getMessage() + second.getMessage()", new RecordingIO())).result().map(MimeBundle::plainText));
    }
}
