package netlab.agent;

import netlab.runtime.StopScope;

/**
 * The agent's {@link StopScope}: code the course library runs for a cell on a thread of its own (a check's case)
 * runs as a {@link Cell} {@link Cell#under under} the cell that opened the scope. Stopping the scope stops that
 * cell alone: the stop checks woven into the answer throw in its thread and in the threads it started, which
 * inherit it, and those of its threads that {@link Ownership} recorded are interrupted. The check's own cell goes
 * on with its next case; interrupting or re-running the notebook cell stops the scope's cell with it.
 */
final class CellScope implements StopScope {

    private final Cell cell;

    private CellScope(Cell cell) {
        this.cell = cell;
    }

    /** A scope under the calling thread's cell; {@link StopScope#NONE} outside cells (the agent's own threads). */
    static StopScope open() {
        Cell current = Cell.current();
        return current == null ? StopScope.NONE : new CellScope(current.under());
    }

    @Override
    public void run(Runnable body) {
        cell.runHere(body);
    }

    @Override
    public void stop() {
        cell.stop();
        Ownership.interruptThreads(cell);
    }
}
