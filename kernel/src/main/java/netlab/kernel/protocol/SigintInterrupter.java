package netlab.kernel.protocol;

import sun.misc.Signal;

import java.util.logging.Level;

/**
 * Turns SIGINT into an interrupt of the running cell, as ipykernel does, so jupyter_client's signal-mode
 * interrupt and Ctrl-C in a terminal stop the cell instead of the kernel. Uses {@code sun.misc.Signal}
 * (module jdk.unsupported), the only signal API a JDK exposes.
 */
final class SigintInterrupter {

    private SigintInterrupter() {
    }

    static void install(Runnable interrupt) {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                ProtocolLog.LOG.info("SIGINT: interrupting the running cell");
                interrupt.run();
            });
        } catch (IllegalArgumentException e) {
            ProtocolLog.LOG.log(Level.WARNING,
                    "cannot handle SIGINT here (" + e.getMessage() + "); use interrupt_request", e);
        }
    }
}
