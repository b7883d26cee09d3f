package netlab.agent;

/**
 * The target of the stop checks woven into student bytecode ({@link StopCheckWeaver}). Public because
 * snippet classes live in another class loader; not for student code.
 */
public final class StopCheck {

    private StopCheck() {
    }

    /**
     * Throws {@link CellStoppedError} when the calling thread's cell was interrupted; yields a virtual thread's
     * carrier while the carriers are starved ({@link CarrierWatch}).
     */
    public static void check() {
        Cell.check();
    }
}
