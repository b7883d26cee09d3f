package netlab.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * The records one authoritative server holds: its own names, and delegations (NS records, with the servers'
 * addresses as glue) for the zones below it.
 *
 * <pre>{@code
 * Zone cn = Zone.of("cn.").delegate("itcast.cn.", "ns.itcast.cn.", "127.0.0.13");
 * Zone itcast = Zone.of("itcast.cn.").a("www.itcast.cn.", "203.0.113.80");
 * }</pre>
 */
public final class Zone {

    private final String apex;
    private final List<DnsMessage.Record> records = new ArrayList<>();

    private Zone(String apex) {
        this.apex = DnsMessage.canonical(apex);
    }

    /** An empty zone for the names under {@code apex}. Example: {@code Zone.of("itcast.cn.")}. */
    public static Zone of(String apex) {
        return new Zone(apex);
    }

    /** The name the zone starts at, with its final dot. Example: {@code Zone.of("cn").apex()} is {@code "cn."}. */
    public String apex() {
        return apex;
    }

    /** Adds an A record. */
    public Zone a(String name, String ip) {
        records.add(new DnsMessage.Record(DnsMessage.canonical(name), DnsMessage.A, 3600, ip));
        return this;
    }

    /** Adds a CNAME (an alias). */
    public Zone cname(String alias, String target) {
        records.add(new DnsMessage.Record(DnsMessage.canonical(alias), DnsMessage.CNAME, 3600, DnsMessage.canonical(target)));
        return this;
    }

    /** Delegates {@code child} to name server {@code nsName} at {@code nsIp} (NS record plus glue). */
    public Zone delegate(String child, String nsName, String nsIp) {
        records.add(new DnsMessage.Record(DnsMessage.canonical(child), DnsMessage.NS, 172800, DnsMessage.canonical(nsName)));
        records.add(new DnsMessage.Record(DnsMessage.canonical(nsName), DnsMessage.A, 172800, nsIp));
        return this;
    }

    /**
     * The zone as a zone file writes it: {@code $ORIGIN itcast.cn.}, then a record a line
     * ({@code www.itcast.cn. 3600 A 203.0.113.80}).
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("$ORIGIN ").append(apex);
        records.forEach(r -> s.append('\n').append(r));
        return s.toString();
    }

    /** The answer this zone gives to {@code q}, with {@code id} and the RD bit of the query copied. */
    public DnsMessage answer(int id, int queryFlags, DnsMessage.Question q) {
        int flags = DnsMessage.QR | (queryFlags & DnsMessage.RD);
        List<DnsMessage.Record> exact = records.stream().filter(r -> r.name().equals(q.name())
                && (r.type() == q.type() || r.type() == DnsMessage.CNAME) && r.type() != DnsMessage.NS).toList();
        if (!exact.isEmpty()) {
            return new DnsMessage(id, flags | DnsMessage.AA, List.of(q), exact, List.of(), List.of());
        }
        // the longest delegated suffix of the name: a referral
        String best = null;
        for (DnsMessage.Record r : records) {
            if (r.type() == DnsMessage.NS && (q.name().equals(r.name()) || q.name().endsWith("." + r.name()))
                    && (best == null || r.name().length() > best.length())) {
                best = r.name();
            }
        }
        if (best != null) {
            String cut = best;
            List<DnsMessage.Record> ns = records.stream().filter(r -> r.type() == DnsMessage.NS && r.name().equals(cut)).toList();
            List<DnsMessage.Record> glue = records.stream().filter(r -> r.type() == DnsMessage.A
                    && ns.stream().anyMatch(n -> n.data().equals(r.name()))).toList();
            return new DnsMessage(id, flags, List.of(q), List.of(), ns, glue);
        }
        return new DnsMessage(id, flags | DnsMessage.AA | DnsMessage.NXDOMAIN, List.of(q), List.of(), List.of(), List.of());
    }
}
