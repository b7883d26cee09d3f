package netlab.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import netlab.display.Html;
import netlab.display.Svg;
import netlab.net.TcpState;

/** The RFC 9293 state diagram as SVG, laid out like the RFC's figure, with a path of states drawn in red. */
public final class TcpDiagram {

    private static final Map<TcpState, int[]> AT = Map.ofEntries(
            Map.entry(TcpState.CLOSE, new int[] {330, 30}), Map.entry(TcpState.LISTEN, new int[] {330, 110}),
            Map.entry(TcpState.SYN_RECV, new int[] {130, 190}), Map.entry(TcpState.SYN_SENT, new int[] {530, 190}),
            Map.entry(TcpState.ESTABLISHED, new int[] {330, 270}), Map.entry(TcpState.FIN_WAIT1, new int[] {130, 350}),
            Map.entry(TcpState.CLOSE_WAIT, new int[] {530, 350}), Map.entry(TcpState.FIN_WAIT2, new int[] {130, 440}),
            Map.entry(TcpState.CLOSING, new int[] {330, 440}), Map.entry(TcpState.LAST_ACK, new int[] {530, 440}),
            Map.entry(TcpState.TIME_WAIT, new int[] {330, 520}));

    private TcpDiagram() {
    }

    /** The diagram with {@code path} (states in the order visited) highlighted; an empty path highlights nothing. */
    public static Svg draw(List<TcpState> path) {
        Set<String> walked = new HashSet<>();
        for (int i = 1; i < path.size(); i++) {
            walked.add(path.get(i - 1) + ">" + path.get(i));
        }
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"690\" height=\"560\" font-family=\"sans-serif\" font-size=\"10\">"
                + "<defs><marker id=\"tah\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"context-stroke\"/></marker></defs>");
        Map<String, List<String>> labels = new java.util.LinkedHashMap<>();
        for (TcpFsm.Arrow a : TcpFsm.arrows()) {
            if (a.from() != a.to() && a.event() != TcpEvent.RCV_RST) {
                labels.computeIfAbsent(a.from() + ">" + a.to(), k -> new java.util.ArrayList<>()).add(a.event().name().toLowerCase(Locale.ROOT));
            }
        }
        labels.forEach((pair, events) -> {
            String[] ft = pair.split(">");
            arrow(s, TcpState.valueOf(ft[0]), TcpState.valueOf(ft[1]), String.join(" / ", events), walked.contains(pair));
        });
        Set<String> drawn = labels.keySet();
        for (String w : walked) {
            if (!drawn.contains(w)) { // a reset straight to CLOSED, for example
                String[] ft = w.split(">");
                arrow(s, TcpState.valueOf(ft[0]), TcpState.valueOf(ft[1]), "", true);
            }
        }
        for (TcpState st : TcpFsm.STATES) {
            int[] p = AT.get(st);
            boolean on = path.contains(st);
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"110\" height=\"26\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                    p[0] - 55, p[1] - 13, on ? "#fde0dc" : "#f4f4f4", on ? "#dc322f" : "#888", on ? "2" : "1"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\">%s</text>",
                    p[0], p[1] + 4, st == TcpState.CLOSE ? "CLOSED" : st.name()));
        }
        s.append("</svg>");
        return Svg.of(s.toString(), String.join(" → ", path.stream().map(x -> x == TcpState.CLOSE ? "CLOSED" : x.name()).toList()));
    }

    private static void arrow(StringBuilder s, TcpState from, TcpState to, String label, boolean hot) {
        int[] a = AT.get(from);
        int[] b = AT.get(to);
        String stroke = hot ? "#dc322f" : "#aaa";
        String width = hot ? "2.5" : "1";
        if (to == TcpState.CLOSE && from != TcpState.LISTEN && from != TcpState.SYN_SENT) {
            // back to CLOSED from below: around the outside, so the line crosses no state
            boolean left = a[0] <= 330 && from != TcpState.LAST_ACK;
            int margin = left ? 12 + 6 * (from.ordinal() % 4) : 668 - 6 * (from.ordinal() % 4);
            int startX = left ? a[0] - 55 : a[0] + 55;
            int endX = left ? b[0] - 55 : b[0] + 55;
            s.append(String.format(Locale.ROOT, "<polyline points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#tah)\"/>",
                    startX, a[1], margin, a[1], margin, b[1], endX, b[1], stroke, width));
            if (!label.isEmpty()) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s</text>",
                        (startX + margin) / 2, a[1] - 3, hot ? "#dc322f" : "#777", "middle", Html.escape(label)));
            }
            return;
        }
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.max(1, Math.hypot(dx, dy));
        // leave the box edge: shorten both ends
        double cut = Math.abs(dy) > Math.abs(dx) ? 14 / Math.abs(dy / len) : 56 / Math.abs(dx / len);
        cut = Math.min(cut, len / 3);
        int offset = from.ordinal() < to.ordinal() ? 4 : -4; // two arrows between the same pair do not overlap
        double x1 = a[0] + dx / len * cut + offset;
        double y1 = a[1] + dy / len * cut + offset;
        double x2 = b[0] - dx / len * cut + offset;
        double y2 = b[1] - dy / len * cut + offset;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#tah)\"/>",
                x1, y1, x2, y2, stroke, width));
        if (!label.isEmpty()) {
            // a third of the way along: the labels of two opposite arrows between one pair land apart
            s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" fill=\"%s\" text-anchor=\"%s\">%s</text>",
                    x1 + (x2 - x1) / 3 + (offset > 0 ? 4 : -4), y1 + (y2 - y1) / 3, hot ? "#dc322f" : "#777", offset > 0 ? "start" : "end", Html.escape(label)));
        }
    }
}
