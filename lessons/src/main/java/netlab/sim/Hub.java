package netlab.sim;

/**
 * A hub repeats every frame out of every other port: all stations share one collision domain and every NIC
 * sees every frame (its own MAC filter throws most of them away).
 */
public final class Hub extends Device {

    Hub(Lab lab, String name) {
        super(lab, name);
    }

    @Override
    void receive(Port in, Frame frame) {
        for (Port p : ports) {
            if (p != in) {
                lab.transmit(p, frame);
            }
        }
    }

    @Override
    String kind() {
        return "hub";
    }
}
