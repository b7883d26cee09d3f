import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netlab.load.Comparison;
import netlab.load.HeldConnections;
import netlab.load.Load;
import netlab.load.LoadPlan;
import netlab.load.LoadReport;
import netlab.servers.EchoServer;
import netlab.servers.Model;
import netlab.servers.Servers;

/**
 * Chapter 4's servers measured on this machine (run by bench/server-bench).
 *
 * <p>1. The comparison: every model in a JVM of its own under the same load (clients × requests, think ms apart),
 * with each ratio against the virtual-thread server measured in the same run (this shared machine moves absolute
 * times threefold), CPU seconds of the server beside the wall time.
 *
 * <p>2. C10K: a virtual-thread echo server in its own JVM; a helper JVM opens and holds N idle connections (10,000:
 * the open-file limit, 20,000, is per process, so the clients cannot live in the server's process); while they are
 * held, 10 clients × 200 requests measure the echo's p99. The same probe before the connections are opened is the
 * baseline. Goal: 10,000 held, p99 under 50 ms, server RSS under 1 GB.
 */
public class ServerBench {

    public static void main(String[] args) {
        int clients = intArg(args, "--clients", 50);
        int requests = intArg(args, "--requests", 40);
        int think = intArg(args, "--think", 1);
        int held = intArg(args, "--held", 10_000);
        boolean compare = !List.of(args).contains("--skip-compare");
        boolean c10k = !List.of(args).contains("--skip-c10k");
        System.out.printf("server-bench on %d cores, %s; load average before: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), loadAverage());
        if (compare) {
            compare(clients, requests, think);
        }
        if (c10k) {
            c10k(held);
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    static void compare(int clients, int requests, int think) {
        LoadPlan plan = Load.plan(clients, requests, Duration.ofMillis(think)).deadline(Duration.ofSeconds(60)).quiet();
        long start = System.nanoTime();
        Comparison c = Load.compare(List.of(Model.values()), plan);
        System.out.printf("%n== comparison: %d clients × %d requests, think %d ms, each server in its own JVM (%.1f s) ==%n",
                clients, requests, think, (System.nanoTime() - start) / 1e9);
        LoadReport base = c.row(Model.VIRTUAL_THREADS).report();
        System.out.printf("%-34s %5s %9s %9s %8s %9s %8s %8s %8s %7s %10s %10s%n", "model", "lines", "p50 ms", "p99 ms",
                "req/s", "threads", "RSS MiB", "CPU s", "wall s", "unans.", "p99/vt", "req/s/vt");
        for (Comparison.Row r : c.rows()) {
            LoadReport p = r.report();
            System.out.printf(Locale.ROOT, "%-34s %5d %9.2f %9.2f %8.0f %9d %8.0f %8.2f %8.2f %7d %10.2f %10.2f%n",
                    r.model().label(), r.linesOfCode(), ms(p.p50()), ms(p.p99()), p.perSecond(), p.threads(), p.rssMiB(),
                    p.cpuSeconds(), p.wall().toNanos() / 1e9, p.unanswered(), ms(p.p99()) / Math.max(1e-6, ms(base.p99())),
                    p.perSecond() / Math.max(1e-6, base.perSecond()));
        }
    }

    static void c10k(int held) {
        System.out.printf("%n== C10K: %d idle connections held to a virtual-thread echo server (own JVM, -Xmx1g) ==%n", held);
        LoadPlan probe = Load.plan(10, 200, Duration.ZERO).deadline(Duration.ofSeconds(60)).quiet();
        try (EchoServer server = Servers.inOwnProcess(Model.VIRTUAL_THREADS, List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:-UsePerfData"))) {
            probe.run(server); // warm-up: the server's JIT compiles its echo path before anything is measured
            LoadReport before = probe.run(server);
            long cpuStart = cpuTicks(server);
            try (HeldConnections idle = Load.hold(server.port(), held)) {
                long cpuHeld = cpuTicks(server);
                LoadReport during = probe.run(server);
                System.out.printf(Locale.ROOT, "held: %d connected, %d answered, opened in %.1f s (server CPU %.2f s) by helper pid %s%n",
                        idle.connected(), idle.answered(), idle.took().toNanos() / 1e9, (cpuHeld - cpuStart) / 100.0,
                        idle.helper().map(h -> String.valueOf(h.pid())).orElse("-"));
                System.out.printf("%-40s %9s %9s %9s %9s %8s %8s%n", "probe: 10 clients × 200 requests", "p50 ms", "p99 ms", "max ms",
                        "threads", "RSS MiB", "CPU s");
                row("before (no connections held)", before);
                row("while " + idle.connected() + " are held", during);
                System.out.printf(Locale.ROOT, "ratio held/before: p99 %.2f, RSS %.2f%n", ms(during.p99()) / Math.max(1e-6, ms(before.p99())),
                        during.rssMiB() / Math.max(1e-6, before.rssMiB()));
                boolean ok = idle.answered() >= 10_000 && ms(during.p99()) < 50 && during.rssMiB() < 1024;
                System.out.printf("goal (10,000 held and answered, p99 < 50 ms, RSS < 1 GiB): %s%n", ok ? "met" : "NOT met");
            }
        }
    }

    static void row(String label, LoadReport r) {
        System.out.printf(Locale.ROOT, "%-40s %9.2f %9.2f %9.2f %9d %8.0f %8.2f%n", label, ms(r.p50()), ms(r.p99()), ms(r.max()),
                r.threads(), r.rssMiB(), r.cpuSeconds());
    }

    static long cpuTicks(EchoServer server) {
        long ticks = 0;
        for (ProcessHandle p : server.processes()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                // ended
            }
        }
        return ticks;
    }

    static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    static int intArg(String[] args, String name, int otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }
}
