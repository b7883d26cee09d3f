package netlab.sim;

import java.util.ArrayList;
import java.util.List;
import netlab.display.Svg;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.sim.Frame.Arp;
import netlab.sim.Frame.Icmp;
import netlab.sim.Frame.Ip;
import netlab.sim.Frame.Udp;
import netlab.text.Text;

/**
 * The frames one lab action caused, in the order they were put on a cable, with the devices' notes between them
 * (a switch filtering, a router whose TTL ran out). Shown as a table like {@code PacketTrace}: each hop of a
 * routed packet is its own row, so the MAC columns change from hop to hop while the IP columns stay.
 */
public final class Trace implements Tabular {

    /** One line of the trace. */
    public sealed interface Row permits Frames, Note {
        int number();

        long micros();

        Row numbered(int n);
    }

    /** A frame put on the cable from {@code from} to {@code to}; {@code lost} when the lab's loss dropped it. */
    public record Frames(int number, long micros, Port from, Port to, Frame frame, boolean lost) implements Row {
        @Override
        public Row numbered(int n) {
            return new Frames(n, micros, from, to, frame, lost);
        }
    }

    /** Something a device did without sending a frame, in the student's words. */
    public record Note(int number, long micros, Device where, String text) implements Row {
        @Override
        public Row numbered(int n) {
            return new Note(n, micros, where, text);
        }
    }

    private final String action;
    private final List<Row> rows;

    Trace(String action, List<Row> rows) {
        this.action = action;
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The frames alone, in order. */
    public List<Frames> frames() {
        return rows.stream().filter(r -> r instanceof Frames).map(r -> (Frames) r).toList();
    }

    /** The notes alone, in order. */
    public List<Note> notes() {
        return rows.stream().filter(r -> r instanceof Note).map(r -> (Note) r).toList();
    }

    /** How many frames arrived at {@code device}'s NIC (a hub's victims hear frames not meant for them). */
    public long arrivedAt(Device device) {
        return frames().stream().filter(f -> !f.lost() && f.to().device() == device).count();
    }

    /** The frames of protocol {@code "ARP"}, {@code "ICMP"} or {@code "UDP"}. */
    public List<Frames> of(String protocol) {
        return frames().stream().filter(f -> f.frame().protocol().equals(protocol)).toList();
    }

    /** What one frame says, in words: "who has 192.168.1.2? tell 192.168.1.1", "echo request". */
    public static String describe(Frame f) {
        return switch (f.payload()) {
            case Arp a when a.request() -> Text.of("sim.info.arp-request", a.targetIp(), a.senderIp());
            case Arp a -> Text.of("sim.info.arp-reply", a.senderIp(), a.senderMac());
            case Ip ip -> switch (ip.body()) {
                case Icmp i -> Text.of("sim.info.icmp." + i.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), i.id());
                case Udp u -> Text.of("sim.info.udp", u.srcPort(), u.dstPort(), u.data());
            };
        };
    }

    @Override
    public Table table() {
        Table t = Table.captioned(action, "#", "ms", Text.of("sim.col.link"), Text.of("sim.col.src-mac"), Text.of("sim.col.dst-mac"),
                Text.of("sim.col.type"), Text.of("sim.col.src-ip"), Text.of("sim.col.dst-ip"), "TTL", Text.of("sim.col.info"));
        for (Row r : rows) {
            switch (r) {
                case Frames f -> {
                    Frame fr = f.frame();
                    String srcIp = fr.payload() instanceof Ip ip ? ip.src().toString() : "";
                    String dstIp = fr.payload() instanceof Ip ip ? ip.dst().toString() : "";
                    String ttl = fr.payload() instanceof Ip ip ? Integer.toString(ip.ttl()) : "";
                    String link = f.from() + " → " + f.to() + (f.lost() ? " ✗" : "");
                    String style = f.lost() ? "background:#fdd" : fr.payload() instanceof Arp ? "background:#ffe" : "";
                    t.row(f.number(), Lab.millis(f.micros()), Table.cell(link, style), fr.src(), fr.dst(), fr.protocol(), srcIp, dstIp, ttl,
                            describe(fr) + (f.lost() ? " (" + Text.of("sim.info.lost") + ")" : ""));
                }
                case Note n -> t.row(n.number(), Lab.millis(n.micros()), Table.cell(n.where().name(), "color:#666"), "", "", "", "", "", "",
                        Table.cell("⚑ " + n.text(), "color:#666"));
            }
        }
        return t;
    }

    /** The ladder diagram of these frames: one lane per device, in the order the devices first appear. */
    public Svg ladder() {
        List<String> lanes = new ArrayList<>();
        Ladder ladder = new Ladder(action);
        for (Row r : rows) {
            switch (r) {
                case Frames f -> {
                    int a = lane(lanes, f.from().device().name());
                    int b = lane(lanes, f.to().device().name());
                    String ttl = f.frame().payload() instanceof Ip ip ? "  ttl=" + ip.ttl() : "";
                    ladder.arrow(a, b, f.frame().protocol() + " " + describe(f.frame()) + ttl, f.lost(), f.frame().payload() instanceof Arp ? "#b58900" : "#268bd2");
                }
                case Note n -> ladder.note(lane(lanes, n.where().name()), n.text());
            }
        }
        return ladder.svg(lanes);
    }

    private static int lane(List<String> lanes, String name) {
        int i = lanes.indexOf(name);
        if (i < 0) {
            lanes.add(name);
            return lanes.size() - 1;
        }
        return i;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
