package netlab.kernel.jshell;

/**
 * What a cell's magics ask of the engine beyond their own output: code to run before the cell's own
 * ({@code %load}), timing ({@code %%time}), a higher thread cap ({@code %%threads}), a fresh session ({@code /reset}), closing the front end
 * ({@code /exit}). One per cell; filled by the magics, read by the engine once they have run.
 */
final class CellPlan {

    private final StringBuilder loaded = new StringBuilder();
    private boolean timed;
    private boolean reset;
    private boolean exit;
    private int threads;

    void load(String code) {
        loaded.append(code).append('\n');
    }

    /** The code the magics loaded, to run before the cell's own. */
    String loaded() {
        return loaded.toString();
    }

    void time() {
        timed = true;
    }

    boolean timed() {
        return timed;
    }

    void reset() {
        reset = true;
    }

    boolean resetAsked() {
        return reset;
    }

    /** {@code %%threads N}: the cell may run up to N threads of each kind. */
    void threads(int n) {
        threads = n;
    }

    /** The thread cap {@code %%threads} asked for, or 0 for the defaults. */
    int threads() {
        return threads;
    }

    void exit() {
        exit = true;
    }

    boolean exitAsked() {
        return exit;
    }
}
