package netlab.sim;

/**
 * The seed's Packet Tracer topologies (§3.2–3.5), ready made, for when a cell wants the network rather than its
 * construction.
 *
 * <pre>{@code
 * Lab lab = Topologies.twoRouters();
 * ((Host) lab.device("pc0")).ping("192.168.3.2")   // reply from 192.168.3.2: ttl=62
 * }</pre>
 */
public final class Topologies {

    private Topologies() {
    }

    /** §3.2: pc0 192.168.1.1/24 and pc1 192.168.1.2/24 on one cable. */
    public static Lab twoPcs() {
        Lab lab = Lab.create();
        lab.link(lab.host("pc0", "192.168.1.1/24"), lab.host("pc1", "192.168.1.2/24"));
        return lab;
    }

    /** §3.3 and §3.4: three PCs 192.168.1.1–3/24 on one hub ({@code hub = true}) or one switch. */
    public static Lab shared(boolean hub) {
        Lab lab = Lab.create();
        Device middle = hub ? lab.hub("hub0") : lab.sw("sw0");
        for (int i = 0; i < 3; i++) {
            lab.link(lab.host("pc" + i, "192.168.1." + (i + 1) + "/24"), middle);
        }
        return lab;
    }

    /**
     * §3.5: pc0 192.168.1.1 and pc1 .2 on sw0 behind router0 (192.168.1.254, 192.168.2.1); pc2 192.168.3.1 and
     * pc3 .2 on sw1 behind router1 (192.168.3.254, 192.168.2.2); static routes both ways.
     */
    public static Lab twoRouters() {
        Lab lab = Lab.create();
        Host pc0 = lab.host("pc0", "192.168.1.1/24", "192.168.1.254");
        Host pc1 = lab.host("pc1", "192.168.1.2/24", "192.168.1.254");
        Host pc2 = lab.host("pc2", "192.168.3.1/24", "192.168.3.254");
        Host pc3 = lab.host("pc3", "192.168.3.2/24", "192.168.3.254");
        Switch sw0 = lab.sw("sw0");
        Switch sw1 = lab.sw("sw1");
        Router r0 = lab.router("router0", "192.168.1.254/24", "192.168.2.1/24");
        Router r1 = lab.router("router1", "192.168.3.254/24", "192.168.2.2/24");
        lab.link(pc0, sw0).link(pc1, sw0).link(sw0, r0.port(0));
        lab.link(pc2, sw1).link(pc3, sw1).link(sw1, r1.port(0));
        lab.link(r0.port(1), r1.port(1));
        r0.route("192.168.3.0/24", "192.168.2.2");
        r1.route("192.168.1.0/24", "192.168.2.1");
        return lab;
    }
}
