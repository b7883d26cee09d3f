package netlab.kernel.jshell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Reads what an agent writes to its raw stdout and stderr (the JVM's own warnings and last words, and whatever
 * student code writes to {@code FileDescriptor.out}/{@code err}, which no cell captures) and hands it on as lines
 * that cannot harm their reader. Student code controls every byte of it, so: it is read in fixed chunks, never a
 * whole line at once (a 1.4 GB line once grew the grading JVM to 2.37 GB through {@code readLine}); a line keeps its
 * first {@link #MAX_LINE_CHARS} characters and says how many bytes it dropped; control and format characters are
 * shown escaped ({@code \x1b}), so no clear-screen or cursor move reaches a terminal and no line is split or
 * reordered; each line starts with {@link #PREFIX}, so none passes for the grader's own ("[2/2] mallory … 26/26").
 */
final class AgentOutputPump {

    static final int MAX_LINE_CHARS = 1000;
    /** Bytes of a line kept before it is decoded: enough for {@link #MAX_LINE_CHARS} characters of UTF-8. */
    private static final int MAX_LINE_BYTES = 4 * MAX_LINE_CHARS;
    static final String PREFIX = "agent raw output | ";

    private AgentOutputPump() {
    }

    /**
     * Reads {@code in} to its end; each line goes to {@code sink} behind {@link #PREFIX}, and into {@code kept}
     * without it (its last {@code keep} lines: what an agent that failed to start said, which its failure quotes).
     */
    static void pump(InputStream in, Consumer<String> sink, Deque<String> kept, int keep) throws IOException {
        byte[] chunk = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long dropped = 0;
        boolean pending = false;
        int n;
        while ((n = in.read(chunk)) > 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    dropped += append(line, chunk, from, i - from);
                    emit(line, dropped, sink, kept, keep);
                    line.reset();
                    dropped = 0;
                    pending = false;
                    from = i + 1;
                }
            }
            if (from < n) {
                dropped += append(line, chunk, from, n - from);
                pending = true;
            }
        }
        if (pending) {
            emit(line, dropped, sink, kept, keep);
        }
    }

    /** Appends what still fits under the cap; returns the bytes that did not. */
    private static long append(ByteArrayOutputStream line, byte[] bytes, int from, int length) {
        int room = Math.max(0, MAX_LINE_BYTES - line.size());
        int taken = Math.min(room, length);
        line.write(bytes, from, taken);
        return length - taken;
    }

    private static void emit(ByteArrayOutputStream bytes, long dropped, Consumer<String> sink, Deque<String> kept,
                             int keep) {
        byte[] b = bytes.toByteArray();
        int length = b.length > 0 && b[b.length - 1] == '\r' && dropped == 0 ? b.length - 1 : b.length; // CRLF
        String text = new String(b, 0, length, StandardCharsets.UTF_8); // a malformed byte reads as U+FFFD
        String line = shown(text, dropped);
        sink.accept(PREFIX + line);
        synchronized (kept) {
            kept.addLast(line);
            while (kept.size() > keep) {
                kept.removeFirst();
            }
        }
    }

    /** {@code text} with control and format characters escaped, cut to {@link #MAX_LINE_CHARS}. */
    static String shown(String text, long droppedBytes) {
        StringBuilder out = new StringBuilder();
        int chars = 0;
        int cut = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (chars >= MAX_LINE_CHARS) {
                cut += width;
            } else if (cp != '\t' && (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || cp == 0x2028 || cp == 0x2029)) {
                out.append(cp <= 0xff ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
            chars += width;
            i += width;
        }
        if (cut > 0 || droppedBytes > 0) {
            out.append(" …[").append(cut > 0 ? cut + " chars" : "").append(cut > 0 && droppedBytes > 0 ? " + " : "")
                    .append(droppedBytes > 0 ? droppedBytes + " bytes" : "").append(" more]");
        }
        return out.toString();
    }
}
