package netlab.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Message;
import netlab.text.Text;

/**
 * What one load run measured: how fast the server answered (p50, p99, max), how much it got done (throughput), and
 * what it cost (threads, memory, CPU time of the server's processes).
 *
 * <pre>{@code
 * LoadReport r = Load.run(server, 20, 50, Duration.ofMillis(1));
 * r.p99()          // e.g. PT0.0021S
 * r.threads()      // e.g. 41: the server process's OS threads at the busiest moment
 * }</pre>
 *
 * @param server       what was measured (its model and port)
 * @param clients      clients, each on its own connection and virtual thread
 * @param requestsEach requests each client sent, one at a time
 * @param think        the pause of each client between an answer and its next request
 * @param answered     requests answered in full before the deadline
 * @param unanswered   requests not answered: not sent before the deadline, timed out, or refused
 * @param wall         time from the first connect to the last client done
 * @param p50          half of the requests were answered within this
 * @param p99          99% of the requests were answered within this
 * @param max          the slowest answer
 * @param peakServed   most clients served at once: connected, answered at least once, not yet done
 * @param threads      most OS threads the server's processes had at once
 * @param rssBytes     most resident memory (RSS) of the server's processes at once
 * @param cpuSeconds   CPU time (user + system) the server's processes used during the run
 * @param whyUnanswered what ended the first unanswered request (a refused connection, a reset, the server closing,
 *                     the deadline), worded when shown; empty when every request was answered
 */
public record LoadReport(String server, int clients, int requestsEach, Duration think, long answered, long unanswered,
        Duration wall, Duration p50, Duration p99, Duration max, int peakServed, int threads, long rssBytes,
        double cpuSeconds, Optional<Message> whyUnanswered) implements Tabular {

    /** Answered requests per second of wall time. Example: {@code report.perSecond()}. */
    public double perSecond() {
        return answered / Math.max(1e-9, wall.toNanos() / 1e9);
    }

    /** Resident memory in MiB. Example: {@code report.rssMiB()}. */
    public double rssMiB() {
        return rssBytes / (1024.0 * 1024.0);
    }

    @Override
    public Table table() {
        Table t = Table.captioned(Text.of("load.report.caption", server, clients, requestsEach, millis(think)),
                Text.of("load.col.measure"), Text.of("load.col.value"));
        t.row(Text.of("load.m.answered"), answered + (unanswered > 0 ? " (" + Text.of("load.m.unanswered", unanswered) + ")" : ""));
        whyUnanswered.ifPresent(why -> t.row(Text.of("load.m.why"), why));
        t.row(Text.of("load.m.p50"), latency(p50));
        t.row(Text.of("load.m.p99"), latency(p99));
        t.row(Text.of("load.m.max"), latency(max));
        t.row(Text.of("load.m.throughput"), String.format(Locale.ROOT, "%.0f/s", perSecond()));
        t.row(Text.of("load.m.wall"), millis(wall));
        t.row(Text.of("load.m.peak"), peakServed);
        t.row(Text.of("load.m.threads"), threads);
        t.row(Text.of("load.m.rss"), String.format(Locale.ROOT, "%.0f MiB", rssMiB()));
        t.row(Text.of("load.m.cpu"), String.format(Locale.ROOT, "%.2f s", cpuSeconds));
        return t;
    }

    /** A latency for a table: "—" when nothing was answered. */
    String latency(Duration d) {
        return answered == 0 ? "—" : millis(d);
    }

    static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    @Override
    public String toString() {
        return table().text();
    }
}
