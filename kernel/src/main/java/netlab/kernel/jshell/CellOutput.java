package netlab.kernel.jshell;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import netlab.agent.DisplayFrames;
import netlab.agent.UncaughtFrames;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Kernel side of the agent's stdout, stderr, display and uncaught streams: decodes them and hands them to the
 * {@link CellIO} of the cell running now (or of the last cell, for output of threads that outlive it). What a
 * cell's thread threw and nobody caught reads as that cell's stderr, worded by {@link ThreadFailures}.
 *
 * <p>JShell's demultiplexer delivers at most 127 bytes at a time; text is gathered until the agent's
 * connection has nothing more to read ({@link #burstAware}), so one flush of the agent becomes one hand-over,
 * with no timer here: output is batched by time in one place only, the protocol layer's iopub stream (the
 * agent's own buffer only saves it a write per {@code println}). Order is kept: text of one stream is
 * handed over before text of the other stream or a display that came after it. {@link #drain()} hands over
 * everything received so far; the engine calls it when an invoke has returned, and since output and
 * results travel on one ordered connection, all of a cell's output has been received by then.
 */
final class CellOutput {

    /** The largest display (or report of an uncaught exception) shown: more than any browser shows. */
    static final int MOST_FRAME_BYTES = 64 << 20;

    private final TextStream out = new TextStream(true);
    private final TextStream err = new TextStream(false);
    private final OutputStream display = new FrameStream(this::show);
    private final OutputStream uncaught = new FrameStream(this::reportUncaught);
    private final ThreadFailures threadFailures;
    private final SessionLanguage language;
    private CellIO io = DISCARD;
    /** The serial number of the cell output goes to; 0 before the first. */
    private long cell;

    CellOutput(ThreadFailures threadFailures, SessionLanguage language) {
        this.threadFailures = threadFailures;
        this.language = language;
    }

    OutputStream stdout() {
        return out;
    }

    OutputStream stderr() {
        return err;
    }

    OutputStream display() {
        return display;
    }

    OutputStream uncaught() {
        return uncaught;
    }

    /** Sends output from now on to {@code cellIo}, cell number {@code serial} (0: none). */
    synchronized void attach(CellIO cellIo, long serial) {
        drain();
        this.io = cellIo;
        this.cell = serial;
    }

    synchronized CellIO io() {
        return io;
    }

    /**
     * A line of the student's input from the cell's front end, for the agent's {@code System.in}, after what the
     * cell printed before asking. A front end that cannot send input says so on stderr too ({@code Scanner} hides
     * the exception's message) and the read fails at once. This runs on JShell's demultiplexer thread, which reads
     * in no cell's language of its own: the refusal is worded in the session's, which {@code %lang} may have
     * changed since the kernel started.
     */
    String readLine() throws IOException {
        drain();
        CellIO cellIo = io();
        try {
            return Lang.readBy(language::get, () -> cellIo.readLine("", false));
        } catch (CellIO.StdinUnavailableException e) {
            cellIo.stderr(e.getMessage() + "\n");
            throw new IOException(e.getMessage());
        }
    }

    /** Hands every byte received so far to the cell's {@link CellIO}. */
    synchronized void drain() {
        out.handOver();
        err.handOver();
    }

    private void show(byte[] body) {
        try {
            switch (DisplayFrames.decode(body)) {
                case DisplayFrames.Show s -> io.display(new MimeBundle(s.bundle(), null), s.displayId(), s.update());
                case DisplayFrames.Clear c -> io.clearOutput(c.await());
            }
        } catch (IOException | RuntimeException e) {
            io.stderr(Text.in(language.get(), "kernel.display.failed", e.getMessage()) + "\n");
        }
    }

    private void reportUncaught(byte[] body) {
        try {
            io.stderr(threadFailures.describe(UncaughtFrames.decode(body), cell));
        } catch (IOException e) {
            EngineLog.ENGINE.log(System.Logger.Level.WARNING, "an uncaught exception's report was malformed: " + e);
        }
    }

    /**
     * A stream of frames ({@code int length}, then that many bytes) as JShell's demultiplexer delivers it, in
     * pieces of at most 127 bytes: each whole frame goes to {@code handler}, after the text received before it.
     * Pieces are gathered until the frame is whole, then it is cut out once (cutting at every piece copied a 2 MB
     * display 16,000 times: 1.6 s). A frame over {@link #MOST_FRAME_BYTES} is skipped as it arrives, never held, and
     * the cell's stderr says so: an agent that student code took over may announce any length.
     */
    private final class FrameStream extends OutputStream {
        private final Consumer<byte[]> handler;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        /** Bytes of a frame too large to hold that are still to come, and are dropped. */
        private long skipping;
        /** How many bytes {@code pending} must hold before it is looked at again: a length, or a whole frame. */
        private int needed = Integer.BYTES;

        FrameStream(Consumer<byte[]> handler) {
            this.handler = handler;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (CellOutput.this) {
                int skipped = (int) Math.min(skipping, len);
                skipping -= skipped;
                pending.write(b, off + skipped, len - skipped);
                while (skipping == 0 && pending.size() >= needed) {
                    byte[] all = pending.toByteArray();
                    int frameLen = ((all[0] & 0xff) << 24) | ((all[1] & 0xff) << 16) | ((all[2] & 0xff) << 8)
                            | (all[3] & 0xff);
                    if (frameLen < 0 || frameLen > MOST_FRAME_BYTES) {
                        skipping = (frameLen & 0xffffffffL) - (all.length - Integer.BYTES);
                        pending.reset();
                        if (skipping < 0) { // the pieces already held more than the frame
                            pending.write(all, all.length + (int) skipping, (int) -skipping);
                            skipping = 0;
                        }
                        needed = Integer.BYTES;
                        drain();
                        io.stderr(Text.in(language.get(), "kernel.display.too.large", MOST_FRAME_BYTES >> 20) + "\n");
                        continue;
                    }
                    if (all.length - Integer.BYTES < frameLen) {
                        needed = Integer.BYTES + frameLen; // not whole yet: held, and looked at once it is
                        break;
                    }
                    needed = Integer.BYTES;
                    pending.reset();
                    pending.write(all, Integer.BYTES + frameLen, all.length - Integer.BYTES - frameLen);
                    drain();
                    handler.accept(Arrays.copyOfRange(all, Integer.BYTES, Integer.BYTES + frameLen));
                }
            }
        }
    }

    /**
     * The agent's main connection as JShell's demultiplexer reads it, through a buffer: when the buffer is empty
     * and nothing more has arrived, what came so far is handed over before the read waits. So a burst of output
     * is handed over as a whole as soon as it is in, at one {@code available()} per refill, not per packet.
     */
    InputStream burstAware(InputStream in) {
        return new InputStream() {
            private final byte[] buffer = new byte[64 * 1024];
            private int pos;
            private int end;

            @Override
            public int read() throws IOException {
                return fill() ? buffer[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, end - pos);
                System.arraycopy(buffer, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() throws IOException {
                return end - pos > 0 ? end - pos : in.available();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }

            /** True when bytes are buffered; refills, handing over the burst first if the read would wait. */
            private boolean fill() throws IOException {
                if (pos < end) {
                    return true;
                }
                if (in.available() == 0) {
                    drain();
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return false;
                }
                pos = 0;
                end = n;
                return true;
            }
        };
    }

    /** One text stream: bytes in, complete UTF-8 characters out. */
    private final class TextStream extends OutputStream {
        private final boolean isStdout;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        TextStream(boolean isStdout) {
            this.isStdout = isStdout;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (CellOutput.this) {
                TextStream other = this == out ? err : out;
                if (other.pending.size() > 0) {
                    other.handOver();
                }
                pending.write(b, off, len);
            }
        }

        /** Hands over the complete characters received; keeps a trailing partial UTF-8 sequence. */
        void handOver() {
            if (pending.size() == 0) {
                return;
            }
            byte[] bytes = pending.toByteArray();
            int end = completeUtf8Prefix(bytes);
            pending.reset();
            pending.write(bytes, end, bytes.length - end);
            if (end == 0) {
                return;
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            if (isStdout) {
                io.stdout(text);
            } else {
                io.stderr(text);
            }
        }
    }

    /** Length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = b[n - back] & 0xff;
            if ((lead & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for its lead
            }
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }

    /** Where output goes before the first cell: nowhere (startup snippets print nothing worth showing). */
    static final CellIO DISCARD = CellIO.discarding("Reading input is not possible here.");
}
