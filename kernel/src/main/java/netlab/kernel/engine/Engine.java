package netlab.kernel.engine;

/**
 * What the protocol layer asks of a language engine. The protocol layer knows nothing of Java or JShell:
 * it owns execution counts, history, busy/idle status and replies, and calls these hooks.
 *
 * <p>Threading: {@link #execute}, {@link #complete}, {@link #inspect}, {@link #isComplete} and
 * {@link #evaluate} are called from one thread at a time (the shell thread). {@link #interrupt()} is called
 * from another thread (control channel or SIGINT) while {@code execute} runs, and must make it return.
 */
public interface Engine extends AutoCloseable {

    /**
     * Runs one cell and blocks until it is done. Output, display data and input requests go through
     * {@code io} while the cell runs; every byte of output is handed to {@code io} before this returns.
     */
    ExecuteOutcome execute(String code, CellIO io);

    /**
     * Runs one cell as {@link #execute(String, CellIO)} does, stopped as by {@link #interrupt()} once
     * {@code timeLimit} is up; the outcome's {@code timedOut} says whether it was. The grader's step limit.
     */
    ExecuteOutcome execute(String code, CellIO io, java.time.Duration timeLimit);

    /** Completions at {@code cursor} (a code-point offset into {@code code}). */
    Completion complete(String code, int cursor);

    /** Documentation for the name at or just before {@code cursor}; {@code detailLevel} 0 or 1. */
    java.util.Optional<MimeBundle> inspect(String code, int cursor, int detailLevel);

    /** Whether {@code code} is a complete cell, for console front ends deciding to run or add a line. */
    IsComplete isComplete(String code);

    /** Evaluates one expression for {@code user_expressions}, without output or history. */
    ExecuteOutcome evaluate(String expression);

    /** Stops the running cell, if any. Returns once the stop is under way; never blocks on the cell. */
    void interrupt();

    /**
     * Waits, at most {@code limit}, until a cell sent now would start at once: the engine has finished
     * starting (or restarting). Returns at once if it has, and when a start failed (the next cell reports
     * why). The protocol layer answers {@code kernel_info} after it, because front ends take that reply for
     * "ready": JupyterLab shows the kernel idle, nbclient and the grader start running cells.
     */
    void awaitReady(java.time.Duration limit);

    /** Facts for {@code kernel_info_reply}. */
    LanguageFacts languageFacts();

    /** Ends the engine and every process it started. */
    @Override
    void close();
}
