package netlab.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netlab.text.Text;

/**
 * An iterative resolver, the part of a DNS server like 114.114.114.114 that does the walking: ask the root,
 * follow each referral (NS records plus glue addresses) one level down, until an authoritative server answers.
 * Each step is a real UDP exchange on loopback.
 *
 * <pre>{@code
 * Resolver.trace("www.itcast.cn")    // starts a DnsLab, walks root → cn. → itcast.cn., stops the lab
 * }</pre>
 */
public final class Resolver {

    /** How long the resolver waits for each answer. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(1);

    private final InetSocketAddress root;
    private final Random ids = new Random();

    Resolver(InetSocketAddress root) {
        this.root = root;
    }

    /** Starts a {@link DnsLab}, resolves {@code name} from its root and stops it again. */
    public static Resolution trace(String name) {
        try (DnsLab lab = DnsLab.start()) {
            return lab.trace(name);
        }
    }

    /** {@code iterative resolver starting at the root 127.0.0.11:54947}. */
    @Override
    public String toString() {
        return Text.of("dns.resolver.shown", shown(root));
    }

    /** Resolves {@code name} (type A) starting at the root; at most 10 steps, 1 s per answer. */
    public Resolution walk(String name) {
        List<Resolution.Step> steps = new ArrayList<>();
        InetSocketAddress server = root;
        String qname = DnsMessage.canonical(name);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(root.getAddress(), 0))) {
            for (int i = 0; i < 10; i++) {
                DnsMessage query = new DnsMessage(ids.nextInt(1 << 16), 0, List.of(new DnsMessage.Question(qname, DnsMessage.A)),
                        List.of(), List.of(), List.of());
                byte[] q = query.encode();
                socket.send(new DatagramPacket(q, q.length, server));
                DnsMessage reply = receiveMatching(socket, query, server);
                steps.add(new Resolution.Step(server, qname, reply));
                if (!reply.answers().isEmpty()) {
                    DnsMessage.Record last = reply.answers().getLast();
                    if (last.type() == DnsMessage.CNAME) {
                        qname = last.data();
                        server = root;
                        continue;
                    }
                    return new Resolution(name, steps);
                }
                if (reply.authority().isEmpty() || reply.additional().isEmpty()) {
                    return new Resolution(name, steps); // NXDOMAIN, or a referral without glue: stop
                }
                server = new InetSocketAddress(reply.additional().getFirst().data(), root.getPort());
            }
            return new Resolution(name, steps);
        } catch (IOException e) {
            throw new UncheckedIOException(Text.of("dns.resolver.failed", name, shown(server), e.getMessage()), e);
        }
    }

    /**
     * Waits up to {@link #ANSWER_WAIT} for the reply to {@code query} from {@code server}: same id, same question;
     * anything else is ignored.
     */
    private static DnsMessage receiveMatching(DatagramSocket socket, DnsMessage query, InetSocketAddress server)
            throws IOException {
        byte[] buf = new byte[512];
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            DnsMessage m;
            try {
                m = DnsMessage.decode(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            } catch (IllegalArgumentException malformed) {
                continue;
            }
            if (StubCheck.accepts(query, m, p.getSocketAddress(), server)) {
                return m;
            }
        }
        throw new SocketTimeoutException(Text.of("dns.resolver.no-answer", shown(server), ANSWER_WAIT.toSeconds()));
    }

    /** {@code 127.0.0.11:53}, as the trace's table shows a server. */
    static String shown(InetSocketAddress server) {
        return server.getAddress().getHostAddress() + ":" + server.getPort();
    }
}
