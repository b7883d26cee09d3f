package netlab.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import netlab.display.Progress;
import netlab.servers.EchoServer;
import netlab.text.ExceptionExplanation;
import netlab.text.Message;
import netlab.text.Text;

/**
 * How to load a server: how many clients, how many requests each, the pause between them, and a deadline after
 * which unanswered requests count as such and the run ends. Made by {@link Load#plan}; immutable.
 *
 * <pre>{@code
 * Load.plan(100, 20, Duration.ofMillis(5)).deadline(Duration.ofSeconds(10)).quiet().run(server)
 * }</pre>
 *
 * @param clients      concurrent clients (1–5000), each a virtual thread with its own connection
 * @param requestsEach requests per client (1–100,000), each 32 bytes echoed back
 * @param think        pause after each answer (0–10 s)
 * @param deadline     the whole run ends by then (1 s–10 min); default 30 s
 * @param progress     whether to show a progress bar while it runs
 */
public record LoadPlan(int clients, int requestsEach, Duration think, Duration deadline, boolean progress) {

    /** Bytes of one request: a client sends them and waits until all of them came back. */
    static final int REQUEST_BYTES = 32;
    private static final long SAMPLE_MILLIS = 20;

    public LoadPlan {
        Text.require(clients >= 1 && clients <= 5000, "load.bad.clients", clients);
        Text.require(requestsEach >= 1 && requestsEach <= 100_000, "load.bad.requests", requestsEach);
        Text.require((long) clients * requestsEach <= 2_000_000, "load.bad.total", (long) clients * requestsEach);
        Text.require(!think.isNegative() && think.compareTo(Duration.ofSeconds(10)) <= 0, "load.bad.think",
                think.toMillis());
        Text.require(deadline.compareTo(Duration.ofSeconds(1)) >= 0 && deadline.compareTo(Duration.ofMinutes(10)) <= 0,
                "load.bad.deadline", deadline.toMillis());
    }

    /** The same plan ending by {@code deadline}. Example: {@code plan.deadline(Duration.ofSeconds(5))}. */
    public LoadPlan deadline(Duration deadline) {
        return new LoadPlan(clients, requestsEach, think, deadline, progress);
    }

    /** The same plan without a progress bar. Example: {@code plan.quiet()}. */
    public LoadPlan quiet() {
        return new LoadPlan(clients, requestsEach, think, deadline, false);
    }

    /** Runs the plan against {@code server}, measuring its processes. Example: {@code plan.run(server)}. */
    public LoadReport run(EchoServer server) {
        return run(server.toString(), server.port(), server::processes);
    }

    /** Runs the plan against whatever listens on loopback {@code port}, measuring this JVM. Example: {@code plan.run(7788)}. */
    public LoadReport run(int port) {
        return run(Text.of("load.this-jvm", port), port, () -> List.of(ProcessHandle.current()));
    }

    private LoadReport run(String label, int port, java.util.function.Supplier<List<ProcessHandle>> processes) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Peaks peaks = new Peaks(processes);
        Progress bar = progress ? Progress.start(Text.of("load.progress", label, clients, requestsEach), (long) clients * requestsEach) : null;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicInteger inService = new AtomicInteger();
        AtomicInteger peakServed = new AtomicInteger();
        AtomicLong answered = new AtomicLong();
        AtomicReference<IOException> firstFailure = new AtomicReference<>();
        long cpuBefore = ProcStatus.of(processes.get()).cpuTicks();
        Thread sampler = Thread.ofVirtual().name("load sampler").start(peaks::sampleUntilInterrupted);
        try (ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                int id = i;
                latencies[i] = new long[requestsEach];
                clientThreads.execute(() -> counts[id] = client(id, address, end, latencies[id], () -> {
                    answered.incrementAndGet();
                    if (bar != null) {
                        bar.step();
                    }
                }, inService, peakServed, firstFailure));
            }
        } finally {
            sampler.interrupt();
        }
        long wall = System.nanoTime() - start;
        peaks.sample();
        long cpuAfter = ProcStatus.of(processes.get()).cpuTicks();
        long[] all = new long[(int) answered.get()];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, k, Math.min(counts[i], all.length - k));
            k += counts[i];
        }
        Arrays.sort(all);
        if (bar != null) {
            bar.set((long) clients * requestsEach);
        }
        long unanswered = (long) clients * requestsEach - all.length;
        return new LoadReport(label, clients, requestsEach, think, all.length, unanswered,
                Duration.ofNanos(wall), percentile(all, 50), percentile(all, 99), percentile(all, 100), peakServed.get(),
                peaks.threads, peaks.rss, (cpuAfter - cpuBefore) / ProcStatus.TICKS_PER_SECOND,
                unanswered == 0 ? Optional.empty() : Optional.of(why(firstFailure.get())));
    }

    /**
     * What ended the first request left unanswered, worded as a cell's exception is ({@link ExceptionExplanation}):
     * a refused connection, a reset, the server closing it; none of them, the deadline.
     */
    private Message why(IOException failure) {
        if (failure == null) {
            return Message.of("load.why.deadline", LoadReport.millis(deadline));
        }
        return ExceptionExplanation.of(failure).orElseGet(() -> Message.of("load.why.failed", failure.toString()));
    }

    /**
     * One client: connect, then send a request, wait for all of it to come back, think, and again; stop at the
     * deadline. Records each answer's latency; returns how many were answered.
     */
    private int client(int id, InetSocketAddress address, long end, long[] latencies, Runnable answered,
            AtomicInteger inService, AtomicInteger peakServed, AtomicReference<IOException> firstFailure) {
        byte[] request = new byte[REQUEST_BYTES];
        byte[] reply = new byte[REQUEST_BYTES];
        Arrays.fill(request, (byte) ('a' + id % 26));
        request[REQUEST_BYTES - 1] = '\n';
        int done = 0;
        boolean serving = false;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true); // one small request at a time: do not let Nagle hold it back
            socket.connect(address, timeoutLeft(end));
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            try {
                while (done < latencies.length && millisLeft(end) > 0) {
                    long sent = System.nanoTime();
                    out.write(request);
                    for (int got = 0; got < REQUEST_BYTES; ) {
                        socket.setSoTimeout(timeoutLeft(end));
                        int n = in.read(reply, got, REQUEST_BYTES - got);
                        if (n < 0) { // the server closed the connection
                            firstFailure.compareAndSet(null, new EOFException());
                            return done;
                        }
                        got += n;
                    }
                    latencies[done++] = System.nanoTime() - sent;
                    answered.run();
                    if (!serving) {
                        serving = true;
                        peakServed.accumulateAndGet(inService.incrementAndGet(), Math::max);
                    }
                    if (!think.isZero() && done < latencies.length) {
                        Thread.sleep(think);
                    }
                }
            } finally {
                if (serving) { // before the socket closes: the server may take the next client the moment it does
                    inService.decrementAndGet();
                }
            }
        } catch (IOException e) {
            // refused, reset or timed out at the deadline: the rest of this client's requests count as unanswered
            firstFailure.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return done;
    }

    private static int millisLeft(long end) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (end - System.nanoTime()) / 1_000_000));
    }

    /** A socket timeout for what is left: at least 1 ms, because 0 would mean "wait forever". */
    private static int timeoutLeft(long end) {
        return Math.max(1, millisLeft(end));
    }

    private static Duration percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // nearest rank
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }

    /** The most threads and memory the server's processes had, sampled every 20 ms. */
    private static final class Peaks {
        private final java.util.function.Supplier<List<ProcessHandle>> processes;
        volatile int threads;
        volatile long rss;

        Peaks(java.util.function.Supplier<List<ProcessHandle>> processes) {
            this.processes = processes;
            sample();
        }

        synchronized void sample() {
            ProcStatus now = ProcStatus.of(processes.get());
            threads = Math.max(threads, now.threads());
            rss = Math.max(rss, now.rssBytes());
        }

        void sampleUntilInterrupted() {
            try {
                while (true) {
                    Thread.sleep(SAMPLE_MILLIS);
                    sample();
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }
    }
}
