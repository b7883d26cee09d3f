package netlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import netlab.net.TcpState;
import org.junit.jupiter.api.Test;

/** Each reader against what iproute2 says about the same kernel state at the same moment. */
class LiveReadersTest {

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    static boolean hasIp() {
        return Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip"));
    }

    @Test
    void interfacesMatchIpLink() throws Exception {
        assumeTrue(hasIp(), "iproute2 is not installed");
        Map<String, Integer> mtu = new TreeMap<>();
        for (String line : run("ip", "-o", "link").lines().toList()) {
            String[] f = line.split(":\\s+|\\s+");
            String name = line.split(": ")[1].split("@")[0];
            for (int i = 0; i < f.length - 1; i++) {
                if (f[i].equals("mtu")) {
                    mtu.put(name, Integer.parseInt(f[i + 1]));
                }
            }
        }
        Interfaces nics = Interfaces.read();
        assertTrue(nics.nics().stream().anyMatch(n -> n.name().equals("lo")));
        for (Interfaces.Nic n : nics.nics()) {
            assertEquals(mtu.get(n.name()), n.mtu(), n.name());
        }
        assertTrue(nics.nic("lo").addresses().contains("127.0.0.1/8"), nics.nic("lo").toString());
    }

    @Test
    void neighboursMatchIpNeigh() throws Exception {
        assumeTrue(hasIp(), "iproute2 is not installed");
        Set<String> fromIp = new TreeSet<>();
        for (String line : run("ip", "-4", "neigh").lines().toList()) {
            String[] f = line.split("\\s+");
            for (int i = 0; i < f.length - 1; i++) {
                if (f[i].equals("lladdr")) {
                    fromIp.add(f[0] + " " + f[i + 1]);
                }
            }
        }
        Set<String> ours = new TreeSet<>();
        NeighborTable.read().entries().stream().filter(NeighborTable.Entry::complete).forEach(e -> ours.add(e.ip() + " " + e.mac()));
        assertTrue(fromIp.containsAll(ours), "ip neigh " + fromIp + " vs /proc/net/arp " + ours);
    }

    @Test
    void routesAndLookupsMatchIpRoute() throws Exception {
        assumeTrue(hasIp(), "iproute2 is not installed");
        RouteTable routes = RouteTable.read();
        Set<String> fromIp = new TreeSet<>();
        for (String line : run("ip", "-4", "route", "show", "table", "main").lines().toList()) {
            String[] f = line.trim().split("\\s+");
            String dst = f[0].equals("default") ? "0.0.0.0/0" : f[0].contains("/") ? f[0] : f[0] + "/32";
            String via = line.contains(" via ") ? line.replaceAll(".* via (\\S+).*", "$1") : "-";
            String dev = line.replaceAll(".* dev (\\S+).*", "$1");
            fromIp.add(dst + " " + via + " " + dev);
        }
        Set<String> ours = new TreeSet<>();
        routes.entries().forEach(e -> ours.add(e.destination() + " " + e.gateway().map(Object::toString).orElse("-") + " " + e.device()));
        assertEquals(fromIp, ours);
        for (String target : new String[] {"8.8.8.8", "127.0.0.1"}) {
            String got = run("ip", "-4", "route", "get", target).lines().findFirst().orElseThrow();
            if (got.startsWith("local")) {
                continue; // the local table answers for 127/8; /proc/net/route shows only the main table
            }
            var chosen = routes.lookup(target).orElseThrow();
            assertEquals(got.contains(" via ") ? got.replaceAll(".* via (\\S+).*", "$1") : "-",
                    chosen.gateway().map(Object::toString).orElse("-"), got);
            assertEquals(got.replaceAll(".* dev (\\S+).*", "$1"), chosen.device(), got);
        }
    }

    @Test
    void routeFileParsesLittleEndianHex() {
        RouteTable t = RouteTable.parse("""
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth0	00000000	010200C0	0003	0	0	0	00000000	0	0	0
                eth0	000200C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
                eth0	0003A8C0	FE02A8C0	0003	0	0	0	00FFFFFF	0	0	0
                """);
        assertEquals("192.0.2.0/24 dev eth0", t.lookup("192.0.2.77").orElseThrow().toString());
        assertEquals("0.0.0.0/0 via 192.0.2.1 dev eth0", t.lookup("8.8.8.8").orElseThrow().toString());
        assertEquals("192.168.3.0/24 via 192.168.2.254 dev eth0", t.lookup("192.168.3.9").orElseThrow().toString());
    }

    @Test
    void snmpCountsOneLoopbackConnection() throws Exception {
        Snmp before = Snmp.read();
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Socket c = new Socket(InetAddress.getLoopbackAddress(), s.getLocalPort());
             Socket served = s.accept()) {
            c.getOutputStream().write(1);
        }
        Snmp after = Snmp.read();
        assertTrue(after.get("Tcp.ActiveOpens") >= before.get("Tcp.ActiveOpens") + 1);
        assertTrue(after.get("Tcp.PassiveOpens") >= before.get("Tcp.PassiveOpens") + 1);
        assertTrue(after.since(before, "Tcp.").cells().stream().anyMatch(r -> r.getFirst().equals("Tcp.ActiveOpens")));
        // nstat reads the same file: its figure lies between two of our readings
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/nstat")) || Files.isExecutable(Path.of("/usr/sbin/nstat")));
        long low = Snmp.read().get("Tcp.ActiveOpens");
        String nstat = run("nstat", "-a", "-z", "-s", "TcpActiveOpens");
        long high = Snmp.read().get("Tcp.ActiveOpens");
        long theirs = Long.parseLong(nstat.lines().filter(l -> l.startsWith("TcpActiveOpens")).findFirst().orElseThrow().trim().split("\\s+")[1]);
        assertTrue(low <= theirs && theirs <= high, low + " <= " + theirs + " <= " + high);
    }

    @Test
    void synSentHalfCloseAndTimeWaitAppearInTheSocketTable() {
        TcpStates.Snapshot syn = TcpStates.synSent();
        assertTrue(syn.has(TcpState.SYN_SENT), syn.table().text());
        TcpStates.Snapshot half = TcpStates.halfClosed();
        assertEquals(java.util.List.of(TcpState.CLOSE_WAIT), half.statesAt(half.port()).stream().filter(s -> s != TcpState.LISTEN).toList(), half.table().text());
        assertTrue(half.has(TcpState.FIN_WAIT2), half.table().text());
        TcpStates.Snapshot who = TcpStates.whoWaits();
        assertEquals(2, who.rows().stream().filter(e -> e.state() == TcpState.TIME_WAIT).count(), who.table().text());
        assertTrue(who.statesAt(who.port()).contains(TcpState.TIME_WAIT), "the server closed the 2nd connection first");
    }
}
