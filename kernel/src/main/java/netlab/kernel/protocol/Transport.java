package netlab.kernel.protocol;

import java.util.Optional;

/**
 * The kernel's sockets behind an interface (like xeus's {@code xserver}), so the kernel core is tested over
 * in-memory queues and runs over ZeroMQ in production.
 *
 * <p>Delivery: shell, control and stdin each deliver on their own thread, one message at a time, in order;
 * the receiver may block (a running cell blocks the shell thread, not control). Sending is allowed from any
 * thread on every channel.
 */
public interface Transport extends AutoCloseable {

    enum Channel { SHELL, CONTROL, STDIN, IOPUB }

    /** Called on the channel's delivery thread for each well-formed, correctly signed message. */
    @FunctionalInterface
    interface Receiver {
        void receive(Channel channel, Message message);
    }

    /** Starts the delivery threads. Called once. */
    void start(Receiver receiver);

    /** Sends {@code message} on {@code channel}; after {@link #close()} it is dropped silently. */
    void send(Channel channel, Message message);

    /**
     * The next shell message already waiting, without blocking; empty when none is. Called only from the
     * shell delivery thread (to abort queued executes after an error, as ipykernel's {@code _abort_queues}).
     */
    Optional<Message> pollShell();

    /** Stops delivery and releases the sockets. Safe to call more than once and from a delivery thread. */
    @Override
    void close();
}
