package netlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * A NAT (network address and port translation) as in a home router: an inside {@code ip:port} that sends out
 * gets a port of the one public address (from 40000 up, reused for the same inside endpoint); an answer from a
 * remote it sent to is let back in and rewritten; anything else from outside is dropped unless a port is
 * forwarded. Endpoints are written {@code "192.168.1.10:50000"}.
 *
 * <pre>{@code
 * Nat nat = Nat.of("203.0.113.5");
 * nat.outbound("192.168.1.10:50000", "8.8.8.8:53")     // 203.0.113.5:40000
 * nat.inbound("8.8.8.8:53", "203.0.113.5:40000")       // Optional[192.168.1.10:50000]
 * nat.inbound("6.6.6.6:1234", "203.0.113.5:40000")     // Optional.empty: nobody inside asked 6.6.6.6
 * }</pre>
 */
public final class Nat implements Tabular {

    /** The first public port handed out. */
    public static final int FIRST_PORT = 40000;

    private record Mapping(String inside, int publicPort, Set<String> remotes) {
    }

    private final String publicIp;
    private final Map<String, Mapping> byInside = new LinkedHashMap<>();
    private final Map<Integer, Mapping> byPort = new LinkedHashMap<>();
    private final Map<Integer, String> forwarded = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private int nextPort = FIRST_PORT;

    private Nat(String publicIp) {
        this.publicIp = netlab.ip.Ipv4.parse(publicIp).toString();
    }

    /** A NAT whose outside address is {@code publicIp}. */
    public static Nat of(String publicIp) {
        return new Nat(publicIp);
    }

    public String publicIp() {
        return publicIp;
    }

    /** Forwards {@code publicPort} to {@code inside} ("port forwarding"): outsiders may start connections to it. */
    public Nat forward(int publicPort, String inside) {
        forwarded.put(publicPort, endpoint(inside));
        return this;
    }

    /** A packet from {@code inside} to {@code remote} leaves: the public endpoint it now comes from. */
    public String outbound(String inside, String remote) {
        String in = endpoint(inside);
        Mapping m = byInside.computeIfAbsent(in, k -> {
            while (byPort.containsKey(nextPort) || forwarded.containsKey(nextPort)) {
                nextPort++;
            }
            Mapping fresh = new Mapping(k, nextPort++, new LinkedHashSet<>());
            byPort.put(fresh.publicPort(), fresh);
            return fresh;
        });
        m.remotes().add(endpoint(remote));
        String out = publicIp + ":" + m.publicPort();
        log.add(Text.of("sim.nat.out", in, remote, out));
        return out;
    }

    /** A packet from {@code remote} to the public {@code publicEndpoint} arrives: the inside endpoint it goes to, or empty (dropped). */
    public Optional<String> inbound(String remote, String publicEndpoint) {
        String to = endpoint(publicEndpoint);
        int port = Integer.parseInt(to.substring(to.lastIndexOf(':') + 1));
        Optional<String> inside = Optional.empty();
        if (to.startsWith(publicIp + ":")) {
            Mapping m = byPort.get(port);
            if (m != null && m.remotes().contains(endpoint(remote))) {
                inside = Optional.of(m.inside());
            } else if (forwarded.containsKey(port)) {
                inside = Optional.of(forwarded.get(port));
            }
        }
        log.add(inside.map(i -> Text.of("sim.nat.in", remote, to, i)).orElse(Text.of("sim.nat.drop", remote, to)));
        return inside;
    }

    /** What the NAT did, one line per packet. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private static String endpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(Text.of("sim.nat.endpoint", text));
        }
        int port = Integer.parseInt(text.substring(colon + 1).strip());
        return netlab.ip.Ipv4.parse(text.substring(0, colon).strip()) + ":" + port;
    }

    @Override
    public Table table() {
        Table t = Table.captioned(Text.of("sim.nat.caption", publicIp), Text.of("sim.nat.col.inside"), Text.of("sim.nat.col.public"), Text.of("sim.nat.col.remotes"));
        for (Mapping m : byInside.values()) {
            t.row(m.inside(), publicIp + ":" + m.publicPort(), String.join(", ", m.remotes()));
        }
        forwarded.forEach((port, inside) -> t.row(inside, publicIp + ":" + port, Text.of("sim.nat.forwarded")));
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
