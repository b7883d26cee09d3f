package netlab.kernel.notebook;

/** Unbalanced or nested release markers; the message names the notebook, the cell (index and id) and the line. */
public final class MarkerException extends Exception {

    public MarkerException(String message) {
        super(message);
    }
}
