package netlab.servers;

import netlab.text.Text;

/**
 * The seven ways this chapter serves many clients, in the order it meets them. Each has a small class whose source
 * is the whole model ({@link Servers#source}).
 *
 * <pre>{@code
 * Model.SELECTOR.label()   // "Selector (epoll)"
 * }</pre>
 */
public enum Model {
    /** One loop, one client at a time (§4.1). */
    ITERATIVE(IterativeServer.class),
    /** Prefork worker processes sharing one port with SO_REUSEPORT (§4.2). */
    WORKER_PROCESSES(Worker.class),
    /** A platform thread per connection (§4.3). */
    THREAD_PER_CONNECTION(ThreadPerConnectionServer.class),
    /** A fixed pool of platform threads: connection N+1 waits for a free thread (§4.3). */
    FIXED_POOL(FixedPoolServer.class),
    /** One thread polling non-blocking channels in a loop (§4.4). */
    BUSY_POLL(BusyPollServer.class),
    /** One thread waiting in a {@code Selector}, which is epoll on Linux (§4.5–4.6). */
    SELECTOR(SelectorServer.class),
    /** A virtual thread per connection: blocking code, epoll underneath (§4.9–4.10). */
    VIRTUAL_THREADS(VirtualThreadServer.class);

    private final Class<?> source;

    Model(Class<?> source) {
        this.source = source;
    }

    /** The model's name in the student's language. Example: {@code Model.FIXED_POOL.label()}. */
    public String label() {
        return Text.of("servers.model." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** The class whose source is this model. */
    Class<?> sourceClass() {
        return source;
    }
}
