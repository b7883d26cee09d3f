package netlab.sim;

import netlab.text.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A box in the lab with numbered ports: a {@link Host}, {@link Hub}, {@link Switch} or {@link Router}. */
public abstract sealed class Device implements Endpoint permits Hub, Switch, IpNode {

    final Lab lab;
    private final String name;
    final List<Port> ports = new ArrayList<>();

    Device(Lab lab, String name) {
        this.lab = lab;
        this.name = name;
    }

    /** The name it was created with. Example: {@code lab.device("pc0").name()} is "pc0". */
    public String name() {
        return name;
    }

    /** Port {@code i}, counted from 0. */
    public Port port(int i) {
        if (i < 0 || i >= ports.size()) {
            throw new IllegalArgumentException(Text.of("sim.port.none", name, i, ports.size()));
        }
        return ports.get(i);
    }

    public List<Port> ports() {
        return Collections.unmodifiableList(ports);
    }

    /** The first port with no cable; hubs and switches grow a new one on demand. */
    @Override
    public Port freePort() {
        for (Port p : ports) {
            if (p.peer() == null) {
                return p;
            }
        }
        if (this instanceof IpNode) {
            throw new IllegalStateException(Text.of("sim.port.full", name));
        }
        return addPort();
    }

    Port addPort() {
        Port p = new Port(this, ports.size());
        ports.add(p);
        return p;
    }

    /** A frame arrived on {@code in}. */
    abstract void receive(Port in, Frame frame);

    /** "host", "hub", "switch" or "router": how the topology picture draws it. */
    abstract String kind();

    @Override
    public String toString() {
        return name;
    }
}
