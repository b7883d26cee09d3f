package netlab.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address defects of issue 14 (D9–D12), each with the input that broke. */
class Issue14IpTest {

    /** D9: only ASCII digits are numbers. */
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/٢٤", "10.0.0.0/２４", "10.0.0.0 /2٤"})
    void subnetPrefixInOtherScriptsIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subnet.parse(text));
        assertTrue(e.getMessage().contains("ASCII digits 0–9"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"１::1", "2001:db8::٣", "fe80::ａ"})
    void ipv6GroupInOtherScriptsIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv6.parse(text));
        assertTrue(e.getMessage().contains("is not a hex digit"), e.getMessage());
    }

    /** D10: an IPv6 prefix gets a subnet, not "'/' is not a hex digit". */
    @Test
    void ipv6ParseOfAPrefixPointsAtIpv6Subnet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv6.parse("2001:db8::/32"));
        assertEquals("2001:db8::/32: \"/32\" is a prefix length, so this is a subnet, not one address; "
                + "use Ipv6Subnet.parse(\"2001:db8::/32\"), or leave out /32", e.getMessage());
    }

    @Test
    void ipv6SubnetNetworkContainsAndSize() {
        Ipv6Subnet s = Ipv6Subnet.parse("2001:DB8:0:1::5/64");
        assertEquals("2001:db8:0:1::/64", s.toString());
        assertEquals(Ipv6.parse("2001:db8:0:1::"), s.network());
        assertEquals(Ipv6.parse("2001:db8:0:1:ffff:ffff:ffff:ffff"), s.lastAddress());
        assertEquals(BigInteger.ONE.shiftLeft(64), s.size());
        assertTrue(s.contains(Ipv6.parse("2001:db8:0:1::abcd")));
        assertFalse(s.contains(Ipv6.parse("2001:db8:0:2::")));
        assertTrue(Ipv6Subnet.parse("2001:db8::/32").contains(s));
        assertFalse(s.contains(Ipv6Subnet.parse("2001:db8::/32")));
        assertEquals(Ipv6Subnet.parse("::/0"), Ipv6Subnet.of(Ipv6.parse("1::"), 0));
        assertEquals(Ipv6.parse("::1"), Ipv6Subnet.parse("::1/128").network());
        assertEquals(s, Ipv6.parse("2001:db8:0:1::77").in(64));
    }

    @Test
    void ipv6SubnetSplitAndSubnets() {
        List<Ipv6Subnet> four = Ipv6Subnet.parse("2001:db8::/32").split(4);
        assertEquals("[2001:db8::/34, 2001:db8:4000::/34, 2001:db8:8000::/34, 2001:db8:c000::/34]", four.toString());
        assertEquals(256, Ipv6Subnet.parse("2001:db8::/48").subnets(56).size());
        assertEquals("2001:db8:0:ff00::/56", Ipv6Subnet.parse("2001:db8::/48").subnets(56).get(255).toString());
    }

    @Test
    void ipv6SummarizeMergesAdjacentAndOverlapping() {
        assertEquals("[2001:db8::/47]", Ipv6Subnet.summarize(Ipv6Subnet.parse("2001:db8::/48"),
                Ipv6Subnet.parse("2001:db8:1::/48")).toString());
        assertEquals("[2001:db8::/47, 2001:db8:2::/48]", Ipv6Subnet.summarize(Ipv6Subnet.parse("2001:db8:1::/48"),
                Ipv6Subnet.parse("2001:db8::/48"), Ipv6Subnet.parse("2001:db8:2::/48"),
                Ipv6Subnet.parse("2001:db8:1:5::/64")).toString());
        assertEquals("[::/0]", Ipv6Subnet.summarize(Ipv6Subnet.parse("::/1"), Ipv6Subnet.parse("8000::/1")).toString());
        assertEquals("[ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127]", Ipv6Subnet.summarize(
                Ipv6Subnet.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
                Ipv6Subnet.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128")).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001:db8::                | 2001:db8::: expected an address and a prefix length, like 2001:db8::/32",
            "2001:db8::/129            | 2001:db8::/129: the prefix length is 129; an IPv6 prefix is 0–128",
            "2001:db8::/3a             | 2001:db8::/3a: the prefix length is \"3a\"; write it in ASCII digits 0–9, like /64",
            "2001:db8::/ffff:ffff::    | 2001:db8::/ffff:ffff::: IPv6 has no dotted or colon masks; write the prefix length, like /32",
            "2001:db8::12345/32        | 2001:db8::12345: group 3 is \"12345\", which has more than 4 hex digits",
            "10.0.0.0/8                | 10.0.0.0/8: that is an IPv4 subnet; use Subnet.parse(\"10.0.0.0/8\")"})
    void ipv6SubnetErrorsNameTheBadPart(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv6Subnet.parse(text));
        assertEquals(message, e.getMessage());
    }

    /** D11: a mask written like an address, a wildcard mask, a prefix with a leading zero. */
    @Test
    void brokenDottedMaskShowsAMaskNotAnAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mask.parse("24."));
        assertTrue(e.getMessage().contains("like 255.255.255.0"), e.getMessage());
        assertFalse(e.getMessage().contains("192.168.1.10"), e.getMessage());
    }

    @Test
    void wildcardMaskIsNamedAsOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mask.parse("0.0.0.255"));
        assertEquals("0.0.0.255: looks like a wildcard (ACL) mask, the inverse of 255.255.255.0 (/24); "
                + "a subnet mask has its one-bits on the left: write 255.255.255.0 or /24", e.getMessage());
    }

    @Test
    void prefixWithLeadingZerosFollowsOneRule() {
        assertEquals(24, Mask.parse("/024").prefix());
        assertEquals(8, Mask.parse("/08").prefix());
        assertEquals(8, Subnet.parse("10.0.0.0/008").prefix());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mask.parse("/0033"));
        assertEquals("/0033: a prefix length must be 0–32", e.getMessage());
    }

    /** D12: documentation and benchmarking ranges are never routed. */
    @ParameterizedTest
    @CsvSource({"192.0.2.1, DOCUMENTATION", "198.51.100.7, DOCUMENTATION", "203.0.113.255, DOCUMENTATION",
            "198.18.0.1, BENCHMARKING", "198.19.255.255, BENCHMARKING", "198.20.0.1, PUBLIC", "192.0.3.1, PUBLIC",
            "203.0.114.1, PUBLIC"})
    void ipv4SpecialRanges(String address, Ipv4.Kind kind) {
        assertEquals(kind, Ipv4.parse(address).kind());
    }

    @ParameterizedTest
    @CsvSource({"2001:db8::, DOCUMENTATION", "2001:db8:ffff::1, DOCUMENTATION", "2001:2::1, BENCHMARKING",
            "2001:2:0:ffff::1, BENCHMARKING", "2001:2:1::1, GLOBAL_UNICAST", "2001:db9::1, GLOBAL_UNICAST"})
    void ipv6SpecialRanges(String address, Ipv6.Kind kind) {
        assertEquals(kind, Ipv6.parse(address).kind());
    }

    @Test
    void hostsOfASlashOneIsAListAndOfASlashZeroThrows() {
        assertEquals(Integer.MAX_VALUE - 1, Subnet.parse("0.0.0.0/1").hosts().size());
        assertThrows(IllegalStateException.class, () -> Subnet.parse("0.0.0.0/0").hosts());
    }
}
