package netlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.ip.Ipv4;
import org.junit.jupiter.api.Test;

/** The seed's own topologies (§3.2–3.5) against answers worked out by hand. */
class LabTest {

    @Test
    void twoPcsOnOneCableArpThenEcho() {
        Lab lab = Lab.create();
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Host pc1 = lab.host("pc1", "192.168.1.2/24");
        lab.link(pc0, pc1);
        Ping p = pc0.ping("192.168.1.2");
        assertTrue(p.replied(), p.toString());
        assertEquals(64, p.ttl());
        List<Trace.Frames> f = lab.trace().frames();
        assertEquals(List.of("ARP", "ARP", "ICMP", "ICMP"), f.stream().map(x -> x.frame().protocol()).toList());
        assertEquals(Mac.BROADCAST, f.get(0).frame().dst());
        assertEquals(pc0.mac(), f.get(1).frame().dst());
        assertEquals(pc1.mac(), pc0.arp().get("192.168.1.2").orElseThrow());
        assertEquals(pc0.mac(), pc1.arp().get("192.168.1.1").orElseThrow(), "the request taught pc1 pc0's MAC");
        // a second ping needs no ARP
        pc0.ping("192.168.1.2");
        assertEquals(2, lab.trace().frames().size());
    }

    /** A lab a cell shows is its topology's picture; its text says the same, kinds in the student's words. */
    @Test
    void aLabShowsItsTopology() {
        Lab lab = Lab.create();
        assertTrue(lab.toString().startsWith("an empty lab: add devices with lab.host(...)"), lab.toString());
        assertEquals(java.util.Set.of("text/plain"), lab.mimeBundle().keySet());
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Switch sw0 = lab.sw("sw0");
        lab.link(pc0, sw0);
        assertEquals(lab.show().mimeBundle(), lab.mimeBundle());
        assertTrue(lab.mimeBundle().get("image/svg+xml").startsWith("<svg"));
        assertEquals("pc0/0 ── sw0/0\nswitch sw0\nhost pc0 192.168.1.1/24", lab.toString());
        netlab.text.Lang.use(netlab.text.Lang.ZH);
        try {
            assertEquals("pc0/0 ── sw0/0\n交换机 sw0\n主机 pc0 192.168.1.1/24", lab.toString());
        } finally {
            netlab.text.Lang.use(netlab.text.Lang.EN);
        }
    }

    @Test
    void anotherSubnetWithoutGatewayIsNoRoute() {
        Lab lab = Lab.create();
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Host pc1 = lab.host("pc1", "192.168.1.2/24");
        lab.link(pc0, pc1);
        pc1.setAddress("192.168.2.2/24");
        Ping p = pc0.ping("192.168.2.2");
        assertEquals(Ping.Outcome.NET_UNREACHABLE, p.outcome());
        assertTrue(lab.trace().frames().isEmpty(), "nothing is sent without a route");
    }

    @Test
    void aHubRepeatsEveryFrameToEveryOtherPort() {
        Lab lab = Lab.create();
        Hub hub = lab.hub("hub0");
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Host pc1 = lab.host("pc1", "192.168.1.2/24");
        Host pc2 = lab.host("pc2", "192.168.1.3/24");
        lab.link(pc0, hub).link(pc1, hub).link(pc2, hub);
        assertTrue(pc0.ping("192.168.1.2").replied());
        // 4 frames, each into the hub and out to 2 ports: pc2 hears all 4 (one ARP for it, three not)
        assertEquals(4, lab.trace().arrivedAt(pc2));
        assertEquals(12, lab.trace().frames().size());
        assertEquals(3, lab.trace().notes().stream().filter(n -> n.where() == pc2).count());
    }

    @Test
    void aSwitchFloodsTheFirstFrameThenLearns() {
        Lab lab = Lab.create();
        Switch sw = lab.sw("sw0");
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Host pc1 = lab.host("pc1", "192.168.1.8/24");
        Host pc2 = lab.host("pc2", "192.168.1.9/24");
        lab.link(pc0, sw).link(pc1, sw).link(pc2, sw);
        pc0.ping("192.168.1.8");
        // the ARP broadcast reaches pc2; nothing after it does
        assertEquals(1, lab.trace().arrivedAt(pc2));
        assertEquals(0, sw.macTable().portOf(pc0.mac()));
        assertEquals(1, sw.macTable().portOf(pc1.mac()));
        assertEquals(-1, sw.macTable().portOf(pc2.mac()));
        pc0.ping("192.168.1.8");
        assertEquals(0, lab.trace().arrivedAt(pc2));
        assertEquals(4, lab.trace().frames().size(), "echo request and reply, each in and out of the switch");
        lab.advance(301);
        assertEquals(0, sw.macTable().size(), "entries age out after 300 s");
    }

    static Lab seedRouters() {
        return Topologies.twoRouters();
    }

    @Test
    void twoRoutersMacsChangePerHopIpsDoNotTtlDrops() {
        Lab lab = seedRouters();
        Host pc0 = (Host) lab.device("pc0");
        Ping p = pc0.ping("192.168.3.2");
        assertTrue(p.replied(), p.toString());
        assertEquals(62, p.ttl(), "64 − 2 routers");
        List<Trace.Frames> requests = lab.trace().frames().stream()
                .filter(f -> f.frame().payload() instanceof Frame.Ip ip && ip.body() instanceof Frame.Icmp i
                        && i.type() == Frame.IcmpType.ECHO_REQUEST).toList();
        // pc0→sw0, sw0→r0, r0→r1, r1→sw1, sw1→pc3
        assertEquals(5, requests.size());
        assertEquals(List.of(64, 64, 63, 62, 62), requests.stream().map(f -> ((Frame.Ip) f.frame().payload()).ttl()).toList());
        assertEquals(1, requests.stream().map(f -> ((Frame.Ip) f.frame().payload()).src()).distinct().count());
        assertEquals(3, requests.stream().map(f -> f.frame().src()).distinct().count(), "pc0, router0/1, router1/0");
        assertEquals(Ipv4.parse("192.168.1.254"), pc0.arp().entries().keySet().iterator().next(),
                "pc0 ARPs for its gateway, never for pc3");
        assertEquals(List.of("192.168.1.254", "192.168.2.2", "192.168.3.2"),
                lab.traceroute(pc0, "192.168.3.2").hops());
    }

    @Test
    void aMissingRouteIsNetUnreachableFromTheRouter() {
        Lab lab = seedRouters();
        ((Router) lab.device("router0")).removeRoute("192.168.3.0/24");
        Ping p = ((Host) lab.device("pc0")).ping("192.168.3.2");
        assertEquals(Ping.Outcome.NET_UNREACHABLE, p.outcome());
        assertEquals("192.168.1.254", p.responder().orElseThrow().toString());
    }

    @Test
    void aRoutingLoopEndsInTimeExceeded() {
        Lab lab = seedRouters();
        Router r1 = (Router) lab.device("router1");
        r1.removeRoute("192.168.1.0/24");
        ((Router) lab.device("router0")).route("192.168.9.0/24", "192.168.2.2");
        r1.route("192.168.9.0/24", "192.168.2.1");
        r1.route("192.168.1.0/24", "192.168.2.1");
        Ping p = ((Host) lab.device("pc0")).ping("192.168.9.9");
        assertEquals(Ping.Outcome.TIME_EXCEEDED, p.outcome());
        long bounces = lab.trace().frames().stream().filter(f -> f.from().device() instanceof Router && f.to().device() instanceof Router).count();
        assertTrue(bounces >= 60, "the packet crosses the router link ~63 times: " + bounces);
    }

    @Test
    void aWrongGatewayAndAWrongMaskFailDifferently() {
        Lab lab = seedRouters();
        Host pc0 = (Host) lab.device("pc0");
        pc0.gateway("192.168.1.253");
        assertEquals(Ping.Outcome.HOST_UNREACHABLE, pc0.ping("192.168.3.2").outcome());
        pc0.gateway("192.168.1.254").setAddress("192.168.1.1/16");
        // pc0 now thinks 192.168.3.2 is on its own wire and ARPs for it: nobody answers
        assertEquals(Ping.Outcome.HOST_UNREACHABLE, pc0.ping("192.168.3.2").outcome());
        assertEquals("192.168.3.2", ((Frame.Arp) lab.trace().frames().getFirst().frame().payload()).targetIp().toString());
    }

    @Test
    void aDuplicateIpLetsTheLastReplyWin() {
        Lab lab = Lab.create();
        Switch sw = lab.sw("sw0");
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Host a = lab.host("a", "192.168.1.7/24");
        Host b = lab.host("b", "192.168.1.7/24");
        lab.link(pc0, sw).link(a, sw).link(b, sw);
        pc0.ping("192.168.1.7");
        assertEquals(2, lab.trace().frames().stream().filter(f -> f.frame().payload() instanceof Frame.Arp r && !r.request()
                && f.to().device() == pc0).count(), "two hosts answer the ARP request");
    }

    @Test
    void aSwitchingLoopIsStoppedAsAStorm() {
        Lab lab = Lab.create();
        Switch s0 = lab.sw("s0");
        Switch s1 = lab.sw("s1");
        Host pc0 = lab.host("pc0", "10.0.0.1/24");
        lab.link(pc0, s0).link(s0, s1).link(s0, s1);
        pc0.ping("10.0.0.2");
        assertEquals(Lab.FRAME_LIMIT, lab.trace().frames().size());
        assertFalse(lab.trace().notes().isEmpty());
    }

    @Test
    void lossIsReproducibleFromTheSeed() {
        List<Ping.Outcome> first = lossyPings(7);
        assertEquals(first, lossyPings(7));
        assertTrue(first.contains(Ping.Outcome.TIMEOUT) && first.contains(Ping.Outcome.REPLY), first.toString());
    }

    private static List<Ping.Outcome> lossyPings(long seed) {
        Lab lab = Lab.create(seed).loss(0.2);
        Host pc0 = lab.host("pc0", "192.168.1.1/24");
        Host pc1 = lab.host("pc1", "192.168.1.2/24");
        lab.link(pc0, pc1);
        return java.util.stream.IntStream.range(0, 12).mapToObj(i -> pc0.ping("192.168.1.2").outcome()).toList();
    }

    @Test
    void arpPoisoningPutsTheAttackerInTheMiddle() {
        Lab lab = seedRouters();
        Host pc0 = (Host) lab.device("pc0");
        Host pc1 = (Host) lab.device("pc1");
        pc0.ping("192.168.3.2");
        pc1.forwarding(true).gateway("192.168.1.254");
        pc1.ping("192.168.1.254");
        pc1.poison(pc0, "192.168.1.254");
        assertEquals(pc1.mac(), pc0.arp().get("192.168.1.254").orElseThrow());
        Ping p = pc0.ping("192.168.3.2");
        assertTrue(p.replied(), "the attacker forwards, so the victim notices nothing: " + p);
        assertTrue(lab.trace().frames().stream().anyMatch(f -> f.to().device() == pc1 && f.frame().payload() instanceof Frame.Ip));
        assertEquals(62, p.ttl(), "only pc0→gateway is poisoned: the reply comes straight from router0 (poison router0 too for both directions)");
    }

    @Test
    void picturesAndTablesRender() {
        Lab lab = seedRouters();
        ((Host) lab.device("pc0")).ping("192.168.3.2");
        assertTrue(lab.show().svg().startsWith("<svg"));
        assertTrue(lab.show().svg().contains("router1"));
        assertTrue(lab.ladder().svg().contains("pc3"));
        assertTrue(lab.trace().table().text().contains("192.168.3.2"));
    }
}
