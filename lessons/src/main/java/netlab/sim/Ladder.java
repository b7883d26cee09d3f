package netlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netlab.display.Html;
import netlab.display.Svg;

/**
 * A ladder (sequence) diagram: vertical lanes, one slanted arrow per message, top to bottom in order. Used for
 * lab traces and for TCP conversations.
 */
final class Ladder {

    private record Step(int from, int to, String label, boolean lost, String color, boolean note) {
    }

    private final String title;
    private final List<Step> steps = new ArrayList<>();

    Ladder(String title) {
        this.title = title;
    }

    Ladder arrow(int from, int to, String label, boolean lost, String color) {
        steps.add(new Step(from, to, label, lost, color, false));
        return this;
    }

    Ladder note(int lane, String text) {
        steps.add(new Step(lane, lane, text, false, "#666", true));
        return this;
    }

    Svg svg(List<String> lanes) {
        int gap = 190;
        int width = Math.max(Math.max(1, lanes.size()) * gap + 40, rightmostText(lanes, gap) + 12);
        int top = 56;
        int rowH = 34;
        int height = top + steps.size() * rowH + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">", width, height));
        s.append("<defs><marker id=\"ah\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"context-stroke\"/></marker></defs>");
        s.append("<text x=\"8\" y=\"16\" font-weight=\"bold\">").append(Html.escape(title)).append("</text>");
        StringBuilder text = new StringBuilder(title).append('\n');
        for (int i = 0; i < lanes.size(); i++) {
            int x = x(i, gap);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"40\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>", x, Html.escape(lanes.get(i))));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"46\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>", x, x, height - 10));
        }
        for (int k = 0; k < steps.size(); k++) {
            Step st = steps.get(k);
            int y = top + k * rowH;
            int x1 = x(st.from, gap);
            if (st.note) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\" font-style=\"italic\">⚑ %s</text>", x1 + 6, y + 16, Html.escape(st.label)));
                text.append(String.format(Locale.ROOT, "%-10s ⚑ %s%n", lanes.get(st.from), st.label));
                continue;
            }
            int x2 = x(st.to, gap);
            int end = st.lost ? (x1 + x2) / 2 : x2;
            int yEnd = st.lost ? y + 10 : y + 20;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\" %s/>",
                    x1, y, end, yEnd, st.lost ? "#dc322f" : st.color, st.lost ? "stroke-dasharray=\"4,2\"" : "marker-end=\"url(#ah)\""));
            if (st.lost) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#dc322f\" font-size=\"14\">✗</text>", end - 4, yEnd + 5));
            }
            int lx = Math.min(x1, x2) + 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", lx, y - 3, st.lost ? "#dc322f" : "#222", Html.escape(st.label)));
            text.append(String.format(Locale.ROOT, "%-10s %s %-10s %s%n", lanes.get(st.from), st.lost ? "-✗" : "->", lanes.get(st.to), st.label));
        }
        s.append("</svg>");
        return Svg.of(s.toString(), text.toString().stripTrailing());
    }

    /** Where the rightmost label ends: a long one ("ACK 14 字节数据 seq=… → ESTABLISHED") ran past the lanes. */
    private int rightmostText(List<String> lanes, int gap) {
        int right = 8 + Svg.textWidth(title, 12); // bold
        for (Step st : steps) {
            int left = st.note ? x(st.from, gap) + 6 : Math.min(x(st.from, gap), x(st.to, gap)) + 4;
            right = Math.max(right, left + Svg.textWidth(st.note ? "⚑ " + st.label : st.label, 11));
        }
        return right;
    }

    private static int x(int lane, int gap) {
        return 20 + gap / 2 + lane * gap;
    }
}
