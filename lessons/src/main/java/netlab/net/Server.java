package netlab.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import netlab.text.Text;

/**
 * A server running in the background on virtual threads: an echo server, a chat room, a TCP service.
 * It prints what it does under the cell that started it and keeps going until you {@link #close()} it.
 *
 * <pre>{@code
 * Server echo = Udp.echoServer(0);          // port 0: the system picks a free port
 * echo.port()                                // e.g. 50712
 * Udp.send("hello", "127.0.0.1", echo.port());
 * echo.log()                                 // e.g. [[127.0.0.1:41234] hello]
 * echo.close();                              // frees the port
 * }</pre>
 *
 * <p>Use it in try-with-resources, or close it. In a netlab notebook the kernel also stops it when the cell
 * that started it is re-run or interrupted. Thread safe.
 */
public final class Server implements AutoCloseable {

    private final String name;
    private final InetSocketAddress address;
    private final Closeable socket;
    private final LiveLog log;
    private final AtomicLong handled = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread loop;
    private volatile boolean closing;

    Server(String name, InetSocketAddress address, Closeable socket, LiveLog log) {
        this.name = name;
        this.address = address;
        this.socket = socket;
        this.log = log;
    }

    /** Starts {@code body} on a virtual thread named after the server; the server stops when it returns. */
    Server start(ThrowingRunnable body) {
        // tracked, so interrupting or re-running the notebook cell that started the server stops it
        loop = netlab.runtime.Resources.track(Thread.ofVirtual().name(name + " " + UdpEndpoint.show(address)).start(() -> {
            try {
                body.run();
            } catch (IOException e) {
                if (!closing) {
                    log.line(Text.of("net.log.stopped", name, e.getMessage()));
                }
            } finally {
                stopped.countDown();
            }
        }));
        return this;
    }

    interface ThrowingRunnable {
        void run() throws IOException;
    }

    /** The port it listens on. Example: {@code Udp.echoServer(0).port()}. */
    public int port() {
        return address.getPort();
    }

    /** The address and port it listens on. Example: {@code server.address()}. */
    public InetSocketAddress address() {
        return address;
    }

    /** What kind of server this is, e.g. "udp-echo". Example: {@code server.name()}. */
    public String name() {
        return name;
    }

    /** The last lines it logged (at most 1000), oldest first. Example: {@code server.log()}. */
    public List<String> log() {
        return log.lines();
    }

    /**
     * How many datagrams it has handled (counted after its handler has run, so {@link #log()} already shows
     * them) or connections it has accepted (counted when accepted, while they are being served).
     * Example: {@code server.count()}.
     */
    public long count() {
        return handled.get();
    }

    /** Stops printing to the cell; {@link #log()} still records. Returns this. Example: {@code Udp.echoServer(0).quiet()}. */
    public Server quiet() {
        log.quiet();
        return this;
    }

    /** Whether it is still serving. Example: {@code server.isRunning()}. */
    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /**
     * Waits until {@link #count()} reaches {@code n} or the timeout passes; returns whether it did.
     * Example: {@code server.awaitCount(3, Duration.ofSeconds(2))}.
     */
    public boolean awaitCount(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.get() < n) {
            if (System.nanoTime() >= deadline || !isRunning()) {
                return handled.get() >= n;
            }
            Thread.sleep(5);
        }
        return true;
    }

    void handledOne() {
        handled.incrementAndGet();
    }

    LiveLog logger() {
        return log;
    }

    boolean closing() {
        return closing;
    }

    /** Closes the socket, which ends the loop, and waits up to 2 s for it. Example: {@code server.close()}. */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.line(Text.of("net.log.close-failed", name, e.getMessage()));
        }
        Thread t = loop;
        if (t != null) {
            t.interrupt();
        }
        try {
            stopped.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return Text.of(isRunning() ? "net.server.running" : "net.server.stopped", name, UdpEndpoint.show(address), count());
    }
}
