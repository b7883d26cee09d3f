package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What cells open belongs to them: re-running, interrupting, %close and the limits. */
class OwnershipIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .interruptGrace(Duration.ofSeconds(3)).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static RecordingIO run(String code) {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = engine.execute(code, io);
        assertInstanceOf(ExecuteOutcome.Success.class, outcome, () -> outcome + " " + io.err);
        return io;
    }

    private static String value(String code) {
        ExecuteOutcome outcome = engine.execute(code, new RecordingIO());
        return assertInstanceOf(ExecuteOutcome.Success.class, outcome, outcome::toString)
                .result().map(MimeBundle::plainText).orElse("");
    }

    /** A port free now, for a cell to bind (it is closed again before the cell runs). */
    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** %resources names a cell by the number the front end shows beside it, not by its id. */
    @Test
    void resourcesNameTheCellByItsNumber() throws Exception {
        int port = freeUdpPort();
        RecordingIO io = new RecordingIO().asCell("5d1c0a3e-7b2f-4c1e-9a8d-0f6e2b4c8a11", 7);
        assertInstanceOf(ExecuteOutcome.Success.class, engine.execute("var numbered = new java.net.DatagramSocket("
                + port + ", java.net.InetAddress.getLoopbackAddress());", io), io.err::toString);
        try {
            String open = run("%resources").out.toString();
            assertTrue(open.lines().anyMatch(line -> line.startsWith("UDP socket on port " + port)
                    && line.endsWith("(cell [7])")), open);
        } finally {
            run("%close " + port);
        }
    }

    @Test
    void rerunningACellReleasesTheSocketItOpenedLastTime() throws Exception {
        int port = freeUdpPort();
        String cell = "var server = new java.net.DatagramSocket(" + port + ", java.net.InetAddress.getLoopbackAddress());\n"
                + "Thread.ofVirtual().start(() -> { try { server.receive(new java.net.DatagramPacket(new byte[9], 9)); }"
                + " catch (Exception e) { } });";
        run(cell);
        RecordingIO again = run(cell);
        assertTrue(again.err.toString().contains("netlab: closed the UDP socket on port " + port
                + " that this cell opened last time"), again.err.toString());
        assertTrue(run("%resources").out.toString().contains("UDP socket on port " + port));
        RecordingIO closed = run("%close " + port);
        assertTrue(closed.out.toString().contains("Closed the UDP socket on port " + port), closed.out.toString());
        try (DatagramSocket s = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort());
        }
    }

    @Test
    void aCellThatDeclaresNothingFindsWhatItsLastRunOpenedClosedBeforeItRuns() throws Exception {
        int port = freeUdpPort();
        String cell = "new java.net.DatagramSocket(" + port + ", java.net.InetAddress.getLoopbackAddress());\n"
                + "System.err.println(\"bound again\");";
        run(cell);
        String err = run(cell).err.toString();
        int note = err.indexOf("netlab: closed the UDP socket on port " + port + " that this cell opened last time");
        assertTrue(note >= 0 && note < err.indexOf("bound again"), err);
    }

    @Test
    void aChineseStudentReadsWhatWasClosedInChinese() throws Exception {
        run("%lang zh");
        try {
            int port = freeUdpPort();
            String cell = "var server = new java.net.DatagramSocket(" + port
                    + ", java.net.InetAddress.getLoopbackAddress());";
            run(cell);
            assertTrue(run("%resources").out.toString().contains("端口 " + port + " 上的 UDP 套接字（单元格 "));
            RecordingIO again = run(cell);
            assertTrue(again.err.toString().contains("netlab：关闭了端口 " + port
                    + " 上的 UDP 套接字（这个单元格上次运行时留下的）"), again.err.toString());
            RecordingIO closed = run("%close " + port);
            assertEquals("关闭了端口 " + port + " 上的 UDP 套接字。\n", closed.out.toString());
        } finally {
            run("%lang en");
        }
    }

    @Test
    void aLessonsServerBelongsToTheCellThatStartedIt() {
        String cell = "var echo = netlab.net.Udp.echoServer(0);\necho.port()";
        int port = Integer.parseInt(value(cell));
        RecordingIO again = run(cell);
        assertTrue(again.err.toString().contains("closed the UDP socket on port " + port), again.err.toString());
        run("%close all");
    }

    @Test
    void interruptClosesTheServerSocketOfABlockedPlatformThread() throws Exception {
        String code = "var ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());\n"
                + "System.out.println(ss.getLocalPort());\n"
                + "var t = new Thread(() -> { try { ss.accept(); } catch (Exception e) { } }); t.start(); t.join();";
        RecordingIO io = new RecordingIO();
        new Thread(() -> {
            // interrupt once the cell printed its port (it then blocks in join), at most 20 s from now
            for (int i = 0; i < 400 && io.out.length() == 0; i++) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            engine.interrupt();
        }).start();
        ExecuteOutcome outcome = engine.execute(code, io);
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertTrue(io.out.toString().strip().matches("\\d+"), () -> "out: " + io.out + " err: " + io.err + " " + outcome);
        int port = Integer.parseInt(io.out.toString().strip());
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort());
        }
        String open = run("%resources").out.toString();
        assertTrue(!open.contains("port " + port) && !open.contains("thread"), open);
    }

    @Test
    void outputBeyondTheLimitIsDroppedWithOneNote() {
        run("%output_limit 10kB");
        try {
            RecordingIO io = run("for (int i = 0; i < 100_000; i++) System.out.println(\"0123456789\");");
            // a line or two more may come from threads of earlier cells that print as they are stopped
            assertTrue(io.out.length() <= 11 * 1024, "printed " + io.out.length());
            assertTrue(io.err.toString().contains("limit per cell was dropped"), io.err.toString());
            assertEquals("x", run("System.out.print(\"x\");").out.toString());
        } finally {
            run("%output_limit 5MB");
        }
    }

    @Test
    void timeoutStopsTheCell() {
        run("%timeout 1");
        try {
            ExecuteOutcome outcome = engine.execute("while (true) { }", new RecordingIO());
            assertTrue(assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString)
                    .message().contains("1 s timeout"), outcome.toString());
        } finally {
            run("%timeout off");
        }
    }

    /** A %timeout line at the top of a cell holds for that cell's own code, as an %output_limit line does. */
    @Test
    void aTimeoutAtTheTopOfACellHoldsForItsOwnCode() {
        try {
            ExecuteOutcome limited = engine.execute("%timeout 1\nThread.sleep(10_000);", new RecordingIO());
            assertTrue(assertInstanceOf(ExecuteOutcome.Interrupted.class, limited, limited::toString)
                    .message().contains("1 s timeout"), limited.toString());
            ExecuteOutcome lifted = engine.execute("%timeout off\nThread.sleep(1_500);\n1", new RecordingIO());
            assertInstanceOf(ExecuteOutcome.Success.class, lifted, lifted::toString);
        } finally {
            run("%timeout off");
        }
    }

    @Test
    void threadCapRefusesTheThreadBeyondIt() {
        assertRefusedAtTheCapThenClosed("for (int i = 0; i < 2500; i++) "
                + "Thread.ofPlatform().start(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });",
                "Stopped 2000 threads");
    }

    @Test
    void threadCapCountsThePoolThreadsOfAnExecutor() {
        assertRefusedAtTheCapThenClosed("var pool = java.util.concurrent.Executors.newCachedThreadPool();\n"
                + "for (int i = 0; i < 10_000; i++) pool.submit(() -> { Thread.sleep(60_000); return null; });",
                "executor ThreadPoolExecutor");
        assertEquals("true", value("pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)"));
    }

    /** The cell fails with the cap's message, {@code %close all} says {@code closed}, and the next cell works. */
    private static void assertRefusedAtTheCapThenClosed(String code, String closed) {
        ExecuteOutcome outcome = engine.execute(code, new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome, outcome::toString);
        // the cap and the magic that raises it for one cell, in whichever language the catalogue words it
        assertTrue(f.evalue().contains(" 2000 ") && f.evalue().contains("%%threads 4000"), f.evalue());
        String closeAll = run("%close all").out.toString();
        assertTrue(closeAll.contains(closed), closeAll);
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        ExecuteOutcome outcome = engine.execute("%nope", new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome, outcome::toString);
        assertTrue(f.evalue().contains("%timeout") && f.evalue().contains("%close"), f.evalue());
    }

    @Test
    void aCellsOwnSystemOutLastsUntilTheCellEnds() {
        // capturing what code prints, with a declaration (a snippet of its own) and a last statement between
        RecordingIO io = run("var captured = new java.io.ByteArrayOutputStream();\n"
                + "var screen = System.out;\n"
                + "System.setOut(new java.io.PrintStream(captured, true));\n"
                + "System.out.println(\"one\");\n"
                + "int between = 2;\n"
                + "System.out.println(between);\n"
                + "System.setOut(screen);\n"
                + "System.out.print(\"captured \" + captured.toString().lines().toList());");
        assertEquals("captured [one, 2]", io.out.toString());
        // left replaced at the cell's end: what it printed stays where it went, and the next cell prints again
        assertEquals("", run("System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream()));\n"
                + "System.out.println(\"swallowed\");").out.toString());
        assertEquals("c", run("System.out.print(\"c\");").out.toString());
    }

    @Test
    void aReplacedOrClosedSystemOutComesBackInTheNextCell() {
        engine.execute("System.out.close();", new RecordingIO());
        assertEquals("a", run("System.out.print(\"a\");").out.toString());
        engine.execute("System.setOut(null);", new RecordingIO());
        assertEquals("b", run("System.out.print(\"b\");").out.toString());
    }
}
