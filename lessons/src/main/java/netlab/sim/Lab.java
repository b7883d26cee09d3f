package netlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import netlab.display.Displayable;
import netlab.display.Svg;
import netlab.ip.Ipv4;
import netlab.text.Text;

/**
 * A small network you build in a cell: hosts, hubs, switches and routers joined by cables, run as a deterministic
 * discrete-event simulation. Each action ({@code ping}, a poisoning, a traceroute probe) records the frames it
 * caused, in order, as the lab's {@link #trace()}.
 *
 * <pre>{@code
 * Lab lab = Lab.create();
 * Host pc0 = lab.host("pc0", "192.168.1.1/24");
 * Host pc1 = lab.host("pc1", "192.168.1.2/24");
 * lab.link(pc0, pc1);
 * pc0.ping("192.168.1.2")    // reply from 192.168.1.2: ttl=64
 * lab.trace()                // ARP request (broadcast), ARP reply, echo request, echo reply
 * }</pre>
 *
 * Every cable takes 1 ms; randomness (only {@link #loss}) comes from the seed, so a run is reproducible.
 * Not thread safe: one cell drives one lab.
 */
public final class Lab implements Displayable {

    /** A run that moves more frames than this is stopped: a switching loop floods forever without STP. */
    static final int FRAME_LIMIT = 2_000;
    static final long LINK_MICROS = 1_000;

    private record Event(long at, long order, Runnable action) {
    }

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<Port[]> cables = new ArrayList<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final Random random;
    private long now;
    private long order;
    private int macs;
    private double loss;
    private Trace trace = new Trace("", List.of());
    private List<Trace.Row> rows = new ArrayList<>();
    private String action = "";
    private int framesThisRun;

    private Lab(long seed) {
        this.random = new Random(seed);
    }

    /** An empty lab with seed 1. */
    public static Lab create() {
        return new Lab(1);
    }

    /** An empty lab whose random choices (frame loss) follow {@code seed}. */
    public static Lab create(long seed) {
        return new Lab(seed);
    }

    /** A PC with address and prefix, no gateway: {@code lab.host("pc0", "192.168.1.1/24")}. */
    public Host host(String name, String cidr) {
        return add(new Host(this, name, cidr));
    }

    /** A PC with a default gateway: {@code lab.host("pc0", "192.168.1.1/24", "192.168.1.254")}. */
    public Host host(String name, String cidr, String gateway) {
        return host(name, cidr).gateway(gateway);
    }

    public Hub hub(String name) {
        return add(new Hub(this, name));
    }

    /** A learning switch ({@code switch} is a Java keyword, hence the short name). */
    public Switch sw(String name) {
        return add(new Switch(this, name));
    }

    /** A router with one port per address, in order: {@code lab.router("r0", "192.168.1.254/24", "192.168.2.1/24")}. */
    public Router router(String name, String... cidrs) {
        return add(new Router(this, name, cidrs));
    }

    private <D extends Device> D add(D d) {
        if (devices.putIfAbsent(d.name(), d) != null) {
            throw new IllegalArgumentException(Text.of("sim.device.exists", d.name()));
        }
        return d;
    }

    /** A cable between two devices (their next free ports) or two given ports ({@code r0.port(1)}). */
    public Lab link(Endpoint a, Endpoint b) {
        Port pa = a.freePort();
        Port pb = b.freePort();
        if (pa.device() == pb.device()) {
            throw new IllegalArgumentException(Text.of("sim.link.self", pa.device()));
        }
        pa.plug(pb);
        pb.plug(pa);
        cables.add(new Port[] {pa, pb});
        return this;
    }

    /** Drops each frame with probability {@code p} (0 to 1), decided by the lab's seeded random numbers. */
    public Lab loss(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(Text.of("sim.loss.range", p));
        }
        loss = p;
        return this;
    }

    /** The device called {@code name}. */
    public Device device(String name) {
        Device d = devices.get(name);
        if (d == null) {
            throw new IllegalArgumentException(Text.of("sim.device.none", name, devices.keySet()));
        }
        return d;
    }

    /** Every device, in the order it was added. Example: {@code lab.devices().size()}. */
    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** The hosts, in the order they were added. */
    public List<Host> hosts() {
        return devices.values().stream().filter(d -> d instanceof Host).map(d -> (Host) d).toList();
    }

    /** The cables, each as its two ports. */
    public List<List<Port>> cables() {
        return cables.stream().map(List::of).toList();
    }

    /** The frames (and notes) of the last action. */
    public Trace trace() {
        return trace;
    }

    /** The topology as a picture: devices, cables, port numbers and addresses. */
    public Svg show() {
        return Topology.draw(this);
    }

    /** A lab shown in a notebook is its topology's picture ({@link #show()}); an empty one says how to fill it. */
    @Override
    public Map<String, String> mimeBundle() {
        return devices.isEmpty() ? Map.of("text/plain", Text.of("sim.lab.empty")) : show().mimeBundle();
    }

    /** Its devices and cables, one a line: {@code pc0/0 ── sw0/0}, {@code host pc0 192.168.1.1/24}. */
    @Override
    public String toString() {
        return mimeBundle().get("text/plain");
    }

    /** The last action's frames as a ladder (sequence) diagram: one lane per device, one arrow per frame. */
    public Svg ladder() {
        return trace.ladder();
    }

    /** Lets {@code seconds} of simulated time pass (switch entries age, ARP waits time out). */
    public Lab advance(double seconds) {
        long until = now + (long) (seconds * 1_000_000);
        while (!events.isEmpty() && events.peek().at <= until) {
            step();
        }
        now = until;
        return this;
    }

    /**
     * Traceroute as Linux does it, made visible: probes with TTL 1, 2, 3 … until the target answers; each router
     * whose TTL runs out answers "time exceeded" and so reveals itself.
     */
    public Traceroute traceroute(Host from, String dst) {
        List<Ping> hops = new ArrayList<>();
        List<Trace.Row> all = new ArrayList<>();
        for (int ttl = 1; ttl <= 16; ttl++) {
            Ping p = from.ping(dst, ttl);
            hops.add(p);
            all.addAll(trace.rows());
            if (p.outcome() != Ping.Outcome.TIME_EXCEEDED) {
                break;
            }
        }
        trace = new Trace(Text.of("sim.action.traceroute", from.name(), dst), renumber(all));
        return new Traceroute(from.ip(), Ipv4.parse(dst), hops);
    }

    private static List<Trace.Row> renumber(List<Trace.Row> rows) {
        List<Trace.Row> out = new ArrayList<>();
        for (Trace.Row r : rows) {
            out.add(r.numbered(out.size() + 1));
        }
        return out;
    }

    // --- the engine devices call -------------------------------------------------------------------------------

    long nowMicros() {
        return now;
    }

    Mac nextMac() {
        return Mac.of(++macs);
    }

    /** Starts recording a new action's trace. */
    void begin(String what) {
        action = what;
        rows = new ArrayList<>();
        framesThisRun = 0;
    }

    /** Puts {@code frame} on the cable at {@code out}; it arrives at the other end 1 ms later, unless lost. */
    void transmit(Port out, Frame frame) {
        Port in = out.peer();
        if (in == null) {
            note(out.device(), Text.of("sim.note.no-cable", out));
            return;
        }
        if (++framesThisRun > FRAME_LIMIT) {
            if (framesThisRun == FRAME_LIMIT + 1) {
                note(out.device(), Text.of("sim.note.storm", FRAME_LIMIT));
            }
            return;
        }
        boolean lost = loss > 0 && random.nextDouble() < loss;
        rows.add(new Trace.Frames(rows.size() + 1, now, out, in, frame, lost));
        if (!lost) {
            after(LINK_MICROS, () -> in.device().receive(in, frame));
        }
    }

    void note(Device where, String text) {
        rows.add(new Trace.Note(rows.size() + 1, now, where, text));
    }

    void after(long micros, Runnable action) {
        events.add(new Event(now + micros, order++, action));
    }

    /** Runs events until none is left (ARP timeouts included), then publishes the trace. */
    void runUntilQuiet() {
        while (!events.isEmpty()) {
            step();
        }
        trace = new Trace(action, rows);
    }

    private void step() {
        Event e = events.poll();
        now = Math.max(now, e.at);
        if (framesThisRun > FRAME_LIMIT) {
            return; // a storm: the remaining frames are dropped unseen
        }
        e.action.run();
    }

    /** {@code micros} as milliseconds with three decimals: the time column of traces and tables. */
    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
    }
}
