package netlab.kernel.jshell;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import netlab.text.Message;

/**
 * An agent JVM that did not connect: it exited (with its status and last lines of output), or it was still
 * starting when its time ran out. The message, for the log, names the command; what a student reads
 * ({@link #forStudent()}) is the catalogue's sentence with what the JVM itself said, without the command line.
 */
public final class AgentStartFailure extends IOException {

    /** Lines of the agent's own output a student is shown: the JVM names its trouble in the first few. */
    private static final int SHOWN_LINES = 3;

    private final OptionalInt exitStatus;
    private final Duration timeout;
    private final String output;

    AgentStartFailure(OptionalInt exitStatus, Duration timeout, List<String> command, String output, Throwable cause) {
        super("The Java process for running code did not start"
                + (exitStatus.isPresent() ? " (exit status " + exitStatus.getAsInt() + ")"
                : " within " + timeout.toSeconds() + " s")
                + ". Command: " + String.join(" ", command)
                + (output.isEmpty() ? "" : "\nIts output:\n" + output), cause);
        this.exitStatus = exitStatus;
        this.timeout = timeout;
        this.output = output;
    }

    /**
     * Why, in the reader's words: {@code it exited at once with status 1, saying "Unrecognized VM option 'X'"}
     * or {@code it did not connect within 30 s}.
     */
    Message forStudent() {
        if (exitStatus.isEmpty()) {
            return Message.of("engine.start.timeout", timeout.toSeconds());
        }
        List<String> said = output.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(SHOWN_LINES).toList();
        return said.isEmpty() ? Message.of("engine.start.exited", exitStatus.getAsInt())
                : Message.of("engine.start.exited.saying", exitStatus.getAsInt(), String.join(" / ", said));
    }
}
