package netlab.grader;

import java.util.List;
import netlab.course.PacketExercises;
import netlab.dns.DnsMessage;
import netlab.dns.Zone;
import netlab.exercise.HiddenCaseSet;
import netlab.exercise.HiddenCases;
import netlab.net.TcpState;
import netlab.sim.TcpEvent;
import netlab.text.Message;

import static netlab.course.PacketExercises.frame;

/**
 * Hidden cases of chapter 3: broadcasts, same-port filtering and a host that moved; default and host routes and
 * addresses above 127 (a signed comparison); masks other than /24; two inside hosts on one port and unsolicited
 * inbound packets; ids above 32767 and 63-byte labels; a CNAME before the address (skip by RDLENGTH); the
 * simultaneous open and close, RST and "no arrow"; wrap-around; 15 clients; a wrong mask, a duplicate address and
 * a healthy network; repeated honest ARP replies.
 */
public final class ChapterThreeHiddenCases implements HiddenCaseSet {

    @Override
    public List<HiddenCases<?>> hiddenCases() {
        DnsMessage.Question itcast = new DnsMessage.Question("itcast.cn.", DnsMessage.A);
        return List.of(
                new HiddenCases<>("switch.learn", PacketExercises.SwitchForward.class, List.of(
                        PacketExercises.switchCase(Message.of("course3.case.switch.broadcast"), List.of(frame(0, "aa", "ff")),
                                List.of(List.of(1, 2, 3))),
                        PacketExercises.switchCase(Message.of("course3.case.switch.same-port"),
                                List.of(frame(0, "aa", "bb"), frame(0, "bb", "aa")), List.of(List.of(1, 2, 3), List.of())),
                        PacketExercises.switchCase(Message.of("course3.case.switch.moves"),
                                List.of(frame(0, "aa", "bb"), frame(1, "bb", "aa"), frame(2, "aa", "bb"), frame(1, "bb", "aa")),
                                List.of(List.of(1, 2, 3), List.of(0), List.of(1), List.of(2))))),
                new HiddenCases<>("route.lpm", PacketExercises.LongestPrefix.class, List.of(
                        PacketExercises.lpmCase(List.of("192.168.1.0/24", "0.0.0.0/0"), "8.8.8.8", "0.0.0.0/0"),
                        PacketExercises.lpmCase(List.of("10.0.0.0/8", "10.1.2.3/32", "10.1.0.0/16"), "10.1.2.3", "10.1.2.3/32"),
                        PacketExercises.lpmCase(List.of("192.168.1.0/24", "10.0.0.0/8"), "172.16.0.1", "none"),
                        PacketExercises.lpmCase(List.of("0.0.0.0/1", "128.0.0.0/1", "200.1.0.0/16"), "200.1.1.1", "200.1.0.0/16"))),
                new HiddenCases<>("route.next-hop", PacketExercises.NextHop.class, List.of(
                        PacketExercises.nextHopCase("10.1.1.1/16", "10.1.0.1", "10.1.200.7", "10.1.200.7"),
                        PacketExercises.nextHopCase("192.168.1.10/25", "192.168.1.1", "192.168.1.200", "192.168.1.1"),
                        PacketExercises.nextHopCase("172.16.0.1/30", "172.16.0.2", "172.16.0.2", "172.16.0.2"))),
                new HiddenCases<>("nat.translate", PacketExercises.NatTranslate.class, List.of(
                        PacketExercises.natCase(List.of("out 192.168.1.10:50000 8.8.8.8:53", "out 192.168.1.11:50000 8.8.8.8:53",
                                "in 8.8.8.8:53 203.0.113.5:40001"), List.of("203.0.113.5:40000", "203.0.113.5:40001", "192.168.1.11:50000")),
                        PacketExercises.natCase(List.of("in 6.6.6.6:4444 203.0.113.5:40000"), List.of("drop")),
                        PacketExercises.natCase(List.of("out 192.168.1.10:50000 8.8.8.8:53", "in 1.1.1.1:53 203.0.113.5:40000",
                                "out 192.168.1.10:50000 1.1.1.1:53", "in 1.1.1.1:53 203.0.113.5:40000"),
                                List.of("203.0.113.5:40000", "drop", "203.0.113.5:40000", "192.168.1.10:50000")))),
                new HiddenCases<>("dns.query", PacketExercises.DnsQuery.class, List.of(
                        PacketExercises.dnsQueryCase(0xBEEF, "a.b"),
                        PacketExercises.dnsQueryCase(7, "mail.example.com"),
                        PacketExercises.dnsQueryCase(0xFFFF, "x".repeat(63) + ".cn"))),
                new HiddenCases<>("dns.answer", PacketExercises.DnsAnswer.class, List.of(
                        PacketExercises.dnsAnswerCase("www.itheima.com",
                                Zone.of("itheima.com.").a("www.itheima.com.", "203.0.113.1").a("www.itheima.com.", "203.0.113.2"),
                                List.of("203.0.113.1", "203.0.113.2")),
                        PacketExercises.dnsAnswerCase("itcast.cn", new DnsMessage(0x4d2, DnsMessage.QR | DnsMessage.AA | DnsMessage.RD,
                                List.of(itcast), List.of(new DnsMessage.Record("itcast.cn.", DnsMessage.CNAME, 600, "www.itcast.cn."),
                                new DnsMessage.Record("www.itcast.cn.", DnsMessage.A, 600, "203.0.113.80")), List.of(), List.of()),
                                List.of("203.0.113.80")),
                        PacketExercises.dnsAnswerCase("nope.itcast.cn", Zone.of("itcast.cn."), List.of()))),
                new HiddenCases<>("tcp.next-state", PacketExercises.NextState.class, List.of(
                        PacketExercises.stateCase(TcpState.SYN_SENT, TcpEvent.RCV_SYN, TcpState.SYN_RECV),
                        PacketExercises.stateCase(TcpState.FIN_WAIT1, TcpEvent.RCV_FIN, TcpState.CLOSING),
                        PacketExercises.stateCase(TcpState.FIN_WAIT1, TcpEvent.RCV_FIN_ACK, TcpState.TIME_WAIT),
                        PacketExercises.stateCase(TcpState.ESTABLISHED, TcpEvent.RCV_RST, TcpState.CLOSE),
                        PacketExercises.stateCase(TcpState.TIME_WAIT, TcpEvent.TIMEOUT, TcpState.CLOSE),
                        PacketExercises.stateCase(TcpState.LISTEN, TcpEvent.RCV_ACK, TcpState.LISTEN))),
                new HiddenCases<>("tcp.next-seq", PacketExercises.NextSeq.class, List.of(
                        PacketExercises.seqCase(4_294_967_295L, 0, true, false, 0),
                        PacketExercises.seqCase(4_294_967_290L, 10, false, false, 4),
                        PacketExercises.seqCase(100, 3, false, true, 104))),
                new HiddenCases<>("tcp.client-closes", PacketExercises.PoliteServer.class, List.of(
                        PacketExercises.politeCase(15))),
                new HiddenCases<>("lab.misconfigured", PacketExercises.Misconfigured.class, List.of(
                        PacketExercises.misconfiguredCase("mask", "pc2", List.of("pc2")),
                        PacketExercises.misconfiguredCase("duplicate", "pc1", List.of("pc0", "pc1")),
                        PacketExercises.misconfiguredCase("none", "pc0", List.of()))),
                new HiddenCases<>("arp.spoofed", PacketExercises.ArpSpoofed.class, List.of(
                        PacketExercises.arpCase(List.of("192.168.1.1 is-at 02:00:00:00:00:01", "192.168.1.1 is-at 02:00:00:00:00:01",
                                "192.168.1.2 is-at 02:00:00:00:00:02"), List.of()),
                        PacketExercises.arpCase(List.of("192.168.1.1 is-at 02:00:00:00:00:01", "192.168.1.254 is-at 02:00:00:00:00:05",
                                "192.168.1.254 is-at 02:00:00:00:00:03", "192.168.1.1 is-at 02:00:00:00:00:03",
                                "192.168.1.254 is-at 02:00:00:00:00:05"), List.of("192.168.1.1", "192.168.1.254")))));
    }
}
