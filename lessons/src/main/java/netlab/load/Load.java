package netlab.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.servers.EchoServer;
import netlab.servers.Model;
import netlab.servers.Servers;

/**
 * The chapter's load harness: many clients against one echo server on loopback, each client a virtual thread with
 * its own connection, sending a request, waiting for the echo, thinking, and again. It measures latency (p50, p99),
 * throughput, how many clients were served at once, and what serving them cost: the server processes' threads,
 * memory and CPU time. Every server model of the chapter runs against the same harness.
 *
 * <pre>{@code
 * EchoServer s = Servers.threadPerConnection(0);
 * LoadReport r = Load.run(s, 20, 50, Duration.ofMillis(1));   // twenty clients × 50 requests, 1 ms apart
 * r.answered()                                                  // 1000
 * s.close();
 * }</pre>
 * shows a progress bar while it runs, then a table like
 * <pre>
 * measure             value
 * -------             -----
 * answered            1000
 * latency p50         0.21 ms
 * latency p99         1.93 ms
 * ...
 * </pre>
 *
 * <p>Runs are bounded: at most 5000 clients, and a deadline (30 s unless {@link LoadPlan#deadline} says otherwise)
 * after which the requests not answered count as unanswered. The figures depend on this machine and what else it
 * is doing: compare servers measured in the same run, not numbers from another day.
 */
public final class Load {

    private Load() {
    }

    /**
     * A plan of {@code clients} clients sending {@code requestsEach} requests each, {@code think} apart, with a
     * 30 s deadline and a progress bar. Example: {@code Load.plan(100, 20, Duration.ZERO).quiet().run(server)}.
     */
    public static LoadPlan plan(int clients, int requestsEach, Duration think) {
        return new LoadPlan(clients, requestsEach, think, Duration.ofSeconds(30), true);
    }

    /**
     * Loads {@code server} and measures it (its own processes: this JVM, or its child JVMs).
     * Example: {@code Load.run(Servers.selector(0), 50, 100, Duration.ZERO)}.
     */
    public static LoadReport run(EchoServer server, int clients, int requestsEach, Duration think) {
        return plan(clients, requestsEach, think).run(server);
    }

    /**
     * Loads whatever echo server listens on loopback {@code port} (yours, for example), measuring this JVM: its
     * threads and memory include the clients'. Example: {@code Load.run(7788, 10, 100, Duration.ofMillis(1))}.
     */
    public static LoadReport run(int port, int clients, int requestsEach, Duration think) {
        return plan(clients, requestsEach, think).run(port);
    }

    /**
     * Runs {@code server} under each number of clients in turn (requestsEach requests each, think apart): latency
     * against clients, as a table and a plot. Example: {@code Load.sweep(s, 10, Duration.ofMillis(1), 1, 2, 4, 8)}.
     */
    public static Sweep sweep(EchoServer server, int requestsEach, Duration think, int... clientCounts) {
        if (clientCounts.length < 1 || clientCounts.length > 20) {
            throw new IllegalArgumentException(netlab.text.Text.of("load.bad.sweep", clientCounts.length));
        }
        List<LoadReport> reports = new ArrayList<>();
        for (int clients : clientCounts) {
            reports.add(plan(clients, requestsEach, think).run(server));
        }
        return new Sweep(reports);
    }

    /**
     * Opens {@code connections} connections to loopback {@code port} that each send one request, wait (at most
     * 2 s) for its echo and then stay open doing nothing, until {@link HeldConnections#close()}. More than 1000 are
     * held by a helper JVM: the open-file limit is per process, and this one needs its own files for the server's
     * side. Example: {@code try (HeldConnections idle = Load.hold(port, 9)) { idle.answered(); }}.
     */
    public static HeldConnections hold(int port, int connections) {
        return HeldConnections.open(port, connections);
    }

    /**
     * Every model in a JVM of its own, one after the other, under the same load: the chapter's final table
     * (lines of code, p99, memory, threads). Each server is warmed up (4 clients × 50 requests) before it is
     * measured, so the run measures the model, not the JIT compiler. Example: {@code Load.compare(20, 50, Duration.ofMillis(1))}.
     */
    public static Comparison compare(int clients, int requestsEach, Duration think) {
        return compare(List.of(Model.values()), plan(clients, requestsEach, think));
    }

    /** These models in JVMs of their own under {@code plan}. Example: {@code Load.compare(List.of(Model.SELECTOR), plan)}. */
    public static Comparison compare(List<Model> models, LoadPlan plan) {
        List<Comparison.Row> rows = new ArrayList<>();
        for (Model m : models) {
            try (EchoServer server = Servers.inOwnProcess(m)) {
                // a new JVM runs its echo path interpreted at first: warm it up, so the run measures the model
                new LoadPlan(Math.min(plan.clients(), 4), Math.min(plan.requestsEach(), 50), Duration.ZERO, plan.deadline(), false).run(server);
                rows.add(new Comparison.Row(m, Servers.source(m).lines(), plan.run(server)));
            }
        }
        return new Comparison(rows);
    }
}
