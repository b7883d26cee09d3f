package netlab.sim;

import netlab.text.Text;

/**
 * One port of a device; a cable ({@link Lab#link}) joins two ports. Example: {@code lab.link(r0.port(1), r1.port(1))}.
 */
public final class Port implements Endpoint {

    private final Device device;
    private final int index;
    private Port peer;

    Port(Device device, int index) {
        this.device = device;
        this.index = index;
    }

    public Device device() {
        return device;
    }

    public int index() {
        return index;
    }

    /** The port at the other end of the cable, or null while nothing is plugged in. */
    public Port peer() {
        return peer;
    }

    void plug(Port other) {
        if (peer != null) {
            throw new IllegalStateException(Text.of("sim.port.taken", this));
        }
        peer = other;
    }

    @Override
    public Port freePort() {
        if (peer != null) {
            throw new IllegalStateException(Text.of("sim.port.taken", this));
        }
        return this;
    }

    @Override
    public String toString() {
        return device.name() + "/" + index;
    }
}
