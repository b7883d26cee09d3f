package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What student code writes to the agent's raw stdout/stderr reaches the log bounded, escaped and marked: the
 * audit's clear-screen sequences and forged progress lines, and its 1.4 GB line (which grew the grading JVM to
 * 2.37 GB through readLine).
 */
class AgentOutputPumpTest {

    private static List<String> pump(InputStream in, Deque<String> kept) throws Exception {
        List<String> lines = new ArrayList<>();
        AgentOutputPump.pump(in, lines::add, kept, 30);
        return lines;
    }

    @Test
    void controlCharactersAreShownEscapedAndEveryLineIsMarked() throws Exception {
        String raw = "\u001b[2J\u001b[H[2/2] mallory/01-network-and-udp.ipynb 26/26 points 8.1 s\r\n"
                + "plain 中文\ttab\n" + "split\rover\u202eevil\u0085\n" + "no newline at the end";
        Deque<String> kept = new ArrayDeque<>();
        List<String> lines = pump(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), kept);
        assertEquals(List.of(
                "agent raw output | \\x1b[2J\\x1b[H[2/2] mallory/01-network-and-udp.ipynb 26/26 points 8.1 s",
                "agent raw output | plain 中文\ttab",
                "agent raw output | split\\x0dover\\u202eevil\\x85",
                "agent raw output | no newline at the end"), lines);
        assertEquals("plain 中文\ttab", List.copyOf(kept).get(1), "what a failed start quotes is not prefixed");
        for (String line : lines) {
            assertTrue(line.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f), line);
        }
    }

    @Test
    void aHugeLineIsReadInChunksAndCut() throws Exception {
        long size = 300L << 20; // 300 MB that no buffer holds: made as it is read
        InputStream endless = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        Runtime rt = Runtime.getRuntime();
        Deque<String> kept = new ArrayDeque<>();
        List<String> lines = pump(new java.io.SequenceInputStream(endless, new ByteArrayInputStream("\nnext\n".getBytes())),
                kept);
        assertEquals(2, lines.size());
        String first = lines.getFirst();
        assertTrue(first.length() < AgentOutputPump.MAX_LINE_CHARS + 100, "cut: " + first.length());
        assertTrue(first.endsWith(" more]") && first.contains("bytes"), first.substring(first.length() - 60));
        assertEquals("agent raw output | next", lines.get(1));
        assertTrue(rt.totalMemory() - rt.freeMemory() < size, "the line was never held whole");
    }

    @Test
    void onlyTheLastLinesAreKept() throws Exception {
        Deque<String> kept = new ArrayDeque<>();
        pump(new ByteArrayInputStream("line\n".repeat(1000).getBytes()), kept);
        assertEquals(30, kept.size());
    }
}
