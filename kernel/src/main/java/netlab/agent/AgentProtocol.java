package netlab.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What kernel and agent agree on besides JShell's own multiplexed stream format.
 *
 * <p>The agent opens two loopback TCP connections to the port it was given, both with TCP_NODELAY:
 * first the <em>main</em> connection (JShell's multiplexed commands, stdout/stderr/display/stdin/sync), then
 * the <em>control</em> connection, which works while a cell runs. Each starts with {@link #HELLO}, the role
 * byte and the token from {@link #TOKEN_ENV}, so no other local process can pose as the agent.
 *
 * <p>netlab's own per-cell commands travel on the control connection, never on JShell's command stream:
 * JShell's remote protocol is a JDK implementation detail, and Debian's OpenJDK 25.0.5 stopped forwarding
 * extension commands on it (the agent exited at the first cell). Frames on the control connection:
 * <ul>
 *   <li>kernel → agent: {@link #OP_STOP} {@code long invoke} ("stop invoke n", works while it runs), or
 *       {@link #OP_REQUEST} {@code int id, string command, strings args};</li>
 *   <li>agent → kernel: {@link #OP_ANSWER} {@code int id, strings answer}, or {@link #OP_NOTE}
 *       {@code string} just before the agent dies (such as {@link #NOTE_OUT_OF_MEMORY}).</li>
 * </ul>
 * A string is an int length and UTF-8 bytes (no 64 KB limit: an answer may carry a whole SVG); strings are
 * an int count, -1 for none, and that many strings.
 */
public final class AgentProtocol {

    public static final int HELLO = 0x4E4C4147; // "NLAG"
    public static final byte ROLE_MAIN = 'M';
    public static final byte ROLE_CONTROL = 'C';
    public static final String TOKEN_ENV = "NETLAB_AGENT_TOKEN";

    /** Named streams of the main connection. */
    public static final String STDOUT = "out";
    public static final String STDERR = "err";
    public static final String DISPLAY = "display";
    public static final String STDIN = "in";
    /**
     * Markers on the main connection: {@link #END_CELL} writes the request id here after flushing stdout and
     * stderr, so the kernel knows every byte the cell printed has arrived before it ends the cell.
     */
    public static final String SYNC = "sync";

    public static final byte OP_STOP = 'S';
    public static final byte OP_REQUEST = 'R';
    public static final byte OP_ANSWER = 'A';
    public static final byte OP_NOTE = 'N';

    /** Control note: the agent is about to exit because it ran out of memory outside a cell. */
    public static final String NOTE_OUT_OF_MEMORY = "out-of-memory";

    /** Request: the MIME bundle of the last invoke's value as (mime, data) pairs; none when not Displayable. */
    public static final String LAST_VALUE_BUNDLE = "lastValueBundle";
    /** Request: a cell starts; args {key, output limit, thread cap of %%threads or 0}; answers lines about what its last run left and was closed. */
    public static final String BEGIN_CELL = "beginCell";
    /** Request: the cell ended; answers {bytes of output dropped over the cap}, after a {@link #SYNC} marker. */
    public static final String END_CELL = "endCell";
    /** Request: what is open, as "description\tcell" lines. */
    public static final String RESOURCES = "resources";
    /** Request: args {"all" | a port | "cell:key"}; closes it and answers what was closed. */
    public static final String CLOSE = "close";
    /**
     * Request: args {cell key}; answers what that cell started and still runs, as "deadlocked\t..." or
     * "running\t..." lines (none when everything ended), asked after an interrupt released the cell.
     */
    public static final String LIVE_THREADS = "liveThreads";
    /** How a {@link #LIVE_THREADS} line starts: the thread is in a lock cycle no interrupt can end, or not. */
    public static final String DEADLOCKED = "deadlocked";
    public static final String RUNNING = "running";

    private AgentProtocol() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt control frame: string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    public static void writeStrings(DataOutputStream out, String[] strings) throws IOException {
        out.writeInt(strings == null ? -1 : strings.length);
        if (strings != null) {
            for (String s : strings) {
                writeString(out, s);
            }
        }
    }

    public static String[] readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < -1) {
            throw new IOException("corrupt control frame: string count " + count);
        }
        if (count == -1) {
            return null;
        }
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = readString(in);
        }
        return strings;
    }
}
