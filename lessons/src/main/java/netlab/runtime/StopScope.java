package netlab.runtime;

/**
 * Student code that the course library runs on a thread of its own and may have to give up on, such as a check's
 * case that runs past its timeout. An interrupt ends a sleep or a blocking socket call, but not a loop that
 * ignores it ({@code while (true) { try { server.accept(); } catch (IOException e) { } }} on a closed socket): in a
 * netlab notebook, {@link #stop} makes the stop checks woven into student code throw in the scope's thread and in
 * the threads that code started, so the loop ends at its next turn. Outside a notebook nothing is woven and
 * {@code stop} does nothing; the caller's interrupt is all there is.
 *
 * <pre>{@code
 * StopScope scope = StopScope.open();                      // on the thread that will give up
 * Thread worker = Thread.ofPlatform().start(() -> scope.run(task));
 * if (!finishedInTime) {
 *     scope.stop();                                        // a loop in the answer ends at its next turn
 *     worker.interrupt();                                  // a sleep or a socket call ends too
 * }
 * }</pre>
 *
 * <p>Stopping the notebook cell that opened a scope (interrupting or re-running it) stops the scope too. Both
 * methods may be called from any thread; a scope is run once.
 */
public interface StopScope {

    /** A scope that runs its body as it is and whose stop does nothing: what {@link #open} gives outside a notebook. */
    StopScope NONE = new StopScope() {
        @Override
        public void run(Runnable body) {
            body.run();
        }

        @Override
        public void stop() {
        }
    };

    /** Runs {@code body} on the calling thread as this scope's code; threads it starts belong to the scope too. */
    void run(Runnable body);

    /**
     * From now on, the stop checks in the scope's code throw, and the host interrupts the scope's threads it knows
     * of; returns without waiting for them to end.
     */
    void stop();

    /** A new scope under the code running on the calling thread (in a notebook, that thread's cell). */
    static StopScope open() {
        return NotebookHost.current().openScope();
    }
}
