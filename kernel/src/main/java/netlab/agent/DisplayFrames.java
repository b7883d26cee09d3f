package netlab.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire form of display messages from the agent to the kernel, carried on the {@code display} stream of
 * the multiplexed connection. A frame is {@code int length} then {@code length} bytes:
 * <pre>
 *   SHOW:  byte 1, UTF displayId ("" for none), boolean update, int n, n x (UTF mime, int len, UTF-8 bytes)
 *   CLEAR: byte 2, boolean wait
 * </pre>
 * Values are length-prefixed UTF-8 (not {@code writeUTF}) because SVG and base64 images exceed 64 KiB.
 * Only strings travel: never serialized student objects.
 */
public final class DisplayFrames {

    static final byte SHOW = 1;
    static final byte CLEAR = 2;

    private DisplayFrames() {
    }

    /** A decoded frame: either a bundle to show or a clear request. */
    public sealed interface Frame {
    }

    /** Show {@code bundle}; with {@code update}, replace the output shown under {@code displayId}. */
    public record Show(Map<String, String> bundle, String displayId, boolean update) implements Frame {
    }

    /** Clear the cell's output. */
    public record Clear(boolean await) implements Frame {
    }

    /** The frame, length prefix included, for a show message. */
    public static byte[] show(Map<String, String> bundle, String displayId, boolean update) {
        return frame(out -> {
            out.writeByte(SHOW);
            out.writeUTF(displayId == null ? "" : displayId);
            out.writeBoolean(update);
            out.writeInt(bundle.size());
            for (Map.Entry<String, String> e : bundle.entrySet()) {
                out.writeUTF(e.getKey());
                writeText(out, String.valueOf(e.getValue()));
            }
        });
    }

    /** The frame, length prefix included, for a clear message. */
    public static byte[] clear(boolean await) {
        return frame(out -> {
            out.writeByte(CLEAR);
            out.writeBoolean(await);
        });
    }

    /** Decodes one frame body (without its length prefix). */
    public static Frame decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        byte kind = in.readByte();
        switch (kind) {
            case SHOW -> {
                String id = in.readUTF();
                boolean update = in.readBoolean();
                int n = in.readInt();
                Map<String, String> bundle = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String mime = in.readUTF();
                    bundle.put(mime, readText(in));
                }
                return new Show(bundle, id.isEmpty() ? null : id, update);
            }
            case CLEAR -> {
                return new Clear(in.readBoolean());
            }
            default -> throw new IOException("unknown display frame kind " + kind);
        }
    }

    /** {@code text} as length-prefixed UTF-8: unlike {@code writeUTF}, past 64 KiB too. */
    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A text {@link #writeText} wrote. */
    static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** What a frame's body writes. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** {@code body} behind its length: the frame of every stream of frames the agent sends. */
    static byte[] frame(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0);
            body.write(out);
            out.flush();
            byte[] frame = bytes.toByteArray();
            int len = frame.length - 4;
            frame[0] = (byte) (len >>> 24);
            frame[1] = (byte) (len >>> 16);
            frame[2] = (byte) (len >>> 8);
            frame[3] = (byte) len;
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
