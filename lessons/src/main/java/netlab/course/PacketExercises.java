package netlab.course;

import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.dns.DnsMessage;
import netlab.dns.Zone;
import netlab.exercise.Background;
import netlab.exercise.Case;
import netlab.exercise.Exercise;
import netlab.exercise.ExerciseSet;
import netlab.net.SocketTable;
import netlab.net.TcpState;
import netlab.sim.Host;
import netlab.sim.Lab;
import netlab.sim.TcpEvent;
import netlab.sim.Topologies;
import netlab.text.Message;

/**
 * The exercises of chapter 3, how packets travel: a switch's learn-and-forward, the longest-prefix match, whom to
 * ARP for, NAT, a DNS query and answer on the wire, the TCP state machine and sequence numbers, a server that lets
 * the client close first, finding a misconfigured host, and spotting ARP spoofing.
 *
 * <pre>{@code
 * String nextHop(String myCidr, String gateway, String dst) { ... }                                 // answer cell
 * Check.run("route.next-hop", (PacketExercises.NextHop) (c, g, d) -> nextHop(c, g, d));           // check cell
 * }</pre>
 */
public final class PacketExercises implements ExerciseSet {

    /** {@code switch.learn}: learn {@code src} on {@code inPort} in {@code table}, then return the ports the frame leaves by (ascending). */
    @FunctionalInterface
    public interface SwitchForward {
        List<Integer> forward(Map<String, Integer> table, int inPort, String srcMac, String dstMac, int portCount) throws Exception;
    }

    /** {@code route.lpm}: of {@code routes} ("a.b.c.d/p"), the one the longest-prefix match picks for {@code dst}, or "none". */
    @FunctionalInterface
    public interface LongestPrefix {
        String match(List<String> routes, String dst) throws Exception;
    }

    /** {@code route.next-hop}: the address a host with {@code myCidr} and {@code gateway} sends ARP for when sending to {@code dst}. */
    @FunctionalInterface
    public interface NextHop {
        String nextHop(String myCidr, String gateway, String dst) throws Exception;
    }

    /** {@code nat.translate}: for each packet "out INSIDE REMOTE" or "in REMOTE PUBLIC", the rewritten endpoint or "drop". */
    @FunctionalInterface
    public interface NatTranslate {
        List<String> translate(String publicIp, List<String> packets) throws Exception;
    }

    /** {@code dns.query}: the bytes of a standard query (RD set) for the A record of {@code name} with id {@code id}. */
    @FunctionalInterface
    public interface DnsQuery {
        byte[] query(int id, String name) throws Exception;
    }

    /** {@code dns.answer}: the addresses of the A records in the answer section of {@code reply}, in order. */
    @FunctionalInterface
    public interface DnsAnswer {
        List<String> addresses(byte[] reply) throws Exception;
    }

    /** {@code tcp.next-state}: the state after {@code event} in {@code state}; unchanged when the diagram has no arrow. */
    @FunctionalInterface
    public interface NextState {
        TcpState next(TcpState state, TcpEvent event) throws Exception;
    }

    /** {@code tcp.next-seq}: the sequence number after a segment at {@code seq} with {@code length} data bytes and these flags. */
    @FunctionalInterface
    public interface NextSeq {
        long nextSeq(long seq, int length, boolean syn, boolean fin) throws Exception;
    }

    /** {@code tcp.client-closes}: serve {@code clients} connections one after another: read a line, answer "echo: LINE\n", close only after the client has. */
    @FunctionalInterface
    public interface PoliteServer {
        void serve(ServerSocket server, int clients) throws Exception;
    }

    /** {@code lab.misconfigured}: the names of the hosts of {@code lab} whose address, mask or gateway is wrong, sorted. */
    @FunctionalInterface
    public interface Misconfigured {
        List<String> find(Lab lab) throws Exception;
    }

    /** {@code arp.spoofed}: from ARP replies "IP is-at MAC", the IPs claimed by more than one MAC, sorted. */
    @FunctionalInterface
    public interface ArpSpoofed {
        List<String> claimedTwice(List<String> replies) throws Exception;
    }

    public static final Exercise<SwitchForward> SWITCH = Exercise.of("switch.learn", Message.of("course.switch.learn.title"), SwitchForward.class)
            .add(switchCase(Message.of("course3.case.switch.first"), List.of(frame(0, "aa", "bb")),
                    List.of(List.of(1, 2, 3))))
            .add(switchCase(Message.of("course3.case.switch.reply"),
                    List.of(frame(0, "aa", "bb"), frame(1, "bb", "aa"), frame(0, "aa", "bb")),
                    List.of(List.of(1, 2, 3), List.of(0), List.of(1))))
            .hiddenCases(3)
            .build();

    public static final Exercise<LongestPrefix> LPM = Exercise.of("route.lpm", Message.of("course.route.lpm.title"), LongestPrefix.class)
            .add(lpmCase(List.of("192.168.1.0/24", "192.168.0.0/16", "0.0.0.0/0"), "192.168.1.9", "192.168.1.0/24"))
            .add(lpmCase(List.of("192.168.1.0/24", "192.168.0.0/16", "0.0.0.0/0"), "192.168.7.9", "192.168.0.0/16"))
            .hiddenCases(4)
            .build();

    public static final Exercise<NextHop> NEXT_HOP = Exercise.of("route.next-hop", Message.of("course.route.next-hop.title"), NextHop.class)
            .add(nextHopCase("192.168.1.1/24", "192.168.1.254", "192.168.1.2", "192.168.1.2"))
            .add(nextHopCase("192.168.1.1/24", "192.168.1.254", "192.168.3.2", "192.168.1.254"))
            .hiddenCases(3)
            .build();

    public static final Exercise<NatTranslate> NAT = Exercise.of("nat.translate", Message.of("course.nat.translate.title"), NatTranslate.class)
            .add(natCase(List.of("out 192.168.1.10:50000 8.8.8.8:53", "in 8.8.8.8:53 203.0.113.5:40000"),
                    List.of("203.0.113.5:40000", "192.168.1.10:50000")))
            .hiddenCases(3)
            .build();

    public static final Exercise<DnsQuery> DNS_QUERY = Exercise.of("dns.query", Message.of("course.dns.query.title"), DnsQuery.class)
            .add(dnsQueryCase(0x1234, "www.itcast.cn"))
            .hiddenCases(3)
            .build();

    public static final Exercise<DnsAnswer> DNS_ANSWER = Exercise.of("dns.answer", Message.of("course.dns.answer.title"), DnsAnswer.class)
            .add(dnsAnswerCase("www.itcast.cn", Zone.of("itcast.cn.").a("www.itcast.cn.", "203.0.113.80"), List.of("203.0.113.80")))
            .hiddenCases(3)
            .build();

    public static final Exercise<NextState> TCP_STATE = Exercise.of("tcp.next-state", Message.of("course.tcp.next-state.title"), NextState.class)
            .add(stateCase(TcpState.CLOSE, TcpEvent.CONNECT, TcpState.SYN_SENT))
            .add(stateCase(TcpState.ESTABLISHED, TcpEvent.CLOSE, TcpState.FIN_WAIT1))
            .add(stateCase(TcpState.ESTABLISHED, TcpEvent.RCV_FIN, TcpState.CLOSE_WAIT))
            .hiddenCases(6)
            .build();

    public static final Exercise<NextSeq> TCP_SEQ = Exercise.of("tcp.next-seq", Message.of("course.tcp.next-seq.title"), NextSeq.class)
            .add(seqCase(1000, 0, true, false, 1001))
            .add(seqCase(1001, 5, false, false, 1006))
            .hiddenCases(3)
            .build();

    public static final Exercise<PoliteServer> CLIENT_CLOSES = Exercise.of("tcp.client-closes", Message.of("course.tcp.client-closes.title"), PoliteServer.class)
            .add(politeCase(5))
            .hiddenCases(1)
            .build();

    public static final Exercise<Misconfigured> MISCONFIGURED = Exercise.of("lab.misconfigured", Message.of("course.lab.misconfigured.title"), Misconfigured.class)
            .add(misconfiguredCase("gateway", "pc1", List.of("pc1")))
            .hiddenCases(3)
            .build();

    public static final Exercise<ArpSpoofed> ARP_SPOOFED = Exercise.of("arp.spoofed", Message.of("course.arp.spoofed.title"), ArpSpoofed.class)
            .add(arpCase(List.of("192.168.1.254 is-at 02:00:00:00:00:05", "192.168.1.2 is-at 02:00:00:00:00:02",
                    "192.168.1.254 is-at 02:00:00:00:00:02"), List.of("192.168.1.254")))
            .hiddenCases(2)
            .build();

    // --- cases: the grader's hidden cases are made by the same factories --------------------------------------

    /** A frame for {@link #switchCase}: ingress port, source and destination MAC (two hex letters stand for a MAC). */
    public record SwitchFrame(int inPort, String src, String dst) implements java.io.Serializable {
    }

    public static SwitchFrame frame(int inPort, String src, String dst) {
        return new SwitchFrame(inPort, mac(src), mac(dst));
    }

    private static String mac(String shortName) {
        return shortName.equals("ff") ? "ff:ff:ff:ff:ff:ff" : "02:00:00:00:00:" + shortName;
    }

    /**
     * A 4-port switch gets {@code frames} in order, starting from an empty table; expected: the ports of each.
     * {@code story} tells the frames in words ({@code course3.case.switch.*}).
     */
    public static Case<SwitchForward> switchCase(Message story, List<SwitchFrame> frames, List<List<Integer>> expected) {
        return Case.<SwitchForward>named(story)
                .hint(Message.of("course3.hint.switch"))
                .expect(expected, a -> {
                    Map<String, Integer> table = new HashMap<>();
                    List<List<Integer>> out = new ArrayList<>();
                    for (SwitchFrame f : frames) {
                        out.add(List.copyOf(a.forward(table, f.inPort(), f.src(), f.dst(), 4)));
                    }
                    return out;
                });
    }

    public static Case<LongestPrefix> lpmCase(List<String> routes, String dst, String expected) {
        return Case.<LongestPrefix>named("match(" + routes + ", \"" + dst + "\")")
                .hint(Message.of("course3.hint.lpm"))
                .expect(expected, a -> a.match(routes, dst));
    }

    public static Case<NextHop> nextHopCase(String cidr, String gateway, String dst, String expected) {
        return Case.<NextHop>named("nextHop(\"" + cidr + "\", \"" + gateway + "\", \"" + dst + "\")")
                .hint(Message.of("course3.hint.next-hop"))
                .expect(expected, a -> a.nextHop(cidr, gateway, dst));
    }

    public static Case<NatTranslate> natCase(List<String> packets, List<String> expected) {
        return Case.<NatTranslate>named("translate(\"203.0.113.5\", " + packets + ")")
                .hint(Message.of("course3.hint.nat"))
                .expect(expected, a -> a.translate("203.0.113.5", packets));
    }

    public static Case<DnsQuery> dnsQueryCase(int id, String name) {
        return Case.<DnsQuery>named("query(0x" + Integer.toHexString(id) + ", \"" + name + "\")")
                .hint(Message.of("course3.hint.dns-query"))
                .expect(hex(DnsMessage.query(id, name, DnsMessage.A).encode()), a -> hex(a.query(id, name)));
    }

    /** The reply {@code zone} gives to a query for {@code name}, compressed as a server sends it. */
    public static Case<DnsAnswer> dnsAnswerCase(String name, Zone zone, List<String> expected) {
        return dnsAnswerCase(name, zone.answer(0x4d2, DnsMessage.RD, new DnsMessage.Question(DnsMessage.canonical(name), DnsMessage.A)), expected);
    }

    /** {@code message} encoded (names compressed) as the reply to parse. */
    public static Case<DnsAnswer> dnsAnswerCase(String name, DnsMessage message, List<String> expected) {
        byte[] reply = message.encode();
        return Case.<DnsAnswer>named(Message.of("course3.case.reply-for", name, reply.length))
                .hint(Message.of("course3.hint.dns-answer"))
                .expect(expected, a -> a.addresses(reply.clone()));
    }

    public static Case<NextState> stateCase(TcpState state, TcpEvent event, TcpState expected) {
        return Case.<NextState>named("next(" + state + ", " + event + ")")
                .hint(Message.of("course3.hint.tcp-state"))
                .expect(expected, a -> a.next(state, event));
    }

    public static Case<NextSeq> seqCase(long seq, int length, boolean syn, boolean fin, long expected) {
        return Case.<NextSeq>named("nextSeq(" + seq + ", " + length + ", syn=" + syn + ", fin=" + fin + ")")
                .hint(Message.of("course3.hint.tcp-seq"))
                .expect(expected, a -> a.nextSeq(seq, length, syn, fin));
    }

    /** {@code clients} clients in turn: each sends a line, reads the echo, then closes first; then count TIME_WAIT rows on the server's port. */
    public static Case<PoliteServer> politeCase(int clients) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            expected.add("echo: line " + i);
        }
        expected.add("TIME_WAIT: 0"); // rows of the server's port; words the grading agent and the grading JVM share
        return Case.<PoliteServer>named(Message.of("course3.case.polite", clients))
                .hint(Message.of("course3.hint.client-closes"))
                .expect(expected, a -> {
                    InetAddress lo = InetAddress.getLoopbackAddress();
                    try (ServerSocket server = new ServerSocket(0, 50, lo)) {
                        server.setSoTimeout(TcpExercises.WAIT_MS);
                        Background<Void> running = Background.run(() -> a.serve(server, clients));
                        List<String> got = new ArrayList<>();
                        for (int i = 0; i < clients; i++) {
                            try (Socket s = new Socket(lo, server.getLocalPort())) {
                                s.setSoTimeout(TcpExercises.WAIT_MS);
                                BufferedReader in = TcpExercises.reader(s);
                                TcpExercises.writeLine(s.getOutputStream(), "line " + i);
                                got.add(TcpExercises.readOrBlame(in, running));
                            } // the client closes first
                        }
                        running.await(TcpExercises.WAIT_MS);
                        long waiting = SocketTable.read().tcp().localPort(server.getLocalPort()).state(TcpState.TIME_WAIT).entries().size();
                        got.add("TIME_WAIT: " + waiting);
                        return got;
                    }
                });
    }

    /**
     * The seed's two-router network with one fault: "gateway" (a wrong default gateway on {@code host}), "mask"
     * ({@code host} gets /16), "duplicate" ({@code host} takes the address of the other PC on its switch) or "none".
     */
    public static Case<Misconfigured> misconfiguredCase(String fault, String host, List<String> expected) {
        return Case.<Misconfigured>named(Message.of("course3.case.office"))
                .hint(Message.of("course3.hint.misconfigured"))
                .expect(expected, a -> a.find(office(fault, host)));
    }

    private static final Map<String, String> NEIGHBOUR = Map.of("pc0", "pc1", "pc1", "pc0", "pc2", "pc3", "pc3", "pc2");

    /** The two-router network of §3.5 with one fault injected (see {@link #misconfiguredCase}). */
    public static Lab office(String fault, String host) {
        Lab lab = Topologies.twoRouters();
        Host h = (Host) lab.device(host);
        String ip = h.ip().toString();
        String lastOctetGone = ip.substring(0, ip.lastIndexOf('.') + 1);
        switch (fault) {
            case "gateway" -> h.gateway(lastOctetGone + "253");
            case "mask" -> h.setAddress(ip + "/16");
            case "duplicate" -> h.setAddress(((Host) lab.device(NEIGHBOUR.get(host))).ip() + "/24");
            case "none" -> { }
            default -> throw new IllegalArgumentException("fault is gateway, mask, duplicate or none, not " + fault);
        }
        return lab;
    }

    public static Case<ArpSpoofed> arpCase(List<String> replies, List<String> expected) {
        return Case.<ArpSpoofed>named(Message.of("course3.case.arp", replies.size()))
                .hint(Message.of("course3.hint.arp-spoofed"))
                .expect(expected, a -> a.claimedTwice(replies));
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(SWITCH, LPM, NEXT_HOP, NAT, DNS_QUERY, DNS_ANSWER, TCP_STATE, TCP_SEQ, CLIENT_CLOSES, MISCONFIGURED, ARP_SPOOFED);
    }
}
