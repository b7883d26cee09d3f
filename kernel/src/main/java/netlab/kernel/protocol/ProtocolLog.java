package netlab.kernel.protocol;

import java.util.logging.Logger;

/**
 * The protocol layer's log, made when the first message is logged: {@code Logger.getLogger} starts
 * java.util.logging (its {@code LogManager} and configuration), 8-10 ms of CPU on the kernel's main thread while
 * the session starts on the same two cores, for a start that logs nothing. A field of this class, so only a
 * message initialises it; a static field of each class that logs was initialised with that class.
 */
final class ProtocolLog {

    static final Logger LOG = Logger.getLogger("netlab.kernel.protocol");

    private ProtocolLog() {
    }
}
