package netlab.course;

import java.util.List;
import netlab.display.Html;
import netlab.display.Svg;
import netlab.tftp.PacketEvent;
import netlab.tftp.PacketTrace;
import netlab.text.Text;

/**
 * The chapters' pictures, as SVG with a text stand-in, labelled in the student's language.
 *
 * <pre>{@code
 * Display.show(Pictures.layers());              // chapter 1: what each layer adds to two bytes
 * Display.show(Pictures.ladder(trace, 8));       // chapter 2: the first 8 packets of a TFTP transfer
 * Display.show(Pictures.acceptQueue(2, 5));      // chapter 2: a listener with backlog 2 and 5 clients
 * }</pre>
 */
public final class Pictures {

    private static final String FONT = "font-family='sans-serif' font-size='13'";

    private Pictures() {
    }

    /** The notebook, the kernel that compiles a cell and the separate Java process that runs it (chapter 0). */
    public static Svg twoProcesses() {
        String[] boxes = {Text.of("course.picture.notebook"), Text.of("course.picture.kernel"), Text.of("course.picture.agent")};
        StringBuilder s = open("two", 640, 120);
        for (int i = 0; i < boxes.length; i++) {
            int x = 10 + i * 220;
            s.append(box(x, 30, 180, 50, "#eef4fb")).append(label(x + 90, 60, boxes[i]));
            if (i > 0) {
                s.append(arrow("two", x - 40, 55, x - 2, 55));
            }
        }
        s.append(label(320, 105, Text.of("course.picture.two-processes.caption")));
        return Svg.of(s.append("</svg>").toString(), String.join(" → ", boxes) + "\n" + Text.of("course.picture.two-processes.caption"));
    }

    /** The four layers and what each adds around two bytes of UDP payload (chapter 1). */
    public static Svg layers() {
        String[][] rows = {
                {Text.of("course.picture.layer.application"), "\"hi\" 2 B", "#fff6d5"},
                {Text.of("course.picture.layer.transport"), "UDP 8 B + 2 B", "#e3f1e0"},
                {Text.of("course.picture.layer.internet"), "IPv4 20 B + 8 B + 2 B", "#e3ecf8"},
                {Text.of("course.picture.layer.link"), "Ethernet 14 B + 30 B + 4 B", "#f3e5f3"}};
        StringBuilder s = open("layers", 560, 4 * 46 + 20);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            int y = 10 + i * 46;
            int indent = (rows.length - 1 - i) * 40;
            s.append(box(10, y, 150, 36, rows[i][2])).append(label(85, y + 23, rows[i][0]));
            s.append(box(180 + indent, y, 370 - 2 * indent, 36, rows[i][2])).append(label(365, y + 23, rows[i][1]));
            text.append(String.format("%-22s %s%n", rows[i][0], rows[i][1]));
        }
        return Svg.of(s.append("</svg>").toString(), text.toString().stripTrailing());
    }

    /**
     * The first {@code max} packets of a TFTP transfer as the client saw them, as a ladder: time goes down, each arrow
     * is one datagram, labelled with what it is and the port it went to or came from, so the server's new port (its
     * TID) shows.
     */
    public static Svg ladder(PacketTrace trace, int max) {
        List<PacketEvent> events = trace.events().stream().filter(e -> e.role().equals("client")).limit(max).toList();
        int height = 50 + events.size() * 34;
        StringBuilder s = open("ladder", 620, height);
        s.append(label(110, 20, Text.of("course.picture.client"))).append(label(510, 20, Text.of("course.picture.server")));
        s.append("<line x1='110' y1='28' x2='110' y2='").append(height - 5).append("' stroke='#888'/>");
        s.append("<line x1='510' y1='28' x2='510' y2='").append(height - 5).append("' stroke='#888'/>");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            PacketEvent e = events.get(i);
            int y = 50 + i * 34;
            boolean sent = e.direction() == PacketEvent.Direction.SENT;
            String what = e.summary() + (sent ? "  → :" : "  ← :") + e.remote().getPort();
            s.append(sent ? arrow("ladder", 112, y, 506, y + 14) : arrow("ladder", 508, y, 114, y + 14)).append(label(310, y - 2, what));
            text.append(Text.of("course.picture.client")).append(sent ? " → " : " ← ")
                    .append(Text.of("course.picture.server")).append("  ").append(what).append('\n');
        }
        return Svg.of(s.append("</svg>").toString(), text.toString().stripTrailing());
    }

    /**
     * A listener with {@code backlog} that never calls accept(), and {@code clients} clients: the kernel completes
     * the handshake of backlog + 1 of them into the accept queue (Linux); the others' SYNs are dropped and retried.
     *
     * @throws IllegalArgumentException for a backlog outside 0–100 or clients outside 1–30 (one row each)
     */
    public static Svg acceptQueue(int backlog, int clients) {
        Text.require(backlog >= 0 && backlog <= 100 && clients >= 1 && clients <= 30, "course.picture.accept-queue.bad",
                backlog, clients);
        int queued = Math.min(clients, backlog + 1);
        StringBuilder s = open("queue", 640, 60 + clients * 30);
        s.append(box(420, 30, 200, 40 + clients * 30 - 30, "#eef4fb"))
                .append(label(520, 22, Text.of("course.picture.accept-queue", backlog)));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < clients; i++) {
            int y = 45 + i * 30;
            boolean in = i < queued;
            s.append(box(10, y - 12, 120, 24, in ? "#e3f1e0" : "#f8e1e1")).append(label(70, y + 5, Text.of("course.picture.client") + " " + (i + 1)));
            if (in) {
                s.append(arrow("queue", 132, y, 430, y)).append(box(440, y - 12, 160, 24, "#e3f1e0"))
                        .append(label(520, y + 5, Text.of("course.picture.established")));
            } else {
                s.append("<line x1='132' y1='").append(y).append("' x2='300' y2='").append(y)
                        .append("' stroke='#b00' stroke-dasharray='4 3'/>").append(label(360, y + 5, Text.of("course.picture.syn-dropped")));
            }
            text.append(Text.of("course.picture.client")).append(' ').append(i + 1).append(": ")
                    .append(Text.of(in ? "course.picture.established" : "course.picture.syn-dropped")).append('\n');
        }
        return Svg.of(s.append("</svg>").toString(), text.toString().stripTrailing());
    }

    /** The start of a picture; its arrow head has an id of its own, as several pictures may share one page. */
    private static StringBuilder open(String name, int width, int height) {
        return new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='")
                .append(height).append("' ").append(FONT).append("><defs><marker id='netlab-").append(name)
                .append("' markerWidth='8' markerHeight='8' refX='7' refY='4' orient='auto'>"
                        + "<path d='M0,0 L8,4 L0,8 z' fill='#333'/></marker></defs>");
    }

    private static String box(int x, int y, int w, int h, String fill) {
        return "<rect x='" + x + "' y='" + y + "' width='" + w + "' height='" + h + "' rx='4' fill='" + fill
                + "' stroke='#555'/>";
    }

    private static String label(int x, int y, String text) {
        return "<text x='" + x + "' y='" + y + "' text-anchor='middle'>" + Html.escape(text) + "</text>";
    }

    private static String arrow(String name, int x1, int y1, int x2, int y2) {
        return "<line x1='" + x1 + "' y1='" + y1 + "' x2='" + x2 + "' y2='" + y2 + "' stroke='#333' marker-end='url(#netlab-" + name + ")'/>";
    }
}
