package netlab.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.display.Displayable;
import netlab.display.Html;
import netlab.display.Table;
import netlab.text.Text;

/**
 * One server under more and more clients: p50 and p99 latency against the number of clients, as a table and a line
 * plot (log scale). An iterative server's latency grows with every client added; a concurrent one's stays flat until
 * the machine is busy.
 *
 * <pre>{@code
 * EchoServer s = Servers.iterative(0);
 * Sweep sweep = Load.sweep(s, 10, Duration.ofMillis(1), 1, 2, 4, 8);
 * sweep.reports().size()     // 4
 * s.close();
 * }</pre>
 *
 * @param reports one run per number of clients, in the order given
 */
public record Sweep(List<LoadReport> reports) implements Displayable {

    public Sweep {
        reports = List.copyOf(reports);
    }

    /** Clients, p50, p99, throughput and threads per run. Example: {@code sweep.table()}. */
    public Table table() {
        Table t = Table.captioned(reports.isEmpty() ? "" : Text.of("load.sweep.caption", reports.getFirst().server()),
                Text.of("load.col.clients"), Text.of("load.m.p50"), Text.of("load.m.p99"), Text.of("load.m.throughput"),
                Text.of("load.m.threads"), Text.of("load.col.unanswered"));
        for (LoadReport r : reports) {
            t.row(r.clients(), r.latency(r.p50()), r.latency(r.p99()), String.format(Locale.ROOT, "%.0f/s", r.perSecond()),
                    r.threads(), r.unanswered());
        }
        return t;
    }

    /** p50 and p99 against clients, latency on a log scale. Example: {@code sweep.svg()}. */
    public String svg() {
        int left = 60;
        int top = 30;
        int w = 420;
        int h = 220;
        int maxClients = reports.stream().mapToInt(LoadReport::clients).max().orElse(1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">",
                left + w + 90, top + h + 40));
        s.append("<text x=\"8\" y=\"16\" font-weight=\"bold\">").append(Html.escape(table().text().lines().findFirst().orElse(""))).append("</text>");
        for (double ms : LatencyAxis.TICKS_MS) {
            double y = top + h - LatencyAxis.position(ms) * h;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    left, y, left + w, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s</text>",
                    left - 4, y + 4, LatencyAxis.label(ms)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>", left + w / 2, top + h + 32,
                Html.escape(Text.of("load.col.clients"))));
        line(s, true, "#dc322f", "p99", left, top, w, h, maxClients);
        line(s, false, "#268bd2", "p50", left, top, w, h, maxClients);
        return s.append("</svg>").toString();
    }

    private void line(StringBuilder s, boolean p99, String colour, String name, int left, int top, int w, int h,
                      int maxClients) {
        StringBuilder points = new StringBuilder();
        double lastX = left;
        double lastY = top + h;
        for (LoadReport r : reports) {
            if (r.answered() == 0) {
                continue;
            }
            lastX = left + (double) r.clients() / maxClients * w;
            lastY = top + h - LatencyAxis.position(p99 ? r.p99() : r.p50()) * h;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", lastX, lastY, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%d</text>", lastX, top + h + 14, r.clients()));
        }
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", points.toString().strip(), colour));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>", lastX + 6, lastY + 4, colour, name));
    }

    @Override
    public Map<String, String> mimeBundle() {
        Table t = table();
        return Map.of("text/plain", t.text(), "text/html", t.html() + "<div>" + svg() + "</div>");
    }

    @Override
    public String toString() {
        return table().text();
    }
}
