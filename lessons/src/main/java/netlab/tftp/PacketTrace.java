package netlab.tftp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.display.Displayable;
import netlab.display.Html;
import netlab.text.Text;

/**
 * Collects packets like Wireshark and shows them as a table: time, who, direction, opcode, block, size,
 * the decoded fields and a hex dump. In a notebook the last expression {@code trace} shows the HTML table;
 * in a terminal, the text one.
 *
 * <pre>{@code
 * PacketTrace trace = new PacketTrace();
 * try (TftpServer server = Tftp.server(Path.of("files")).trace(trace).start()) {
 *     Tftp.client("127.0.0.1", server.port()).trace(trace).get("hello.txt", Path.of("hello.txt"));
 * }
 * trace
 * //     #  time (s)    who     dir  peer                   opcode  block   size  first bytes               info
 * //     1  0.000000    client  →    127.0.0.1:40000        RRQ         -     26  00 01 68 65 6c 6c 6f 2e…  RRQ "hello.txt" octet {tsize=0}
 * //   ...
 * }</pre>
 *
 * <p>Safe for concurrent use, so a client and a server can share one trace. Keeps the first
 * {@code capacity} packets (default 10,000) and counts the rest.
 */
public final class PacketTrace implements PacketListener, Displayable {

    private final int capacity;
    private final List<PacketEvent> events = new ArrayList<>();
    private long missed;
    private int rowsShown = 200;

    /** A trace that keeps up to 10,000 packets. Example: {@code new PacketTrace()}. */
    public PacketTrace() {
        this(10_000);
    }

    /** A trace that keeps up to {@code capacity} packets. Example: {@code new PacketTrace(100)}. */
    public PacketTrace(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(netlab.text.Text.of("tftp.trace.capacity", capacity));
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void onPacket(PacketEvent event) {
        if (events.size() < capacity) {
            // threads report a moment late; keep the list in time order
            int i = events.size();
            while (i > 0 && events.get(i - 1).at().isAfter(event.at())) {
                i--;
            }
            events.add(i, event);
        } else {
            missed++;
        }
    }

    /** The packets kept so far, oldest first. Example: {@code trace.events().get(0).summary()}. */
    public synchronized List<PacketEvent> events() {
        return List.copyOf(events);
    }

    /** How many packets were seen but not kept because the trace was full. */
    public synchronized long missed() {
        return missed;
    }

    /** Forgets all packets. Example: {@code trace.clear()}. */
    public synchronized void clear() {
        events.clear();
        missed = 0;
    }

    /** Sets how many rows the table shows (default 200); the rest are summarised. Example: {@code trace.rows(50)}. */
    public synchronized PacketTrace rows(int count) {
        rowsShown = Math.max(1, count);
        return this;
    }

    /** The packet's bytes as a hex dump, 16 bytes a line with an offset and the printable characters. */
    public static String hexDump(byte[] bytes, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int n = Math.min(bytes.length, maxBytes);
        HexFormat hex = HexFormat.of();
        for (int line = 0; line < n; line += 16) {
            out.append(String.format(Locale.ROOT, "%04x  ", line));
            StringBuilder chars = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < n) {
                    out.append(hex.toHexDigits(bytes[i])).append(i == line + 7 ? "  " : " ");
                    chars.append(bytes[i] >= 32 && bytes[i] < 127 ? (char) bytes[i] : '.');
                } else {
                    out.append(i == line + 7 ? "    " : "   ");
                }
            }
            out.append(' ').append(chars).append('\n');
        }
        if (bytes.length > n) {
            out.append("… ").append(Text.of("tftp.trace.moreBytes", bytes.length - n)).append('\n');
        }
        return out.toString();
    }

    @Override
    public synchronized Map<String, String> mimeBundle() {
        return Map.of("text/plain", text(), "text/html", html());
    }

    @Override
    public synchronized String toString() {
        return text();
    }

    private record Row(int number, String time, PacketEvent e, String opcode, String block) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Instant start = events.isEmpty() ? Instant.EPOCH : events.getFirst().at();
        for (int i = 0; i < Math.min(rowsShown, events.size()); i++) {
            PacketEvent e = events.get(i);
            double seconds = Duration.between(start, e.at()).toNanos() / 1e9;
            String opcode = e.packet().map(p -> p.opcode().name()).orElse("?");
            String block = e.packet().map(p -> switch (p) {
                case TftpPacket.Data d -> Integer.toString(d.block());
                case TftpPacket.Ack a -> Integer.toString(a.block());
                default -> "-";
            }).orElse("-");
            rows.add(new Row(i + 1, String.format(Locale.ROOT, "%.6f", seconds), e, opcode, block));
        }
        return rows;
    }

    private String footer() {
        long hidden = events.size() - Math.min(rowsShown, events.size()) + missed;
        return hidden == 0 ? "" : "… " + Text.of("tftp.trace.morePackets", Counts.grouped(hidden));
    }

    private static String arrow(PacketEvent e) {
        return switch (e.direction()) {
            case SENT -> "→";
            case RECEIVED -> "←";
            case DROPPED -> "✗";
        };
    }

    private static String peer(PacketEvent e) {
        return TftpClient.hostPort(e.remote());
    }

    /** A column's heading in the reader's language: {@code tftp.trace.column.time} ... */
    private static String heading(String column) {
        return Text.of("tftp.trace.column." + column);
    }

    private String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%5s  %-10s  %-6s  %-3s  %-21s  %-6s  %5s  %5s  %-24s  %s%n",
                "#", heading("time"), heading("who"), heading("dir"), heading("peer"), heading("opcode"),
                heading("block"), heading("size"), heading("first.bytes"), heading("info")));
        for (Row r : rows()) {
            byte[] bytes = r.e().bytes();
            String head = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(8, bytes.length)) + (bytes.length > 8 ? "…" : "");
            out.append(String.format(Locale.ROOT, "%5d  %-10s  %-6s  %-3s  %-21s  %-6s  %5s  %5d  %-24s  %s%n", r.number(), r.time(),
                    PacketEvent.shownRole(r.e().role()), arrow(r.e()), peer(r.e()), r.opcode(), r.block(), bytes.length,
                    head, r.e().summary()));
        }
        out.append(footer());
        return out.toString().stripTrailing();
    }

    private String html() {
        StringBuilder out = new StringBuilder("<table style=\"font-family:monospace;font-size:90%\"><thead><tr>"
                + "<th>#</th>");
        for (String column : List.of("time", "who", "dir", "peer", "opcode", "block", "size", "info", "bytes")) {
            out.append("<th>").append(Html.escape(heading(column))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (Row r : rows()) {
            String color = r.e().direction() == PacketEvent.Direction.DROPPED ? "#fdd"
                    : r.opcode().equals("ERROR") || r.opcode().equals("?") ? "#fee" : r.opcode().equals("DATA") ? "#eef" : "#efe";
            out.append("<tr style=\"background:").append(color).append("\"><td>").append(r.number())
                    .append("</td><td>").append(r.time())
                    .append("</td><td>").append(Html.escape(PacketEvent.shownRole(r.e().role())))
                    .append("</td><td>").append(arrow(r.e()))
                    .append("</td><td>").append(Html.escape(peer(r.e())))
                    .append("</td><td>").append(r.opcode())
                    .append("</td><td>").append(r.block())
                    .append("</td><td>").append(r.e().bytes().length)
                    .append("</td><td style=\"text-align:left\">").append(Html.escape(r.e().summary()))
                    .append("</td><td style=\"text-align:left\"><details><summary>hex</summary><pre>")
                    .append(Html.escape(hexDump(r.e().bytes(), 64))).append("</pre></details></td></tr>");
        }
        out.append("</tbody></table>");
        String footer = footer();
        if (!footer.isEmpty()) {
            out.append("<p>").append(Html.escape(footer)).append("</p>");
        }
        return out.toString();
    }
}
