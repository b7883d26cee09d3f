package netlab.kernel.protocol;

import java.util.logging.Logger;

/**
 * The protocol layer's log, made when the first message is logged: {@code Logger.getLogger} starts
 * java.util.logging (its {@code LogManager} and configuration) for a start that logs nothing, on the kernel's main
 * thread while the session starts on the same two cores. With it and the basekernel's parse of the connection file
 * ({@link KernelServer#connection}), reading that file took 24-25 ms of the main thread's CPU; with neither, 4-5 ms
 * (traces of 3 starts each). A field of this class, so only a message initialises it; a static field of each class
 * that logs was initialised with that class.
 */
final class ProtocolLog {

    static final Logger LOG = Logger.getLogger("netlab.kernel.protocol");

    private ProtocolLog() {
    }
}
