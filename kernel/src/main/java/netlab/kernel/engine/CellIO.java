package netlab.kernel.engine;

import java.util.OptionalInt;

/**
 * The protocol layer's side of a running cell: where its output goes and where its input comes from.
 * All methods may be called from any thread.
 */
public interface CellIO {

    /** Text the cell wrote to standard output. */
    void stdout(String text);

    /** Text the cell wrote to standard error. */
    void stderr(String text);

    /**
     * Shows a rich value. With a {@code displayId}, a later call with {@code update} true replaces it in
     * place (progress bars); {@code displayId} may be null.
     */
    void display(MimeBundle bundle, String displayId, boolean update);

    /** Clears the cell's output; with {@code wait}, only when new output arrives. */
    void clearOutput(boolean wait);

    /**
     * The front end's id of the cell being run (JupyterLab sends it as {@code metadata.cellId}), or null.
     * Re-running the same cell releases what its previous run left open.
     */
    default String cellId() {
        return null;
    }

    /**
     * The number the front end shows beside the cell for this run ({@code [7]}: the execute request's
     * {@code execution_count}), or empty when the run has none (a silent one, or no front end).
     */
    default OptionalInt executionCount() {
        return OptionalInt.empty();
    }

    /**
     * The cell asked the front end to close, as JShell's {@code /exit} does: {@code jupyter console} leaves and
     * shuts the kernel down; a notebook ignores it.
     */
    default void askExit() {
    }

    /** Whether the front end can answer {@link #readLine}. */
    boolean stdinAllowed();

    /**
     * Asks the front end for one line of input and blocks until it answers.
     *
     * @throws StdinUnavailableException when the front end does not allow input, or the cell was
     *     interrupted while waiting
     */
    String readLine(String prompt, boolean password) throws StdinUnavailableException;

    /**
     * A CellIO that shows nothing and has no input, for code the engine runs on its own behalf (startup
     * snippets, the grader's setup); {@code noInput} is the message a read gets.
     */
    static CellIO discarding(String noInput) {
        return new CellIO() {
            @Override public void stdout(String text) { }
            @Override public void stderr(String text) { }
            @Override public void display(MimeBundle bundle, String displayId, boolean update) { }
            @Override public void clearOutput(boolean wait) { }
            @Override public boolean stdinAllowed() { return false; }
            @Override public String readLine(String prompt, boolean password) throws StdinUnavailableException {
                throw new StdinUnavailableException(noInput);
            }
        };
    }

    /** Raised when no input can be had; its message tells the student what to do instead. */
    final class StdinUnavailableException extends Exception {
        public StdinUnavailableException(String message) {
            super(message);
        }
    }
}
