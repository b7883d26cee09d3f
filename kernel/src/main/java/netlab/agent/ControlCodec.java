package netlab.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.agent.Control.AwaitQuiet;
import netlab.agent.Control.Began;
import netlab.agent.Control.BeginCell;
import netlab.agent.Control.EndAfterInvoke;
import netlab.agent.Control.EndCell;
import netlab.agent.Control.Ended;
import netlab.agent.Control.Failed;
import netlab.agent.Control.FileBytes;
import netlab.agent.Control.Lingerer;
import netlab.agent.Control.ListOpen;
import netlab.agent.Control.Open;
import netlab.agent.Control.OpenResource;
import netlab.agent.Control.Quiet;
import netlab.agent.Control.ReadFile;
import netlab.agent.Control.ReleaseAll;
import netlab.agent.Control.ReleasePort;
import netlab.agent.Control.Released;
import netlab.agent.Control.Reply;
import netlab.agent.Control.Request;
import netlab.agent.Control.StillRunning;
import netlab.agent.Control.Unreadable;

/**
 * The one wire form of {@link Control}'s records, used by both JVMs: a tag byte, then the components in
 * order. A string is an int length and UTF-8 bytes (no 64 KB limit: a value bundle may carry a whole SVG).
 */
public final class ControlCodec {

    /**
     * The longest string a frame carries. A value's SVG or HTML is far shorter; the bound is for an agent that
     * student code took over, whose frames must not take the memory of the JVM reading them (a grading JVM reads
     * every student's agent in turn).
     */
    static final int MOST_STRING_BYTES = 32 << 20;
    /** The most items of a list or a map in a frame, for the same reason. */
    static final int MOST_ITEMS = 1 << 20;

    private ControlCodec() {
    }

    public static void write(DataOutputStream out, Request request) throws IOException {
        switch (request) {
            case BeginCell b -> {
                out.writeByte('B');
                out.writeLong(b.serial());
                writeString(out, b.key());
                out.writeLong(b.outputLimit());
                out.writeInt(b.threads());
            }
            case EndCell e -> out.writeByte('E');
            case EndAfterInvoke e -> {
                out.writeByte('I');
                writeString(out, e.className());
            }
            case AwaitQuiet q -> {
                out.writeByte('Q');
                writeString(out, q.key());
                out.writeLong(q.millis());
            }
            case ListOpen l -> out.writeByte('L');
            case ReleasePort p -> {
                out.writeByte('P');
                out.writeInt(p.port());
            }
            case ReleaseAll a -> out.writeByte('A');
            case ReadFile r -> {
                out.writeByte('F');
                writeString(out, r.path());
            }
        }
    }

    public static Request readRequest(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case 'B' -> new BeginCell(in.readLong(), readString(in), in.readLong(), in.readInt());
            case 'E' -> new EndCell();
            case 'I' -> new EndAfterInvoke(readString(in));
            case 'Q' -> new AwaitQuiet(readString(in), in.readLong());
            case 'L' -> new ListOpen();
            case 'P' -> new ReleasePort(in.readInt());
            case 'A' -> new ReleaseAll();
            case 'F' -> new ReadFile(readString(in));
            default -> throw new IOException("corrupt control frame: request tag " + tag);
        };
    }

    public static void write(DataOutputStream out, Reply reply) throws IOException {
        switch (reply) {
            case Began b -> {
                out.writeByte('b');
                writeResources(out, b.released());
            }
            case Ended e -> {
                out.writeByte('e');
                out.writeLong(e.droppedBytes());
                out.writeInt(e.valueBundle().size());
                for (Map.Entry<String, String> m : e.valueBundle().entrySet()) {
                    writeString(out, m.getKey());
                    writeString(out, m.getValue());
                }
            }
            case Quiet q -> out.writeByte('q');
            case StillRunning s -> {
                out.writeByte('s');
                out.writeInt(s.lingerers().size());
                for (Lingerer l : s.lingerers()) {
                    out.writeBoolean(l.thread());
                    writeString(out, l.name());
                    writeString(out, l.state());
                    out.writeBoolean(l.deadlocked());
                    out.writeInt(l.activeTasks());
                }
                out.writeInt(s.more());
            }
            case Open o -> {
                out.writeByte('o');
                out.writeInt(o.resources().size());
                for (OpenResource r : o.resources()) {
                    writeResource(out, r.resource());
                    writeString(out, r.cellKey());
                }
            }
            case Released r -> {
                out.writeByte('r');
                writeResources(out, r.what());
            }
            case FileBytes b -> {
                out.writeByte('d');
                out.writeInt(b.bytes().length);
                out.write(b.bytes());
            }
            case Unreadable u -> {
                out.writeByte('u');
                out.writeByte(u.reason().ordinal());
                writeString(out, u.detail());
            }
            case Failed f -> {
                out.writeByte('f');
                out.writeByte(f.why().ordinal());
                writeString(out, f.detail());
            }
        }
    }

    public static Reply readReply(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case 'b':
                return new Began(readResources(in));
            case 'e': {
                long dropped = in.readLong();
                int n = count(in);
                Map<String, String> bundle = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    bundle.put(readString(in), readString(in));
                }
                return new Ended(dropped, bundle);
            }
            case 'q':
                return new Quiet();
            case 's': {
                int n = count(in);
                List<Lingerer> lingerers = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    lingerers.add(new Lingerer(in.readBoolean(), readString(in), readString(in), in.readBoolean(),
                            in.readInt()));
                }
                return new StillRunning(lingerers, in.readInt());
            }
            case 'o': {
                int n = count(in);
                List<OpenResource> resources = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    resources.add(new OpenResource(readResource(in), readString(in)));
                }
                return new Open(resources);
            }
            case 'r':
                return new Released(readResources(in));
            case 'd':
                return new FileBytes(readBytes(in, Control.MOST_FILE_BYTES));
            case 'u':
                return new Unreadable(ordinal(Unreadable.Reason.values(), in.readByte(), "reason"), readString(in));
            case 'f':
                return new Failed(ordinal(Control.Why.values(), in.readByte(), "failure"), readString(in));
            default:
                throw new IOException("corrupt control frame: reply tag " + tag);
        }
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Whether {@code s} is short enough for a frame ({@link #MOST_STRING_BYTES} of UTF-8). */
    static boolean fits(String s) {
        return s.length() <= MOST_STRING_BYTES / 3 || s.getBytes(StandardCharsets.UTF_8).length <= MOST_STRING_BYTES;
    }

    public static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in, MOST_STRING_BYTES), StandardCharsets.UTF_8);
    }

    /** An int length, at most {@code most}, then that many bytes. */
    private static byte[] readBytes(DataInputStream in, int most) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > most) {
            throw new IOException("corrupt control frame: length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new java.io.EOFException("control frame cut short");
        }
        return bytes;
    }

    private static void writeResources(DataOutputStream out, List<Control.Resource> resources) throws IOException {
        out.writeInt(resources.size());
        for (Control.Resource r : resources) {
            writeResource(out, r);
        }
    }

    private static List<Control.Resource> readResources(DataInputStream in) throws IOException {
        int n = count(in);
        List<Control.Resource> resources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            resources.add(readResource(in));
        }
        return resources;
    }

    private static void writeResource(DataOutputStream out, Control.Resource r) throws IOException {
        out.writeByte(r.kind().ordinal());
        out.writeInt(r.port());
        writeString(out, r.name());
        out.writeLong(r.number());
        out.writeByte(r.state().ordinal());
    }

    private static Control.Resource readResource(DataInputStream in) throws IOException {
        Control.Kind kind = ordinal(Control.Kind.values(), in.readByte(), "resource kind");
        int port = in.readInt();
        String name = readString(in);
        long number = in.readLong();
        return new Control.Resource(kind, port, name, number, ordinal(Control.State.values(), in.readByte(), "state"));
    }

    private static <E> E ordinal(E[] values, int i, String what) throws IOException {
        if (i < 0 || i >= values.length) {
            throw new IOException("corrupt control frame: " + what + " " + i);
        }
        return values[i];
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MOST_ITEMS) {
            throw new IOException("corrupt control frame: count " + n);
        }
        return n;
    }
}
