package netlab.agent;

/**
 * Thrown by the stop checks woven into student code once its cell was interrupted. An {@link Error}, so
 * {@code catch (Exception e)} in a student's loop does not swallow it; a loop that catches
 * {@code Throwable} meets the next check at its next backward branch.
 */
public final class CellStoppedError extends Error {

    CellStoppedError() {
        super("cell interrupted", null, false, false);
    }
}
