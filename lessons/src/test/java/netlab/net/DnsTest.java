package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Offline: only localhost and names in /etc/hosts are looked up. */
class DnsTest {

    @Test
    void localhostResolvesToLoopback() {
        DnsAnswer a = Dns.lookup("localhost");
        assertTrue(a.ipv4().contains("127.0.0.1") || a.ipv6().contains("::1"), a.toString());
        assertTrue(a.first().isLoopbackAddress());
        assertTrue(a.table().html().contains("LOOPBACK"));
    }

    @Test
    void lookupWithATimeoutGivesTheSameAnswer() {
        assertEquals(Dns.lookup("localhost").addresses(), Dns.lookup("localhost", java.time.Duration.ofSeconds(10)).addresses());
    }

    @Test
    void everyHostsFileNameResolvesToAnAddressTheFileLists() {
        HostsFile hosts = Dns.hostsFile();
        for (HostsFile.Entry e : hosts.entries()) {
            DnsAnswer a = Dns.lookup(e.name());
            List<String> listed = hosts.addressesOf(e.name());
            assertTrue(a.ipv4().stream().anyMatch(listed::contains) || a.ipv6().stream().anyMatch(listed::contains),
                    e + " resolved to " + a);
        }
    }

    @Test
    void reverseLookupOfLoopbackGivesAHostsFileName() {
        List<String> names = Dns.hostsFile().namesOf("127.0.0.1");
        String name = Dns.reverse("127.0.0.1");
        assertTrue(names.isEmpty() || names.contains(name), name + " not in " + names);
    }

    @Test
    void explainShowsBothSources() {
        String html = Dns.explain("localhost").html();
        assertTrue(html.contains("<td>/etc/hosts</td>"), html);
        assertTrue(html.contains("<td>InetAddress.getAllByName</td><td>127.0.0.1"), html);
        assertTrue(Dns.cacheTtl().startsWith("positive "), Dns.cacheTtl());
    }

    @Test
    void hostsFileParsing() {
        HostsFile h = HostsFile.parse("""
                # comment
                127.0.0.1 localhost
                10.0.0.5\tprinter printer.lan  # office
                ::1 localhost ip6-localhost

                192.168.1.1
                """);
        assertEquals(List.of(new HostsFile.Entry("127.0.0.1", "localhost", 2), new HostsFile.Entry("10.0.0.5", "printer", 3),
                new HostsFile.Entry("10.0.0.5", "printer.lan", 3), new HostsFile.Entry("::1", "localhost", 4),
                new HostsFile.Entry("::1", "ip6-localhost", 4)), h.entries());
        assertEquals(List.of("127.0.0.1", "::1"), h.addressesOf("LOCALHOST"));
        assertTrue(h.table().html().contains("<td>3</td><td>10.0.0.5</td><td>printer.lan</td>"));
    }

    @Test
    void reverseNeedsAnAddress() {
        assertEquals("reverse lookup needs an IP address, like 127.0.0.1: localhost: has 1 part; an IPv4 address is four numbers 0–255 separated by dots, like 192.168.1.10",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Dns.reverse("localhost")).getMessage());
    }
}
