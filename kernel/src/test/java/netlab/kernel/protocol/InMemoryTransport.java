package netlab.kernel.protocol;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A transport over queues, like xeus's xmock_server: tests play the front end on the other side. */
final class InMemoryTransport implements Transport {

    private static final Message STOP = new Message(List.of(), new com.google.gson.JsonObject(),
            new com.google.gson.JsonObject(), new com.google.gson.JsonObject(), new com.google.gson.JsonObject());

    private final Map<Channel, BlockingQueue<Message>> toKernel = new EnumMap<>(Channel.class);
    private final Map<Channel, BlockingQueue<Message>> fromKernel = new EnumMap<>(Channel.class);
    private final Map<Channel, Thread> threads = new EnumMap<>(Channel.class);
    private volatile boolean closed;

    InMemoryTransport() {
        for (Channel channel : Channel.values()) {
            toKernel.put(channel, new LinkedBlockingQueue<>());
            fromKernel.put(channel, new LinkedBlockingQueue<>());
        }
    }

    @Override
    public void start(Receiver receiver) {
        for (Channel channel : List.of(Channel.SHELL, Channel.CONTROL, Channel.STDIN)) {
            BlockingQueue<Message> inbox = toKernel.get(channel);
            threads.put(channel, Thread.ofPlatform().daemon().name("memory-" + channel).start(() -> {
                try {
                    for (Message message = inbox.take(); message != STOP; message = inbox.take()) {
                        receiver.receive(channel, message);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }

    @Override
    public void send(Channel channel, Message message) {
        if (!closed) {
            fromKernel.get(channel).add(message);
        }
    }

    @Override
    public Optional<Message> pollShell() {
        Message next = toKernel.get(Channel.SHELL).poll();
        if (next == STOP) {
            toKernel.get(Channel.SHELL).add(STOP);
            return Optional.empty();
        }
        return Optional.ofNullable(next);
    }

    @Override
    public void close() {
        closed = true;
        for (Channel channel : List.of(Channel.SHELL, Channel.CONTROL, Channel.STDIN)) {
            toKernel.get(channel).add(STOP);
        }
    }

    boolean isClosed() {
        return closed;
    }

    // ---- the front end's side ----

    void toKernel(Channel channel, Message message) {
        toKernel.get(channel).add(message);
    }

    /** The next message the kernel sent on {@code channel}, or null after {@code timeout}. */
    Message fromKernel(Channel channel, Duration timeout) throws InterruptedException {
        return fromKernel.get(channel).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
