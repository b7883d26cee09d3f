package netlab.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsTest {

    @Test
    void aQueryIsHeaderThenLabels() {
        byte[] q = DnsMessage.query(0x1234, "www.itcast.cn", DnsMessage.A).encode();
        assertArrayEquals(HexFormat.of().parseHex("123401000001000000000000" + "03777777" + "06697463617374" + "02636e" + "00" + "0001" + "0001"), q);
        assertEquals(List.of(new DnsMessage.Question("www.itcast.cn.", DnsMessage.A)), DnsMessage.decode(q).questions());
    }

    @Test
    void anAnswerWithACompressionPointerDecodes() {
        // as a resolver sends it: the answer's name is a pointer (c0 0c) to the question's name at byte 12
        byte[] reply = HexFormat.of().parseHex("123481800001000100000000037777770669746361737402636e0000010001"
                + "c00c000100010000012c0004cb007150");
        DnsMessage m = DnsMessage.decode(reply);
        assertEquals("www.itcast.cn. 300 A 203.0.113.80", m.answers().getFirst().toString());
        assertTrue(m.isResponse());
    }

    @Test
    void encodingCompressesRepeatedNamesAndRoundTrips() {
        DnsMessage m = Zone.of("cn.").delegate("itcast.cn.", "dns1.itcast.cn.", "127.0.0.13")
                .answer(7, DnsMessage.RD, new DnsMessage.Question("www.itcast.cn.", DnsMessage.A));
        byte[] bytes = m.encode();
        assertEquals(m, DnsMessage.decode(bytes));
        int pointers = 0;
        for (int i = 12; i < bytes.length - 1; i++) {
            pointers += (bytes[i] & 0xFF) == 0xC0 ? 1 : 0;
        }
        assertTrue(pointers >= 3, "names repeat: itcast.cn. in NS owner, NS data and glue owner");
        assertTrue(bytes.length < 90, bytes.length + " bytes");
    }

    @Test
    void malformedMessagesSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> DnsMessage.decode(new byte[5]));
        byte[] loop = HexFormat.of().parseHex("000001000001000000000000c00c00010001");
        assertThrows(IllegalArgumentException.class, () -> DnsMessage.decode(loop));
    }

    @Test
    void theResolverWalksRootTldAuthoritative() {
        Resolution r = Resolver.trace("www.itcast.cn");
        assertEquals(3, r.steps().size(), r.table().text());
        assertEquals("127.0.0.11", r.steps().get(0).server().getAddress().getHostAddress());
        assertEquals("127.0.0.12", r.steps().get(1).server().getAddress().getHostAddress());
        assertEquals("127.0.0.13", r.steps().get(2).server().getAddress().getHostAddress());
        assertTrue(r.steps().get(2).reply().isAuthoritative());
        assertEquals("203.0.113.80", r.address().orElseThrow());
        try (DnsLab lab = DnsLab.start()) {
            Resolution missing = lab.trace("nope.itcast.cn");
            assertEquals(DnsMessage.NXDOMAIN, missing.steps().getLast().reply().rcode());
            assertFalse(missing.address().isPresent());
            assertEquals("203.0.113.80", lab.trace("itcast.cn").address().orElseThrow(), "the CNAME is followed");
        }
    }

    /**
     * A Chinese name travels as IDNA's ASCII form, as in real DNS: it went out as "??" bytes, no reply matched its
     * question, and the trace waited a second to blame the root.
     */
    @Test
    void aChineseNameIsAskedInItsAsciiForm() {
        assertEquals("xn--wxtr44c.cn.", DnsMessage.canonical("百度。cn"));
        assertEquals("xn--wxtr44c.cn.", DnsMessage.query(1, "百度.cn", DnsMessage.A).questions().getFirst().name());
        try (DnsLab lab = DnsLab.start()) {
            long started = System.nanoTime();
            Resolution r = lab.trace("百度.cn");
            assertTrue(System.nanoTime() - started < 900_000_000L, "answered, not waited for");
            assertEquals(DnsMessage.NXDOMAIN, r.steps().getLast().reply().rcode(), r.table().text());
            assertEquals("resolving 百度.cn from the root (written xn--wxtr44c.cn. in DNS messages: IDNA turns a "
                    + "non-ASCII name into labels starting with xn--)",
                    r.table().text().lines().findFirst().orElseThrow());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DnsMessage.canonical("中".repeat(70) + ".cn"))
                .getMessage().startsWith("the name 中中中"));
    }

    /** A zone reads as a zone file; a server and a resolver say where they are, not netlab.dns.Zone@3c850a83. */
    @Test
    void zonesServersAndResolversShowWhatTheyAre() {
        Zone itcast = Zone.of("itcast.cn").a("www.itcast.cn", "203.0.113.80").cname("itcast.cn", "www.itcast.cn");
        assertEquals("$ORIGIN itcast.cn.\nwww.itcast.cn. 3600 A 203.0.113.80\nitcast.cn. 3600 CNAME www.itcast.cn.",
                itcast.toString());
        DnsServer server = DnsServer.start("127.0.0.13", 0, itcast);
        assertEquals("DNS server 127.0.0.13:" + server.port() + " for itcast.cn., 0 queries answered", server.toString());
        server.close();
        assertTrue(server.toString().endsWith(" (closed)"), server.toString());
        assertEquals("iterative resolver starting at the root 127.0.0.11:53",
                new Resolver(new InetSocketAddress("127.0.0.11", 53)).toString());
    }

    /** A lab shows its servers; once closed it says so, where its resolver waited and blamed the root. */
    @Test
    void aLabSaysWhatItIsAndAClosedOneSaysWhatToRun() {
        DnsLab lab = DnsLab.start();
        assertEquals("DNS lab: root 127.0.0.11, cn. 127.0.0.12, itcast.cn. 127.0.0.13, com. 127.0.0.14, UDP port "
                + lab.port(), lab.toString());
        lab.close();
        assertTrue(lab.toString().endsWith(" (closed)"), lab.toString());
        assertTrue(assertThrows(IllegalStateException.class, () -> lab.trace("www.itcast.cn")).getMessage()
                .startsWith("this DNS lab is closed (close(), or its try block has ended)"));
    }

    /** A server that never answers: the message names it as the trace's table does, and the wait it gave it. */
    @Test
    void aSilentServerIsNamedWithTheWaitItWasGiven() throws Exception {
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Resolver resolver = new Resolver(new InetSocketAddress("127.0.0.1", silent.getLocalPort()));
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                    () -> resolver.walk("www.itcast.cn"));
            String server = "127.0.0.1:" + silent.getLocalPort();
            assertEquals("resolving www.itcast.cn failed at " + server + ": no matching answer from " + server
                    + " within 1 s", e.getMessage());
        }
    }

    @Test
    void theStubChecksAddressIdAndQuestion() {
        DnsMessage q = DnsMessage.query(42, "www.itcast.cn", DnsMessage.A);
        InetSocketAddress server = new InetSocketAddress("127.0.0.13", 5353);
        DnsMessage good = Zone.of("itcast.cn.").a("www.itcast.cn.", "1.2.3.4").answer(42, DnsMessage.RD, q.questions().getFirst());
        assertTrue(StubCheck.accepts(q, good, server, server));
        assertFalse(StubCheck.accepts(q, good, new InetSocketAddress("127.0.0.66", 5353), server));
        assertFalse(StubCheck.accepts(q, Zone.of("x.").answer(43, 0, q.questions().getFirst()), server, server));
    }

    @Test
    void aFixedPortLosesTheRace() {
        SpoofRace fixed = SpoofRace.simulate(4000, 500, false, 1);
        SpoofRace random = SpoofRace.simulate(4000, 500, true, 1);
        assertTrue(fixed.wins() > 10 && fixed.wins() < 60, "expected ~30: " + fixed.wins());
        assertEquals(0, random.wins());
    }

    /** More forged replies than ids there are looped for ever; now refused, and guessing every id wins every race. */
    @Test
    void aRaceAsksForNoMoreGuessesThanThereAreIds() {
        assertEquals("use 0–65,536 forged replies per race (with a fixed port, 65,536 guess every id); was 100000",
                assertThrows(IllegalArgumentException.class,
                        () -> SpoofRace.simulate(10, 100_000, false, 1)).getMessage());
        assertEquals(3, SpoofRace.simulate(3, 65_536, false, 1).wins());
        assertThrows(IllegalArgumentException.class, () -> SpoofRace.simulate(-5, 10, false, 1));
        assertThrows(IllegalArgumentException.class, () -> SpoofRace.simulate(100_000, 65_536, true, 1), "20 M in all");
    }
}
