package netlab.agent;

/**
 * What kernel and agent agree on besides JShell's own multiplexed stream format.
 *
 * <p>The agent opens two loopback TCP connections to the port it was given, both with TCP_NODELAY:
 * first the <em>main</em> connection (JShell's multiplexed commands, stdout/stderr/display/stdin), then the
 * <em>control</em> connection, which works while a cell runs. Each starts with {@link #HELLO}, the role byte
 * and the token from {@link #TOKEN_ENV}, so no other local process can pose as the agent.
 * On the control connection the kernel writes {@code long n} = "stop invoke n"; the agent writes UTF notes
 * such as {@link #NOTE_OUT_OF_MEMORY} just before it dies.
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

    /** Control note: the agent is about to exit because it ran out of memory outside a cell. */
    public static final String NOTE_OUT_OF_MEMORY = "out-of-memory";

    /** Extension command answering the MIME bundle of the last value, see {@link AgentExecutionControl}. */
    public static final String LAST_VALUE_BUNDLE = AgentExecutionControl.LAST_VALUE_BUNDLE;

    /** Extension commands of the per-cell ownership and limits, see {@link AgentExecutionControl}. */
    public static final String BEGIN_CELL = AgentExecutionControl.BEGIN_CELL;
    public static final String END_CELL = AgentExecutionControl.END_CELL;
    public static final String RESOURCES = AgentExecutionControl.RESOURCES;
    public static final String CLOSE = AgentExecutionControl.CLOSE;
    /** Extension command: what a stopped cell's threads still run, see {@link AgentExecutionControl}. */
    public static final String LIVE_THREADS = AgentExecutionControl.LIVE_THREADS;

    private AgentProtocol() {
    }
}
