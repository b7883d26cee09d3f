package netlab.kernel.engine;

import java.util.List;
import java.util.Optional;

/** How a cell ended. "The student's code failed" and "the engine failed" are different cases. */
public sealed interface ExecuteOutcome {

    /** The cell ran; {@code result} is the value of its last expression, if it had one to show. */
    record Success(Optional<MimeBundle> result) implements ExecuteOutcome {
        public static Success empty() {
            return new Success(Optional.empty());
        }
    }

    /**
     * The student's code did not compile or threw. {@code traceback} is what the front end shows, line by
     * line (ANSI colours allowed), pointing at the cell's own lines.
     */
    record Failure(String ename, String evalue, List<String> traceback) implements ExecuteOutcome {
        public Failure {
            traceback = List.copyOf(traceback);
        }
    }

    /**
     * The cell was stopped by an interrupt; {@code message} says what was stopped and what survived.
     * {@code timedOut} when a time limit given to {@link Engine#execute(String, CellIO, java.time.Duration)} or
     * the session's own timeout, not the user, stopped it.
     */
    record Interrupted(String message, boolean timedOut) implements ExecuteOutcome {
        public Interrupted(String message) {
            this(message, false);
        }
    }

    /**
     * The process running student code died or had to be killed (System.exit, OOM, crash). A fresh one is
     * already running; {@code message} says in one sentence what happened and that variables were reset.
     * {@code timedOut} as for {@link Interrupted}: a time limit stopped the cell, then its process had to go.
     */
    record EngineRestarted(String message, boolean timedOut) implements ExecuteOutcome {
        public EngineRestarted(String message) {
            this(message, false);
        }
    }
}
