package netlab.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv6Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2001:0DB8:0000:0000:0000:ff00:0042:8329 | 2001:db8::ff00:42:8329
            2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
            2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
            2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1
            0:0:0:0:0:0:0:0                         | ::
            0:0:0:0:0:0:0:1                         | ::1
            fe80:0:0:0:0:0:0:0                      | fe80::
            ::ffff:192.168.1.10                     | ::ffff:192.168.1.10
            ::ffff:c0a8:010a                        | ::ffff:192.168.1.10
            [fe80::1]                               | fe80::1
            """)
    void compressesPerRfc5952(String input, String canonical) {
        assertEquals(canonical, Ipv6.parse(input).toString());
    }

    @ParameterizedTest
    @CsvSource({"::, UNSPECIFIED", "::1, LOOPBACK", "::ffff:10.0.0.1, IPV4_MAPPED", "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL", "fec0::1, RESERVED", "fd12:3456::1, UNIQUE_LOCAL", "fc00::1, UNIQUE_LOCAL",
            "ff02::1, MULTICAST", "2001:4860::1, GLOBAL_UNICAST", "2001:db8::1, DOCUMENTATION", "3fff::1, GLOBAL_UNICAST", "4000::1, RESERVED"})
    void kinds(String address, Ipv6.Kind kind) {
        assertEquals(kind, Ipv6.parse(address).kind());
    }

    @Test
    void randomAddressesAgreeWithTheJdkAndRoundTrip() throws Exception {
        Random random = new Random(5952);
        for (int i = 0; i < 5000; i++) {
            // zero some groups so that :: runs of every length occur
            long high = random.nextLong() & (random.nextBoolean() ? 0xFFFF_0000_FFFF_0000L : -1L);
            long low = random.nextLong() & (random.nextBoolean() ? 0x0000_0000_FFFF_FFFFL : -1L);
            Ipv6 a = new Ipv6(high, low);
            assertEquals(a, Ipv6.parse(a.toString()));
            assertEquals(a, Ipv6.parse(a.expanded()));
            assertEquals(a, Ipv6.of(a.toInetAddress()));
            assertEquals(a, Ipv6.of(InetAddress.getByName(a.expanded())));
        }
        assertEquals("0000:0000:0000:0000:0000:0000:0000:0001", Ipv6.parse("::1").expanded());
        assertEquals("10.0.0.1", Ipv6.parse("::ffff:10.0.0.1").ipv4().orElseThrow().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2001:db8::12345     | 2001:db8::12345: group 3 is "12345", which has more than 4 hex digits
            2001:db8::g1        | 2001:db8::g1: group 3 is "g1"; 'g' is not a hex digit (0–9, a–f)
            1::2::3             | 1::2::3: :: appears twice; it may stand for only one run of zero groups
            1:2:3:4:5:6:7       | 1:2:3:4:5:6:7: has 7 groups; without :: it needs exactly 8
            1:2:3:4::5:6:7:8    | 1:2:3:4::5:6:7:8: has 8 groups and a ::, which must stand for at least one zero group; 8 is the most
            fe80::1%eth0        | fe80::1%eth0: the zone id (%eth0) names an interface, it is not part of the address; remove it
            ::ffff:10.0.0.300   | ::ffff:10.0.0.300: the IPv4 part is wrong: 10.0.0.300: the 4th number is 300; each must be 0–255
            """)
    void badInputNamesTheBadPart(String input, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Ipv6.parse(input)).getMessage());
    }
}
