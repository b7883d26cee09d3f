package netlab.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.display.Progress;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.runtime.ChildJvm;
import netlab.runtime.Resources;
import netlab.text.Text;

/**
 * Idle connections kept open to a server: each sent one request and waited for its echo, then does nothing. Made
 * by {@link Load#hold}; close it to close them all.
 *
 * <pre>{@code
 * EchoServer pool = Servers.fixedPool(0, 8);
 * HeldConnections idle = Load.hold(pool.port(), 9);
 * idle.answered()     // 8: the 9th client is connected but no thread of the pool is free to serve it
 * idle.close();
 * pool.close();
 * }</pre>
 */
public final class HeldConnections implements Tabular, AutoCloseable {

    /** Above this many, a helper JVM holds the connections (its own open-file limit). */
    static final int IN_PROCESS_MAX = 1000;
    static final int MAX = 15_000;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(2);
    /** Connects under way at once: thousands of SYNs at the same instant would overflow the accept queue. */
    private static final int CONNECTING_AT_ONCE = 200;

    private final int port;
    private final int asked;
    private final int connected;
    private final int answered;
    private final Duration took;
    private final List<Socket> sockets;
    private final Optional<ChildJvm> helper;

    private HeldConnections(int port, int asked, int connected, int answered, Duration took, List<Socket> sockets,
            Optional<ChildJvm> helper) {
        this.port = port;
        this.asked = asked;
        this.connected = connected;
        this.answered = answered;
        this.took = took;
        this.sockets = sockets;
        this.helper = helper;
    }

    static HeldConnections open(int port, int connections) {
        if (connections < 1 || connections > MAX) {
            throw new IllegalArgumentException(Text.of("load.bad.held", connections, MAX));
        }
        if (connections > IN_PROCESS_MAX) {
            return inHelper(port, connections);
        }
        long start = System.nanoTime();
        List<Socket> sockets = new ArrayList<>();
        int[] counts = connect(port, connections, sockets, null);
        return Resources.track(new HeldConnections(port, connections, counts[0], counts[1],
                Duration.ofNanos(System.nanoTime() - start), sockets, Optional.empty()));
    }

    private static HeldConnections inHelper(int port, int connections) {
        long start = System.nanoTime();
        ChildJvm jvm = ChildJvm.start(HoldMain.class, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData"),
                List.of(String.valueOf(port), String.valueOf(connections)));
        Progress bar = Progress.start(Text.of("load.hold.progress", connections, port), connections);
        try {
            while (true) {
                String[] line = jvm.nextLine(Duration.ofSeconds(60)).split(" ");
                if (line[0].equals("progress")) {
                    bar.set(Long.parseLong(line[1]));
                } else if (line[0].equals("held")) {
                    bar.done();
                    return Resources.track(new HeldConnections(port, connections, Integer.parseInt(line[1]),
                            Integer.parseInt(line[2]), Duration.ofNanos(System.nanoTime() - start), List.of(), Optional.of(jvm)));
                }
            }
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    /**
     * Connects {@code n} clients, each sending one byte and waiting for its echo; keeps the sockets in {@code into}.
     * Returns {connected, answered}. Reports each connection done to {@code done} when there is one.
     */
    static int[] connect(int port, int n, List<Socket> into, Runnable done) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        long answerBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                threads.execute(() -> {
                    Socket s = new Socket();
                    synchronized (into) {
                        into.add(s);
                    }
                    try {
                        connecting.acquire();
                        try {
                            s.connect(address, 10_000);
                        } finally {
                            connecting.release();
                        }
                        connected.incrementAndGet();
                        s.setSoTimeout((int) Math.max(1, Math.min(ANSWER_WAIT.toMillis(), (answerBy - System.nanoTime()) / 1_000_000)));
                        s.getOutputStream().write('h');
                        InputStream in = s.getInputStream();
                        if (in.read() == 'h') {
                            answered.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // not connected, or no echo in time (a starved pool): counted by what did not happen
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        if (done != null) {
                            done.run();
                        }
                    }
                });
            }
        }
        return new int[] {connected.get(), answered.get()};
    }

    /** Connections asked for. Example: {@code idle.asked()}. */
    public int asked() {
        return asked;
    }

    /** Connections the server's side accepted into its queue (connect succeeded). Example: {@code idle.connected()}. */
    public int connected() {
        return connected;
    }

    /** Connections whose request was echoed: the server is serving them. Example: {@code idle.answered()}. */
    public int answered() {
        return answered;
    }

    /** How long opening them took. Example: {@code idle.took()}. */
    public Duration took() {
        return took;
    }

    /** The helper JVM holding them, when there is one. Example: {@code idle.helper()}. */
    public Optional<ProcessHandle> helper() {
        return helper.map(ChildJvm::handle);
    }

    /** Closes every held connection (and ends the helper JVM). Example: {@code idle.close()}. */
    @Override
    public void close() {
        synchronized (sockets) {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
        helper.ifPresent(ChildJvm::close);
    }

    @Override
    public Table table() {
        return Table.of(Text.of("load.col.measure"), Text.of("load.col.value"))
                .row(Text.of("load.held.asked"), asked)
                .row(Text.of("load.held.connected"), connected)
                .row(Text.of("load.held.answered"), answered)
                .row(Text.of("load.held.took"), LoadReport.millis(took))
                .row(Text.of("load.held.where"), helper.map(h -> Text.of("load.held.helper", h.handle().pid()))
                        .orElse(Text.of("load.held.here")));
    }

    @Override
    public String toString() {
        return Text.of("load.held.summary", connected, answered, port);
    }
}
