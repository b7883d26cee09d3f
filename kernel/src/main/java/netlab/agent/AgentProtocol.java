package netlab.agent;

/**
 * What kernel and agent agree on besides JShell's own multiplexed stream format.
 *
 * <p>The agent opens two loopback TCP connections to the port it was given, both with TCP_NODELAY:
 * first the <em>main</em> connection (JShell's multiplexed commands, stdout/stderr/display/stdin/sync), then
 * the <em>control</em> connection, which works while a cell runs. Each starts with {@link #HELLO}, the role
 * byte and the token from {@link #TOKEN_ENV}, so no other local process can pose as the agent.
 *
 * <p>netlab's own per-cell requests travel on the control connection, never on JShell's command stream:
 * JShell's remote protocol is a JDK implementation detail, and Debian's OpenJDK 25.0.5 stopped forwarding
 * extension commands on it (the agent exited at the first cell). Frames on the control connection:
 * <ul>
 *   <li>kernel → agent: {@link #OP_STOP} {@code long cellSerial} ("stop that cell", works while it runs), or
 *       {@link #OP_REQUEST} {@code int id} and a {@link Control.Request};</li>
 *   <li>agent → kernel: {@link #OP_ANSWER} {@code int id} and a {@link Control.Reply}, or {@link #OP_NOTE}
 *       {@code string} just before the agent dies (such as {@link #NOTE_OUT_OF_MEMORY}).</li>
 * </ul>
 * {@link ControlCodec} writes and reads the records: the same code in both JVMs.
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
     * Markers on the main connection: {@link Control.EndCell} writes the request id here after flushing stdout
     * and stderr, so the kernel knows every byte the cell printed has arrived before it ends the cell.
     */
    public static final String SYNC = "sync";
    /**
     * Exceptions no code of a cell's threads caught, as {@link UncaughtFrames}: the kernel words them like the
     * cell's own, in the student's language and at the cell's lines.
     */
    public static final String UNCAUGHT = "uncaught";

    /**
     * How the simple name of every class the kernel wraps a cell's piece in starts (JShell's wrapper prefix, then
     * the kernel's own): a value such a piece returns is one the notebook shows, so its {@code toString} throwing
     * is the cell's exception. JShell's own wrappers' values (a declaration's) are not shown.
     */
    public static final String PIECE_CLASS_PREFIX = "$JShell$netlabValue";

    public static final byte OP_STOP = 'S';
    public static final byte OP_REQUEST = 'R';
    public static final byte OP_ANSWER = 'A';
    public static final byte OP_NOTE = 'N';

    /** Control note: the agent is about to exit because it ran out of memory outside a cell. */
    public static final String NOTE_OUT_OF_MEMORY = "out-of-memory";
    /**
     * Control note: {@code System.exit} ran but a shutdown hook the student registered was still running
     * {@link #EXIT_GRACE} later, so the agent halted (see {@code ExitGuard}).
     */
    public static final String NOTE_EXIT_HOOK_STUCK = "exit-hook-stuck";
    /** How long an exiting agent waits for the student's shutdown hooks before it halts. */
    public static final java.time.Duration EXIT_GRACE = java.time.Duration.ofSeconds(2);

    private AgentProtocol() {
    }
}
