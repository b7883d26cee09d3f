package netlab.ip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv4Test {

    @Test
    void parsesAndFormatsRandomAddressesLikeTheJdk() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            int bits = random.nextInt();
            Ipv4 a = new Ipv4(bits);
            assertEquals(a, Ipv4.parse(a.toString()));
            InetAddress jdk = a.toInetAddress();
            assertEquals(jdk.getHostAddress(), a.toString());
            assertEquals(a, Ipv4.of(jdk));
            assertEquals(Integer.toUnsignedLong(bits), a.toLong());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            192.168.1.256   | 192.168.1.256: the 4th number is 256; each must be 0–255
            300.1.1.1       | 300.1.1.1: the 1st number is 300; each must be 0–255
            192.168.1       | 192.168.1: has 3 parts; an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10
            1.2.3.4.5       | 1.2.3.4.5: has 5 parts; an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10
            192.168..1      | 192.168..1: the 3rd number is missing; an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10
            192.x.1.1       | 192.x.1.1: the 2nd number is "x", which is not a number; each must be 0–255
            10.010.0.1      | 10.010.0.1: the 2nd number is 010 with a leading zero, which some tools read as octal; write 10
            1.2.3.99999999999999 | 1.2.3.99999999999999: the 4th number is 99999999999999; each must be 0–255
            1.2.3.-4        | 1.2.3.-4: the 4th number is "-4", which is not a number; each must be 0–255
            localhost       | localhost: has 1 part; an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10
            """)
    void badInputNamesTheBadPart(String input, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(input));
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullAndEmptyAreClearErrors() {
        assertEquals("no address given (null); an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10",
                assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(null)).getMessage());
        assertEquals("empty text; an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10",
                assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("  ")).getMessage());
        assertEquals("1.2.3.256: the 4th number is 256; each must be 0–255",
                assertThrows(IllegalArgumentException.class, () -> Ipv4.of(1, 2, 3, 256)).getMessage());
    }

    @Test
    void classesFollowTheLeadingBitsForEveryFirstByte() {
        for (int first = 0; first < 256; first++) {
            AddressClass expected = first < 128 ? AddressClass.A : first < 192 ? AddressClass.B
                    : first < 224 ? AddressClass.C : first < 240 ? AddressClass.D : AddressClass.E;
            Ipv4 a = Ipv4.of(first, 1, 2, 3);
            assertEquals(expected, a.addressClass(), a.toString());
            assertTrue(a.binary().startsWith(expected.leadingBits()), a.binary());
        }
        assertEquals("255.255.0.0", AddressClass.B.defaultMask().toString());
        assertEquals("192.0.0.0 – 223.255.255.255", AddressClass.C.range());
        assertFalse(AddressClass.D.defaultPrefix().isPresent());
    }

    @Test
    void seedClassFiguresFollowFromTheRanges() {
        // "可用的A类网络有126个" (0 and 127 excluded), B 16384, C 2097152 networks; hosts 16777214, 65534, 254
        long[] networks = new long[3];
        AddressClass[] abc = {AddressClass.A, AddressClass.B, AddressClass.C};
        for (int i = 0; i < 3; i++) {
            AddressClass c = abc[i];
            networks[i] = (c.last().toLong() - c.first().toLong() + 1) / c.defaultMask().blockSize();
        }
        assertEquals(126, networks[0] - 2);
        assertEquals(16384, networks[1]);
        assertEquals(2097152, networks[2]);
        assertEquals(16777214, Subnet.parse("1.0.0.0/8").hostCount());
        assertEquals(65534, Subnet.parse("128.1.0.0/16").hostCount());
        assertEquals(254, Subnet.parse("192.0.1.0/24").hostCount());
        // the seed's binary forms of the first A address and the last C host
        assertEquals("00000001.00000000.00000000.00000001", Ipv4.parse("1.0.0.1").binary());
        assertEquals("11011111.11111111.11111110.11111110", Ipv4.parse("223.255.254.254").binary());
    }

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, THIS_NETWORK", "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "172.32.0.1, PUBLIC",
            "172.15.0.1, PUBLIC", "192.168.1.1, PRIVATE", "192.169.0.1, PUBLIC", "100.64.0.1, SHARED",
            "169.254.3.4, LINK_LOCAL", "224.0.0.251, MULTICAST", "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED", "255.255.255.255, LIMITED_BROADCAST", "8.8.8.8, PUBLIC"})
    void kinds(String address, Ipv4.Kind kind) {
        assertEquals(kind, Ipv4.parse(address).kind());
    }

    @Test
    void binaryAndHexViews() {
        Ipv4 a = Ipv4.parse("192.168.1.10");
        assertEquals("11000000.10101000.00000001.00001010", a.binary());
        assertEquals("0xC0A8010A", a.hex());
        assertArrayEquals(new int[] {192, 168, 1, 10}, a.octets());
        assertTrue(a.isPrivate());
        assertTrue(Ipv4.parse("127.0.0.1").isLoopback());
        assertTrue(Ipv4.parse("255.255.255.255").isLimitedBroadcast());
    }

    @Test
    void bitTableColoursNetworkAndHostBits() {
        String html = Ipv4.parse("192.168.1.10").bits(20).html();
        // bytes 1-2 all network (blue), byte 3 split 4/4, byte 4 all host (orange)
        assertTrue(html.contains("<td style=\"background:#cfe2ff;font-family:monospace\">NNNNNNNN</td>"), html);
        assertTrue(html.contains("NNNNhhhh</td>"), html);
        assertTrue(html.contains("<td style=\"background:#ffe5cc;font-family:monospace\">hhhhhhhh</td>"), html);
        assertTrue(html.contains(">00001010 (10)</td>"), html);
        assertTrue(html.contains("<td>255.255.240.0 (mask)</td>"), html);
        assertTrue(Ipv4.parse("10.0.0.1").mimeBundle().get("text/html").contains("NNNNNNNN"));
    }

    @Test
    void describeListsClassAndKind() {
        String text = Ipv4.parse("172.16.5.4").describe().text();
        assertTrue(text.contains("B (128.0.0.0 – 191.255.255.255, leading bits 10)"), text);
        assertTrue(text.contains("PRIVATE"), text);
    }
}
