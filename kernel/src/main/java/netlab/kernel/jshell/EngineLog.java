package netlab.kernel.jshell;

/**
 * The engine's loggers, made when the first message is logged. {@code System.getLogger} starts the JDK's logging
 * (java.util.logging's {@code LogManager} and its configuration): as a static field of {@link Sessions} it cost the
 * kernel's start 8-10 ms on its main thread before the session's thread began (traces of 5 starts), though a start
 * logs nothing. Each logger is a field of this class, so the first message initialises it; a static field of the
 * class that logs would be initialised with that class.
 */
final class EngineLog {

    /** The engine's own events: what went through JShell instead of a faster path, startup snippets that failed. */
    static final System.Logger ENGINE = System.getLogger("netlab.engine");
    /** The agent JVM's life as the kernel sees it: its start, its death, its descendants. */
    static final System.Logger AGENT = System.getLogger("netlab.engine.agent");
    /** What the agent wrote to its raw stdout/stderr, which student code controls: DEBUG only, never on a console. */
    static final System.Logger AGENT_OUTPUT = System.getLogger("netlab.engine.agent.output");

    private EngineLog() {
    }
}
