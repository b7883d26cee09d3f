package netlab.kernel.jshell;

import java.time.Duration;
import netlab.text.Message;

/** How an agent JVM ended, as data; {@link #words()} is the phrase the student reads, in their language. */
sealed interface AgentDeath {

    /** "ran out of memory", "exited with status 3" ... to go into "The Java process running your code …". */
    Message words();

    /** The agent said it ran out of memory before it exited. */
    record OutOfMemory() implements AgentDeath {
        public Message words() {
            return Message.of("engine.death.memory");
        }
    }

    /** The agent still runs but answers nothing. */
    record Unresponsive() implements AgentDeath {
        public Message words() {
            return Message.of("engine.death.unresponsive");
        }
    }

    /** {@code System.exit} ran, but a shutdown hook of the student's kept it from ending, so the agent halted. */
    record ExitHookStuck(Duration grace) implements AgentDeath {
        public Message words() {
            return Message.of("engine.death.exit.hook", grace.toSeconds());
        }
    }

    /** Killed by a signal; 9 is also what the system's out-of-memory killer sends. */
    record Signal(int signal) implements AgentDeath {
        public Message words() {
            return signal == 9 ? Message.of("engine.death.signal.kill") : Message.of("engine.death.signal", signal);
        }
    }

    /** Exited by itself ({@code System.exit(status)} in a cell, or a crash). */
    record Exit(int status) implements AgentDeath {
        public Message words() {
            return Message.of("engine.death.exit", status);
        }
    }

    /** No agent could be started at all. */
    record NotStarted() implements AgentDeath {
        public Message words() {
            return Message.of("engine.death.not.started");
        }
    }
}
