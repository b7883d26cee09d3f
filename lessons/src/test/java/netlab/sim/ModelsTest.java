package netlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import netlab.ip.Subnet;
import org.junit.jupiter.api.Test;

class ModelsTest {

    @Test
    void natMapsOutRewritesRepliesAndDropsStrangers() {
        Nat nat = Nat.of("203.0.113.5");
        assertEquals("203.0.113.5:40000", nat.outbound("192.168.1.10:50000", "8.8.8.8:53"));
        assertEquals("203.0.113.5:40001", nat.outbound("192.168.1.11:50000", "8.8.8.8:53"), "same inside port, other host");
        assertEquals("203.0.113.5:40000", nat.outbound("192.168.1.10:50000", "1.1.1.1:53"), "the mapping is reused");
        assertEquals(Optional.of("192.168.1.11:50000"), nat.inbound("8.8.8.8:53", "203.0.113.5:40001"));
        assertEquals(Optional.empty(), nat.inbound("6.6.6.6:53", "203.0.113.5:40000"));
        nat.forward(8080, "192.168.1.20:80");
        assertEquals(Optional.of("192.168.1.20:80"), nat.inbound("6.6.6.6:5555", "203.0.113.5:8080"));
        assertEquals(3, nat.table().size());
    }

    @Test
    void homeRouterLeasesAreStablePerMac() {
        HomeRouter home = HomeRouter.create("192.168.1.1/24", "203.0.113.5");
        HomeRouter.Lease a = home.join(Mac.of(10));
        HomeRouter.Lease b = home.join(Mac.of(11));
        assertEquals("192.168.1.100", a.ip().toString());
        assertEquals("192.168.1.101", b.ip().toString());
        assertEquals(a, home.join(Mac.of(10)));
        assertTrue(home.dhcpLadder().svg().contains("DISCOVER"));
        assertEquals("192.168.1.100/24 gateway 192.168.1.1 dns 192.168.1.1", a.toString());
        assertEquals("home router 192.168.1.1 (LAN 192.168.1.0/24), public address 203.0.113.5, 2 devices leased an "
                + "address", home.toString());
    }

    /** Every lease is an address of the LAN, never the router's; past the last one the pool says it is used up. */
    @Test
    void homeRouterLeasesStayInsideTheLan() {
        HomeRouter small = HomeRouter.create("10.0.0.2/29", "203.0.113.5");
        List<String> leased = IntStream.range(0, 5).mapToObj(i -> small.join(Mac.of(i)).ip().toString()).toList();
        assertEquals(List.of("10.0.0.1", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"), leased);
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> small.join(Mac.of(5)));
        assertTrue(full.getMessage().startsWith("the address pool is used up: all 5 addresses of 10.0.0.0/29"),
                full.getMessage());
        assertEquals("10.0.0.1", small.join(Mac.of(0)).ip().toString(), "a device already leased keeps its lease");

        HomeRouter home = HomeRouter.create("192.168.1.1/24", "203.0.113.5");
        for (int i = 0; i < 155; i++) {
            assertTrue(Subnet.parse("192.168.1.0/24").contains(home.join(Mac.of(i)).ip()));
        }
        assertThrows(IllegalStateException.class, () -> home.join(Mac.of(155)), ".100 to .254: 155 leases");
    }

    @Test
    void aHomeRouterNeedsAPrefixAndAHostAddress() {
        IllegalArgumentException noPrefix = assertThrows(IllegalArgumentException.class,
                () -> HomeRouter.create("192.168.1.1", "203.0.113.5"));
        assertTrue(noPrefix.getMessage().contains("192.168.1.1"), noPrefix.getMessage());
        IllegalArgumentException network = assertThrows(IllegalArgumentException.class,
                () -> HomeRouter.create("192.168.1.0/24", "203.0.113.5"));
        assertEquals("192.168.1.0: this is the network address of the LAN 192.168.1.0/24, which the router cannot use; "
                + "use a host address of that network, such as 192.168.1.1", network.getMessage());
        assertEquals("192.168.1.100/24 gateway 192.168.1.1 dns 192.168.1.1",
                HomeRouter.create("192.168.1.1 255.255.255.0", "203.0.113.5").join(Mac.of(1)).toString(),
                "a mask instead of a prefix, as Subnet.parse takes it");
    }

    /** Numbers that would take hours or make no sense are refused at once, saying the range. */
    @Test
    void aSynFloodRunIsBounded() {
        assertEquals("use 1–300 seconds; was 100000",
                assertThrows(IllegalArgumentException.class,
                        () -> SynFlood.run(256, 1000, 20, 100_000, false, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SynFlood.run(256, Integer.MAX_VALUE, 20, 5, false, 1));
        assertThrows(IllegalArgumentException.class, () -> SynFlood.run(256, 1000, -1, 5, false, 1));
        assertEquals(300 * 20, SynFlood.run(100_000, 100_000, 20, 300, false, 1).genuine(),
                "the largest run is allowed");
    }

    @Test
    void synCookiesKeepGenuineClientsIn() {
        SynFlood plain = SynFlood.run(256, 1000, 20, 10, false, 1);
        SynFlood cookies = SynFlood.run(256, 1000, 20, 10, true, 1);
        assertEquals(200, cookies.served());
        assertTrue(plain.served() < 20, "only the first second's early arrivals get in: " + plain.served());
    }

    @Test
    void synCookieRoundTrip() {
        long isn = SynCookie.make("s", "a>b", 42);
        assertTrue(SynCookie.valid("s", "a>b", isn + 1, 42));
        assertTrue(SynCookie.valid("s", "a>b", isn + 1, 43));
        assertFalse(SynCookie.valid("s", "a>b", isn + 1, 44));
        assertFalse(SynCookie.valid("s", "a>c", isn + 1, 42));
    }
}
