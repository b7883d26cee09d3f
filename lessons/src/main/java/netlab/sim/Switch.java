package netlab.sim;

import netlab.text.Text;

/**
 * A learning switch. For each frame: remember the source MAC behind the ingress port; then send a broadcast or
 * an unknown destination out of every other port (flood), a known destination out of its one port, and drop a
 * frame whose destination sits behind the port it came in on (filter).
 *
 * <pre>{@code
 * Switch sw = lab.sw("sw0");
 * ... pc0.ping("192.168.1.2");
 * sw.macTable()      // two entries: pc0's MAC on port 0, pc1's on port 1
 * }</pre>
 */
public final class Switch extends Device {

    private final MacTable table = new MacTable();

    Switch(Lab lab, String name) {
        super(lab, name);
    }

    /** What this switch has learned so far. */
    public MacTable macTable() {
        table.expire(lab.nowMicros());
        return table;
    }

    /** Sets how long an unused entry is kept (default 300 s). */
    public Switch agingSeconds(long seconds) {
        table.agingSeconds(seconds);
        return this;
    }

    @Override
    void receive(Port in, Frame frame) {
        table.learn(frame.src(), in.index(), lab.nowMicros());
        int out = frame.dst().isBroadcast() ? -1 : table.lookup(frame.dst(), lab.nowMicros());
        if (out == in.index()) {
            lab.note(this, Text.of("sim.note.filtered", frame.dst(), out));
            return;
        }
        for (Port p : ports) {
            if (p != in && (out < 0 || p.index() == out)) {
                lab.transmit(p, frame);
            }
        }
    }

    @Override
    String kind() {
        return "switch";
    }
}
