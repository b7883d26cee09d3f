package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import netlab.display.DisplaySink;
import netlab.runtime.TestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar and the packet trace as a notebook shows them. */
class NotebookViewsTest {

    record Shown(Map<String, String> bundle, String id, boolean update) {
    }

    final List<Shown> shown = new CopyOnWriteArrayList<>();
    private TestHost.Restore restore = () -> { };

    @AfterEach
    void restore() {
        restore.close();
    }

    @Test
    void theProgressBarShowsOnceThenUpdatesInPlace(@TempDir Path root) throws Exception {
        restore = TestHost.showOn(new DisplaySink() {
            public void show(Map<String, String> bundle, String displayId, boolean update) {
                shown.add(new Shown(bundle, displayId, update));
            }

            public void clear(boolean wait) {
            }
        });
        byte[] data = new byte[2_000_000];
        new Random(1).nextBytes(data);
        Files.write(root.resolve("f"), data);
        long start = System.nanoTime();
        try (TftpServer server = Tftp.server(root).log(line -> { }).start()) {
            Tftp.client("127.0.0.1", server.port()).showProgress().getBytes("f");
        }
        long tenthsOfASecond = (System.nanoTime() - start) / 100_000_000L;
        assertTrue(shown.size() >= 2, "expected a first view and a final update: " + shown);
        assertTrue(shown.size() <= tenthsOfASecond + 3, "updates are throttled to ~10 a second: " + shown.size());
        assertEquals(false, shown.getFirst().update());
        assertTrue(shown.stream().skip(1).allMatch(s -> s.update() && s.id().equals(shown.getFirst().id())));
        Map<String, String> last = shown.getLast().bundle();
        assertTrue(last.get("text/plain").startsWith("[##############################] 100%  2,000,000 of 2,000,000 bytes  done in"),
                last.get("text/plain"));
        assertTrue(last.get("text/html").contains("<progress max=\"1000\" value=\"1000\""), last.get("text/html"));
    }

    @Test
    void theBarRendersPartsAndUnknownTotals() {
        assertEquals("[###############---------------]  50%  50 of 100 bytes", ProgressBar.render(50, 100, "").text());
        assertEquals("[------------------------------]   ?%  7 bytes (size unknown)", ProgressBar.render(7, -1, "").text());
    }

    @Test
    void theTraceIsATableWithAHexDump(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello <world>\n");
        PacketTrace trace = new PacketTrace();
        try (TftpServer server = Tftp.server(root).trace(trace).log(line -> { }).start()) {
            Tftp.client("127.0.0.1", server.port()).trace(trace).getBytes("hello.txt");
            // the client is done once it sent the last ACK; the server sees that ACK a moment later
            assertTrue(server.awaitIdle(java.time.Duration.ofSeconds(5)), "the server's transfer did not end");
        }
        List<String> kinds = trace.events().stream().map(e -> e.role() + " " + e.direction() + " " + e.packet().orElseThrow().opcode()).toList();
        assertEquals(List.of("client SENT RRQ", "server RECEIVED RRQ", "server SENT OACK", "client RECEIVED OACK",
                "client SENT ACK", "server RECEIVED ACK", "server SENT DATA", "client RECEIVED DATA", "client SENT ACK",
                "server RECEIVED ACK"), kinds);
        Map<String, String> bundle = trace.mimeBundle();
        String text = bundle.get("text/plain");
        assertTrue(text.lines().findFirst().orElseThrow().matches(" +# +time \\(s\\) +who +dir +peer +opcode +block +size +first bytes +info.*"), text);
        assertTrue(text.contains("00 03 00 01 68 65 6c 6c…  DATA block 1, 14 bytes"), text);
        assertTrue(text.contains("DATA block 1, 14 bytes"), text);
        assertTrue(text.contains("RRQ \"hello.txt\" octet {tsize=0}"), text);
        String html = bundle.get("text/html");
        assertTrue(html.startsWith("<table") && html.contains("<td>OACK</td>") && html.contains("....hello &lt;world"), html);
        assertEquals(10, html.split("<tr style").length - 1);
    }

    @Test
    void theHexDumpLooksLikeWiresharks() {
        byte[] ack = new TftpPacket.Data(1, "hi!".getBytes()).encode();
        assertEquals("0000  00 03 00 01 68 69 21                              ....hi!\n", PacketTrace.hexDump(ack, 64));
    }

    @Test
    void aTracesHeadingsAndARelaysCountsAreInTheReadersLanguage() throws Exception {
        try {
            netlab.text.Lang.use(netlab.text.Lang.ZH);
            Map<String, String> bundle = new PacketTrace().mimeBundle();
            String heading = bundle.get("text/plain").lines().findFirst().orElseThrow();
            assertTrue(heading.contains("时间（秒）") && heading.contains("操作码") && !heading.contains("opcode"), heading);
            assertTrue(bundle.get("text/html").contains("<th>对端</th>"), bundle.get("text/html"));
            assertEquals("转发 812，丢弃 90，重复 1，乱序 2", new LossyRelay.Stats(812, 90, 1, 2).toString());
            java.net.InetSocketAddress here = new java.net.InetSocketAddress("127.0.0.1", 40123);
            byte[] data = {0, 3, 0, 1, 'h', 'i'};
            PacketEvent e = new PacketEvent(java.time.Instant.EPOCH, "client", PacketEvent.Direction.SENT, here, here, data);
            assertEquals("DATA 块 1，2 字节", e.summary());
            PacketEvent bad = new PacketEvent(java.time.Instant.EPOCH, "client", PacketEvent.Direction.SENT, here, here,
                    new byte[] {0, 9});
            assertEquals("格式错误：" + bad.problem().orElseThrow(), bad.summary());
            assertTrue(e.toString().startsWith("客户端 → 127.0.0.1:40123"), e.toString());
            assertEquals("ERROR 1 (File not found): x", PacketEvent.describe(TftpPacket.decode(new byte[] {0, 5, 0, 1, 'x', 0})),
                    "what an ERROR packet may carry stays the wire's English");
            netlab.text.Lang.use(netlab.text.Lang.EN);
            assertEquals("DATA block 1, 2 bytes", e.summary());
            assertEquals("malformed: " + bad.problem().orElseThrow(), bad.summary());
            assertEquals("forwarded 812, dropped 90, duplicated 1, reordered 2", new LossyRelay.Stats(812, 90, 1, 2).toString());
        } finally {
            netlab.text.Lang.use(netlab.text.Lang.EN); // the language the other tests of this JVM expect
        }
    }
}
