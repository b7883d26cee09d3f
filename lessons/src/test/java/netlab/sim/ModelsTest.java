package netlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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
