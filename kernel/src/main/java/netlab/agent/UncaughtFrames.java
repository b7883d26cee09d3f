package netlab.agent;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.runtime.Causes;

/**
 * The wire form of an exception that no code of a cell's thread caught, from the agent to the kernel on the
 * {@link AgentProtocol#UNCAUGHT} stream: data only (class names, messages, frames), which the kernel words in the
 * student's language with the frames at the cell's lines. A frame is {@code int length} then:
 * <pre>
 *   UTF thread, int n, n × (text class, boolean hasMessage, [text message],
 *                           int frames, frames × (UTF class, UTF method, boolean hasFile, [UTF file], int line))
 * </pre>
 * where a text is length-prefixed UTF-8 (a message may exceed {@code writeUTF}'s 64 KiB). A chain is what
 * {@link Causes#of} walks, and each exception keeps at most {@link #MAX_FRAMES} frames (a thread's stack overflow
 * has thousands, all the same).
 */
public final class UncaughtFrames {

    static final int MAX_FRAMES = 256;

    private UncaughtFrames() {
    }

    /** One exception of a chain: its class's name, its message if it has one, and its frames. */
    public record Thrown(String className, Optional<String> message, List<StackTraceElement> frames) {
        public Thrown {
            frames = List.copyOf(frames);
        }
    }

    /** What thread {@code thread} threw: the exception first, then its causes. */
    public record Report(String thread, List<Thrown> chain) {
        public Report {
            chain = List.copyOf(chain);
        }
    }

    /**
     * The frame, length prefix included, for {@code error} thrown by {@code thread}. A student's exception class
     * may override {@code getMessage}, {@code getStackTrace} or {@code getCause} to throw: that part is left out.
     */
    public static byte[] encode(String thread, Throwable error) {
        List<Throwable> chain = Causes.of(error);
        return DisplayFrames.frame(out -> {
            out.writeUTF(thread);
            out.writeInt(chain.size());
            for (Throwable t : chain) {
                DisplayFrames.writeText(out, t.getClass().getName());
                String message = ThrownParts.message(t);
                out.writeBoolean(message != null);
                if (message != null) {
                    DisplayFrames.writeText(out, message);
                }
                StackTraceElement[] frames = ThrownParts.frames(t);
                int n = Math.min(frames.length, MAX_FRAMES);
                out.writeInt(n);
                for (int i = 0; i < n; i++) {
                    StackTraceElement f = frames[i];
                    out.writeUTF(f.getClassName());
                    out.writeUTF(f.getMethodName());
                    out.writeBoolean(f.getFileName() != null);
                    if (f.getFileName() != null) {
                        out.writeUTF(f.getFileName());
                    }
                    out.writeInt(f.getLineNumber());
                }
            }
        });
    }

    /** Decodes one frame body (without its length prefix). */
    public static Report decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        String thread = in.readUTF();
        int n = in.readInt();
        List<Thrown> chain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String className = DisplayFrames.readText(in);
            Optional<String> message = in.readBoolean() ? Optional.of(DisplayFrames.readText(in)) : Optional.empty();
            int frameCount = in.readInt();
            List<StackTraceElement> frames = new ArrayList<>();
            for (int f = 0; f < frameCount; f++) {
                String declaring = in.readUTF();
                String method = in.readUTF();
                String file = in.readBoolean() ? in.readUTF() : null;
                frames.add(new StackTraceElement(declaring, method, file, in.readInt()));
            }
            chain.add(new Thrown(className, message, frames));
        }
        return new Report(thread, chain);
    }
}
