package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cell's magics ask of the engine beyond their own output: code to run before the cell's own
 * ({@code %load}), timing ({@code %%time}), a higher thread cap ({@code %%threads}), a fresh session ({@code /reset}), closing the front end
 * ({@code /exit}). One per cell; filled by the magics, read by the engine once they have run.
 */
final class CellPlan {

    /** Code a magic loaded, and where it was written: its errors name that file's lines, not the cell's. */
    record Loaded(CodeSource source, String code) {
    }

    private final List<Loaded> loaded = new ArrayList<>();
    private boolean timed;
    private boolean reset;
    private boolean exit;
    private int threads;

    void load(CodeSource source, String code) {
        loaded.add(new Loaded(source, code));
    }

    /** The code the magics loaded, in order, to run before the cell's own. */
    List<Loaded> loaded() {
        return List.copyOf(loaded);
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
