package netlab.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import netlab.text.Text;

/**
 * The chapter's echo servers, one per {@link Model}, all on loopback. Each one's whole model is a small class;
 * {@link #source} shows it.
 *
 * <pre>{@code
 * EchoServer s = Servers.threadPerConnection(0);   // port 0: any free port
 * Load.run(s, 20, 50, Duration.ofMillis(2))         // twenty clients × 50 requests: latency, threads, memory
 * s.close();
 * Servers.source(Model.SELECTOR)                     // the selector loop, 40 lines
 * }</pre>
 *
 * <p>All of them echo bytes back until the client closes, listen with an accept queue of 4096 and close every
 * connection on {@link EchoServer#close()}. Thread safe.
 */
public final class Servers {

    /** The fixed pool's size in {@link #start} and {@link #inOwnProcess}: 8, as in the chapter's starvation demo. */
    public static final int POOL_THREADS = 8;
    /** The number of worker processes in {@link #start} and {@link #inOwnProcess}. */
    public static final int WORKERS = 4;

    private Servers() {
    }

    /** §4.1: one client at a time. Example: {@code Servers.iterative(0)}. */
    public static EchoServer iterative(int port) {
        return new IterativeServer(port).start(Thread.ofPlatform());
    }

    /** §4.3: a platform thread per connection. Example: {@code Servers.threadPerConnection(0)}. */
    public static EchoServer threadPerConnection(int port) {
        return new ThreadPerConnectionServer(port).start(Thread.ofPlatform());
    }

    /** §4.3: a fixed pool of {@code threads} platform threads. Example: {@code Servers.fixedPool(0, 8)}. */
    public static EchoServer fixedPool(int port, int threads) {
        if (threads < 1 || threads > 1000) {
            throw new IllegalArgumentException(Text.of("servers.pool.size", threads));
        }
        return new FixedPoolServer(port, threads).start(Thread.ofPlatform());
    }

    /** §4.4: one thread polling non-blocking sockets without ever waiting. Example: {@code Servers.busyPoll(0)}. */
    public static EchoServer busyPoll(int port) {
        return new BusyPollServer(port).start();
    }

    /** §4.5: one thread waiting in a {@code Selector} (epoll). Example: {@code Servers.selector(0)}. */
    public static EchoServer selector(int port) {
        return new SelectorServer(port).start();
    }

    /** §4.10: a virtual thread per connection. Example: {@code Servers.virtualThreads(0)}. */
    public static EchoServer virtualThreads(int port) {
        return new VirtualThreadServer(port).start(Thread.ofVirtual());
    }

    /** §4.2: {@code processes} worker JVMs sharing the port with SO_REUSEPORT. Example: {@code Servers.workers(0, 4)}. */
    public static EchoServer workers(int port, int processes) {
        if (processes < 1 || processes > 16) {
            throw new IllegalArgumentException(Text.of("servers.workers.count", processes));
        }
        return new WorkerProcesses(port, processes);
    }

    /**
     * The server of {@code model} in this process ({@value #POOL_THREADS} pool threads, {@value #WORKERS} workers).
     * Example: {@code Servers.start(Model.SELECTOR, 0)}.
     */
    public static EchoServer start(Model model, int port) {
        return switch (model) {
            case ITERATIVE -> iterative(port);
            case WORKER_PROCESSES -> workers(port, WORKERS);
            case THREAD_PER_CONNECTION -> threadPerConnection(port);
            case FIXED_POOL -> fixedPool(port, POOL_THREADS);
            case BUSY_POLL -> busyPoll(port);
            case SELECTOR -> selector(port);
            case VIRTUAL_THREADS -> virtualThreads(port);
        };
    }

    /**
     * The server of {@code model} in a JVM of its own, so that the threads, memory and CPU time measured are the
     * server's alone (not the clients', not the notebook's). Example: {@code Servers.inOwnProcess(Model.SELECTOR)}.
     */
    public static EchoServer inOwnProcess(Model model) {
        return inOwnProcess(model, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
    }

    /** As {@link #inOwnProcess(Model)}, with these JVM options. Example: {@code Servers.inOwnProcess(m, List.of("-Xmx1g"))}. */
    public static EchoServer inOwnProcess(Model model, List<String> jvmOptions) {
        return new ChildServer(model, jvmOptions);
    }

    /** The source of {@code model}'s class: the whole model. Example: {@code Servers.source(Model.ITERATIVE)}. */
    public static SourceCode source(Model model) {
        return SourceCode.of(model.sourceClass());
    }

    static IllegalStateException cannotListen(int port, IOException e) {
        return new IllegalStateException(Text.of("servers.listen", port, e.getMessage()), e);
    }

    /** Waits (at most 2 s) for a server's loop to end, so its port is free when close() returns. */
    static void awaitEnd(Thread loop) {
        if (loop == null || loop == Thread.currentThread()) {
            return;
        }
        try {
            loop.join(java.time.Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing on the way out: nothing left to tell
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
