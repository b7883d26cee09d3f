package netlab.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.display.Displayable;
import netlab.display.Html;
import netlab.display.Table;
import netlab.text.Text;

/**
 * Level- versus edge-triggered readiness, simulated tick by tick (Java's {@code Selector} is level-triggered only,
 * so the difference cannot be shown live). Bytes arrive on one socket; whenever epoll reports it, the program
 * reads: once ({@code recv(readSize)}, like the seed's example) or, the correct way with edge triggering, in a loop
 * until nothing is left (until EAGAIN).
 *
 * <pre>{@code
 * Readiness r = Readiness.simulate(100, 250, 0, 0, 0, 50, 0, 0);   // reads of 100 bytes; 250 bytes, then 50
 * r.stranded(Readiness.Trigger.EDGE)          // 100: edge-triggered with one read per wake-up strands bytes
 * r.stranded(Readiness.Trigger.LEVEL)         // 0
 * r.stranded(Readiness.Trigger.EDGE_DRAIN)    // 0
 * }</pre>
 *
 * @param readSize bytes one read takes at most
 * @param arrivals bytes arriving at each tick
 * @param lanes    what happened at each tick, per trigger mode
 */
public record Readiness(int readSize, List<Integer> arrivals, Map<Trigger, List<Tick>> lanes) implements Displayable {

    /** How epoll reports a socket, and how the program reads when it is told. */
    public enum Trigger {
        /** Level-triggered (the default, and Java's): reported at every wait while bytes are unread; one read each time. */
        LEVEL,
        /** Edge-triggered (EPOLLET) with one read per report: reported only when new bytes arrive. */
        EDGE,
        /** Edge-triggered, reading until nothing is left (EAGAIN), as EPOLLET requires. */
        EDGE_DRAIN
    }

    /**
     * One tick of one lane.
     *
     * @param arrived  bytes that arrived
     * @param reported whether epoll_wait returned this socket
     * @param reads    read calls the program made
     * @param read     bytes it read
     * @param left     bytes still unread after the tick
     */
    public record Tick(int arrived, boolean reported, int reads, int read, int left) {
    }

    /** Extra ticks after the last arrival, to show what happens to bytes left unread. */
    private static final int AFTER = 3;

    /** Simulates the three modes on the same arrivals. Example: {@code Readiness.simulate(100, 250, 0, 0)}. */
    public static Readiness simulate(int readSize, int... arrivals) {
        if (readSize < 1 || arrivals.length < 1 || arrivals.length > 40) {
            throw new IllegalArgumentException(Text.of("epoll.sim.bad", readSize, arrivals.length));
        }
        List<Integer> in = java.util.Arrays.stream(arrivals).boxed().toList();
        Map<Trigger, List<Tick>> lanes = new java.util.EnumMap<>(Trigger.class);
        for (Trigger t : Trigger.values()) {
            lanes.put(t, run(t, readSize, in));
        }
        return new Readiness(readSize, in, lanes);
    }

    private static List<Tick> run(Trigger trigger, int readSize, List<Integer> arrivals) {
        List<Tick> ticks = new ArrayList<>();
        int buffered = 0;
        for (int i = 0; i < arrivals.size() + AFTER; i++) {
            int arrived = i < arrivals.size() ? Math.max(0, arrivals.get(i)) : 0;
            buffered += arrived;
            boolean reported = trigger == Trigger.LEVEL ? buffered > 0 : arrived > 0; // level: a state; edge: a change
            int reads = 0;
            int read = 0;
            if (reported) {
                while (true) {
                    int n = Math.min(readSize, buffered);
                    reads++;
                    read += n;
                    buffered -= n;
                    // one read per report, unless draining: then read until a read finds nothing (EAGAIN)
                    if (trigger != Trigger.EDGE_DRAIN || n == 0) {
                        break;
                    }
                }
            }
            ticks.add(new Tick(arrived, reported, reads, read, buffered));
        }
        return List.copyOf(ticks);
    }

    /** Bytes never read in {@code trigger}'s lane by the end. Example: {@code r.stranded(Readiness.Trigger.EDGE)}. */
    public int stranded(Trigger trigger) {
        return lanes.get(trigger).getLast().left();
    }

    /** How often epoll reported the socket in {@code trigger}'s lane. Example: {@code r.reports(Readiness.Trigger.LEVEL)}. */
    public long reports(Trigger trigger) {
        return lanes.get(trigger).stream().filter(Tick::reported).count();
    }

    /** Tick by tick: what arrived, and per mode whether it was reported, what was read and what is left. */
    public Table table() {
        List<String> headers = new ArrayList<>(List.of(Text.of("epoll.sim.tick"), Text.of("epoll.sim.arrived")));
        for (Trigger t : Trigger.values()) {
            headers.add(label(t));
        }
        Table table = Table.captioned(Text.of("epoll.sim.caption", readSize), headers.toArray(String[]::new));
        for (int i = 0; i < lanes.get(Trigger.LEVEL).size(); i++) {
            List<Object> row = new ArrayList<>(List.of(i, lanes.get(Trigger.LEVEL).get(i).arrived()));
            for (Trigger t : Trigger.values()) {
                Tick k = lanes.get(t).get(i);
                row.add(k.reported() ? Text.of("epoll.sim.cell", k.reads(), k.read(), k.left()) : Text.of("epoll.sim.quiet", k.left()));
            }
            table.row(row.toArray());
        }
        return table;
    }

    /** The mode's name. Example: {@code Readiness.label(Readiness.Trigger.EDGE)}. */
    public static String label(Trigger t) {
        return Text.of("epoll.trigger." + t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A timeline per mode: unread bytes as bars, reports as dots. Example: {@code r.svg()}. */
    public String svg() {
        int ticks = lanes.get(Trigger.LEVEL).size();
        int step = 36;
        int laneHeight = 70;
        int left = 190;
        int max = Math.max(1, lanes.values().stream().flatMap(List::stream).mapToInt(k -> k.left() + k.read()).max().orElse(1));
        int width = left + step * ticks + 20;
        int height = 30 + laneHeight * 3 + 20;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">", width, height));
        s.append("<text x=\"8\" y=\"16\" font-weight=\"bold\">").append(Html.escape(Text.of("epoll.sim.svg-title", readSize))).append("</text>");
        int lane = 0;
        for (Trigger t : Trigger.values()) {
            int base = 30 + laneHeight * lane + laneHeight - 16;
            s.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%s</text>", base - 20, Html.escape(label(t))));
            s.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" fill=\"%s\">%s</text>", base - 6,
                    stranded(t) > 0 ? "#dc322f" : "#666", Html.escape(Text.of("epoll.sim.left", stranded(t)))));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, base, width - 20, base));
            for (int i = 0; i < ticks; i++) {
                Tick k = lanes.get(t).get(i);
                int x = left + i * step;
                int h = (int) Math.round(40.0 * k.left() / max);
                if (k.arrived() > 0) {
                    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#268bd2\">+%d</text>", x + 2, base - 44, k.arrived()));
                }
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", x + 6, base - h, step - 12, h,
                        k.left() > 0 && i >= arrivals.size() ? "#dc322f" : "#93a1a1"));
                if (k.reported()) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#859900\"/>", x + step / 2, base + 8));
                }
            }
            lane++;
        }
        return s.append("</svg>").toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        Table t = table();
        return Map.of("text/plain", t.text(), "text/html", "<div>" + svg() + "</div>" + t.html());
    }

    @Override
    public String toString() {
        return table().text();
    }
}
