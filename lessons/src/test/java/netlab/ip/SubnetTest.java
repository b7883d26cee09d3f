package netlab.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class SubnetTest {

    private static final long ALL = 0xFFFF_FFFFL;

    /** Every prefix /0–/32 with random addresses (fixed seed), checked against plain long arithmetic. */
    @Test
    void everyPrefixMatchesPlainBitArithmetic() {
        Random random = new Random(2024);
        for (int p = 0; p <= 32; p++) {
            for (int i = 0; i < 200; i++) {
                long addr = random.nextLong(ALL + 1);
                long size = 1L << (32 - p);
                long network = addr / size * size; // clearing host bits by division, not by masks
                long broadcast = network + size - 1;
                Subnet s = Ipv4.ofLong(addr).in(p);
                assertEquals(network, s.network().toLong(), s + " network");
                assertEquals(broadcast, s.broadcast().toLong(), s + " broadcast");
                assertEquals(size, s.size());
                long hosts = p == 32 ? 1 : p == 31 ? 2 : size - 2;
                assertEquals(hosts, s.hostCount(), s + " hosts");
                assertEquals(p >= 31 ? network : network + 1, s.firstHost().toLong());
                assertEquals(p >= 31 ? broadcast : broadcast - 1, s.lastHost().toLong());
                assertTrue(s.contains(Ipv4.ofLong(addr)));
                if (network > 0) {
                    assertFalse(s.contains(Ipv4.ofLong(network - 1)));
                }
                if (broadcast < ALL) {
                    assertFalse(s.contains(Ipv4.ofLong(broadcast + 1)));
                }
                assertEquals(s, Subnet.parse(s.network() + "/" + p));
                assertEquals(s, Subnet.parse(Ipv4.ofLong(addr) + " " + s.mask()));
                long other = random.nextLong(ALL + 1);
                assertEquals(addr / size == other / size, Subnet.sameSubnet(Ipv4.ofLong(addr), Ipv4.ofLong(other), s.mask()));
            }
        }
    }

    @Test
    void seedExample255_255_255_0Gives254Hosts() {
        Subnet s = Subnet.parse("192.168.1.1 255.255.255.0");
        assertEquals("192.168.1.0/24", s.toString());
        assertEquals(254, s.hostCount());
        assertEquals("192.168.1.255", s.broadcast().toString());
        assertEquals("192.168.1.1", s.firstHost().toString());
        assertEquals("192.168.1.254", s.lastHost().toString());
        // the seed's two PCs 192.168.1.1/255.255.255.0 and 192.168.1.8/255.255.255.0 talk directly
        assertTrue(Subnet.sameSubnet(Ipv4.parse("192.168.1.1"), Ipv4.parse("192.168.1.8"), Mask.parse("255.255.255.0")));
        // the university of 1500 PCs in the seed uses 255.255.0.0
        assertEquals(65534, Subnet.parse("172.20.0.0/255.255.0.0").hostCount());
    }

    @Test
    void hostsListsEveryUsableAddress() {
        List<Ipv4> hosts = Subnet.parse("10.0.0.0/29").hosts();
        assertEquals(6, hosts.size());
        assertEquals("10.0.0.1", hosts.getFirst().toString());
        assertEquals("10.0.0.6", hosts.getLast().toString());
        assertEquals(List.of(Ipv4.parse("10.0.0.4"), Ipv4.parse("10.0.0.5")), Subnet.parse("10.0.0.4/31").hosts());
        assertEquals(List.of(Ipv4.parse("10.0.0.9")), Subnet.parse("10.0.0.9/32").hosts());
        assertEquals(16_777_214, Subnet.parse("10.0.0.0/8").hosts().size());
        assertThrows(IllegalStateException.class, () -> Subnet.parse("0.0.0.0/0").hosts());
    }

    @Test
    void splitAndSubnetsTileTheParentExactly() {
        Random random = new Random(7);
        for (int p = 0; p <= 32; p++) {
            Subnet parent = Ipv4.ofLong(random.nextLong(ALL + 1)).in(p);
            for (int extra = 0; extra <= Math.min(6, 32 - p); extra++) {
                List<Subnet> parts = parent.subnets(p + extra);
                assertEquals(1 << extra, parts.size());
                long expectedStart = parent.network().toLong();
                for (Subnet part : parts) {
                    assertEquals(expectedStart, part.network().toLong());
                    assertTrue(parent.contains(part));
                    expectedStart += part.size();
                }
                assertEquals(parent.broadcast().toLong() + 1, expectedStart);
            }
        }
        assertEquals("[192.168.1.0/26, 192.168.1.64/26, 192.168.1.128/26, 192.168.1.192/26]",
                Subnet.parse("192.168.1.0/24").split(4).toString());
        assertEquals(4, Subnet.parse("192.168.1.0/24").split(3).size());
        assertEquals("192.168.1.0/24 cannot be split into 512 subnets: that needs 9 more network bits but only 8 host bits are left",
                assertThrows(IllegalArgumentException.class, () -> Subnet.parse("192.168.1.0/24").split(512)).getMessage());
        assertEquals("192.168.1.0/24 can only be divided into prefixes /24–/32, not /16",
                assertThrows(IllegalArgumentException.class, () -> Subnet.parse("192.168.1.0/24").subnets(16)).getMessage());
    }

    @Test
    void summarizeCoversExactlyTheSameAddressesWithTheFewestPrefixes() {
        assertEquals("[10.0.0.0/23, 10.0.2.0/24]", Subnet.summarize(Subnet.parse("10.0.0.0/24"),
                Subnet.parse("10.0.1.0/24"), Subnet.parse("10.0.2.0/24")).toString());
        assertEquals("[192.168.0.0/22]", Subnet.summarize(Subnet.parse("192.168.3.0/24"), Subnet.parse("192.168.1.0/24"),
                Subnet.parse("192.168.0.0/24"), Subnet.parse("192.168.2.0/24"), Subnet.parse("192.168.2.128/25")).toString());
        assertEquals("[0.0.0.0/0]", Subnet.summarize(Subnet.parse("0.0.0.0/1"), Subnet.parse("128.0.0.0/1")).toString());
        // property: random sets of small blocks inside a /20; compare the covered address sets
        Random random = new Random(99);
        for (int round = 0; round < 200; round++) {
            List<Subnet> input = new ArrayList<>();
            TreeSet<Long> covered = new TreeSet<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                Subnet s = Ipv4.ofLong(0x0A000000L + random.nextInt(4096)).in(24 + random.nextInt(9));
                input.add(s);
                for (long a = s.network().toLong(); a <= s.broadcast().toLong(); a++) covered.add(a);
            }
            List<Subnet> summary = Subnet.summarize(input);
            TreeSet<Long> got = new TreeSet<>();
            for (Subnet s : summary) {
                for (long a = s.network().toLong(); a <= s.broadcast().toLong(); a++) assertTrue(got.add(a), "overlap in " + summary);
            }
            assertEquals(covered, got, input.toString());
            // fewest: no two output blocks could merge into one prefix
            for (int i = 0; i + 1 < summary.size(); i++) {
                Subnet a = summary.get(i), b = summary.get(i + 1);
                boolean mergeable = a.prefix() == b.prefix() && a.prefix() > 0
                        && a.network().toLong() + a.size() == b.network().toLong() && a.network().toLong() % (2 * a.size()) == 0;
                assertFalse(mergeable, summary.toString());
            }
        }
        assertEquals("10.0.0.0/22", Subnet.covering(Subnet.parse("10.0.0.0/24"), Subnet.parse("10.0.3.0/24")).toString());
    }

    @Test
    void badSubnetTextNamesTheBadPart() {
        assertEquals("10.0.0.0: expected an address and a prefix or mask; a subnet is written 192.168.1.0/24 or 192.168.1.0 255.255.255.0",
                assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.0.0.0")).getMessage());
        assertEquals("10.0.0.300: the 4th number is 300; each must be 0–255",
                assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.0.0.300/8")).getMessage());
        assertEquals("/40: a prefix length must be 0–32",
                assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.0.0.0/40")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.0.0.0 255.255.0.255"))
                .getMessage().startsWith("255.255.0.255: not a valid mask"));
    }

    @Test
    void describeShowsTheNumbers() {
        Subnet s = Subnet.parse("192.168.1.0/26");
        String html = s.mimeBundle().get("text/html");
        assertTrue(html.contains("<td>192.168.1.1 – 192.168.1.62</td>"), html);
        assertTrue(html.contains("<td>62 (64 − network − broadcast)</td>"), html);
        assertTrue(Subnet.parse("10.0.0.0/31").describe().text().contains("2 (RFC 3021 point-to-point)"));
    }
}
