package netlab.kernel.protocol;

import sun.misc.Signal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns SIGINT into an interrupt of the running cell, as ipykernel does, so jupyter_client's signal-mode
 * interrupt and Ctrl-C in a terminal stop the cell instead of the kernel. Uses {@code sun.misc.Signal}
 * (module jdk.unsupported), the only signal API a JDK exposes.
 */
final class SigintInterrupter {

    private static final Logger LOG = Logger.getLogger(SigintInterrupter.class.getName());

    private SigintInterrupter() {
    }

    static void install(Runnable interrupt) {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                LOG.info("SIGINT: interrupting the running cell");
                interrupt.run();
            });
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "cannot handle SIGINT here (" + e.getMessage() + "); use interrupt_request", e);
        }
    }
}
