package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void lookedUpBothWays() {
        int[][] expected = {{20}, {21}, {22}, {23}, {25}, {53}, {67}, {68}, {69}, {80}, {110}, {123}, {143}, {161}, {443}, {3306}};
        String[] names = {"ftp-data", "ftp", "ssh", "telnet", "smtp", "dns", "dhcp-server", "dhcp-client", "tftp", "http",
                "pop3", "ntp", "imap", "snmp", "https", "mysql"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(expected[i][0], Ports.number(names[i]), names[i]);
            assertEquals(names[i], Ports.name(expected[i][0]));
        }
        for (Ports.Service s : Ports.services()) {
            assertEquals(s.port(), Ports.number(s.name()));
        }
        assertEquals(53, Ports.number("DOMAIN"));
        assertEquals(80, Ports.number(" www "));
        assertEquals(67, Ports.number("dhcp"));
        assertEquals("", Ports.name(12345));
    }

    @Test
    void rangesAndDescriptions() {
        assertEquals("well-known (0–1023)", Ports.range(1023));
        assertEquals("registered (1024–49151)", Ports.range(1024));
        assertEquals("dynamic (49152–65535)", Ports.range(65535));
        assertEquals("69: tftp — Trivial File Transfer Protocol (udp); well-known (0–1023): binding it needs root", Ports.describe(69));
        assertEquals("50000: no well-known service; dynamic (49152–65535)", Ports.describe(50000));
        assertTrue(Ports.ephemeralRange().matches("\\d+–\\d+"), Ports.ephemeralRange());
        assertTrue(Ports.table().html().contains("<td>22</td><td>ssh</td><td>tcp</td>"));
    }

    @Test
    void badInputIsExplained() {
        assertEquals("port 70000 is out of range; a port is 0–65535 (0 = let the system choose)",
                assertThrows(IllegalArgumentException.class, () -> Ports.name(70000)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ports.number("gopher")).getMessage()
                .startsWith("no well-known port for \"gopher\"; known services: echo, ftp-data, ftp, ssh"));
    }
}
