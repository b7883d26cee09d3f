package netlab.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.display.Displayable;
import netlab.display.Html;
import netlab.display.Table;
import netlab.servers.Model;
import netlab.text.Text;

/**
 * Server models measured under the same load, one row each: the chapter's final table, and a bar chart of p99
 * latency (log scale, since the models differ a hundredfold).
 *
 * <pre>{@code
 * Comparison c = Load.compare(List.of(Model.ITERATIVE, Model.SELECTOR), Load.plan(10, 20, Duration.ZERO));
 * c.row(Model.SELECTOR).report().answered()     // 200
 * c.row(Model.SELECTOR).linesOfCode()           // 35
 * }</pre>
 */
public record Comparison(List<Row> rows) implements Displayable {

    /** One model: its lines of code and what the run measured. */
    public record Row(Model model, int linesOfCode, LoadReport report) {
    }

    public Comparison {
        rows = List.copyOf(rows);
    }

    /** The row of {@code model}. Example: {@code c.row(Model.ITERATIVE)}. */
    public Row row(Model model) {
        return rows.stream().filter(r -> r.model() == model).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Text.of("load.compare.none", model, rows.stream().map(Row::model).toList())));
    }

    /** The comparison as a table. Example: {@code c.table()}. */
    public Table table() {
        LoadReport first = rows.isEmpty() ? null : rows.getFirst().report();
        Table t = Table.captioned(first == null ? "" : Text.of("load.compare.caption", first.clients(), first.requestsEach(),
                        LoadReport.millis(first.think())),
                Text.of("load.col.model"), Text.of("load.col.lines"), Text.of("load.m.p50"), Text.of("load.m.p99"),
                Text.of("load.m.throughput"), Text.of("load.m.threads"), Text.of("load.m.rss"), Text.of("load.m.cpu"),
                Text.of("load.col.unanswered"));
        for (Row r : rows) {
            LoadReport p = r.report();
            t.row(r.model().label(), r.linesOfCode(), p.latency(p.p50()), p.latency(p.p99()),
                    String.format(Locale.ROOT, "%.0f/s", p.perSecond()), p.threads(),
                    String.format(Locale.ROOT, "%.0f MiB", p.rssMiB()), String.format(Locale.ROOT, "%.2f s", p.cpuSeconds()),
                    p.unanswered());
        }
        return t;
    }

    /** p99 latency per model as horizontal bars on a log scale, threads and memory beside them. Example: {@code c.svg()}. */
    public String svg() {
        int rowHeight = 26;
        int labelWidth = 190;
        int barWidth = 360;
        int height = 40 + rowHeight * rows.size() + 24;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">",
                labelWidth + barWidth + 170, height));
        s.append("<text x=\"8\" y=\"16\" font-weight=\"bold\">").append(Html.escape(Text.of("load.compare.svg-title"))).append("</text>");
        for (double ms : LatencyAxis.TICKS_MS) {
            double x = labelWidth + LatencyAxis.position(ms) * barWidth;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"28\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>",
                    x, x, height - 20));
            s.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>",
                    x, height - 6, LatencyAxis.label(ms)));
        }
        int y = 34;
        for (Row r : rows) {
            LoadReport p = r.report();
            double w = p.answered() == 0 ? barWidth : LatencyAxis.position(p.p99()) * barWidth;
            String colour = p.unanswered() > 0 ? "#dc322f" : "#268bd2";
            s.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%s</text>", y + 13, Html.escape(r.model().label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>", labelWidth, y,
                    Math.max(1, Math.min(barWidth, w)), colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s · %s · %s</text>", labelWidth + barWidth + 8, y + 13,
                    Html.escape(p.latency(p.p99())), Html.escape(Text.of("load.svg.threads", p.threads())),
                    String.format(Locale.ROOT, "%.0f MiB", p.rssMiB())));
            y += rowHeight;
        }
        return s.append("</svg>").toString();
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
