package netlab.ip;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import netlab.display.Displayable;
import netlab.display.Table;
import netlab.text.FullWidth;
import netlab.text.Text;

/**
 * A block of IPv4 addresses that share their first {@code prefix} bits: a network address and a mask.
 *
 * <pre>{@code
 * Subnet s = Subnet.parse("192.168.1.0/24");       // or "192.168.1.0 255.255.255.0"
 * s.broadcast()                                     // 192.168.1.255
 * s.firstHost() + " – " + s.lastHost()              // "192.168.1.1 – 192.168.1.254"
 * s.hostCount()                                     // 254
 * s.contains(Ipv4.parse("192.168.1.77"))            // true
 * s.split(4)                                        // [192.168.1.0/26, 192.168.1.64/26, 192.168.1.128/26, 192.168.1.192/26]
 * Subnet.summarize(Subnet.parse("10.0.0.0/24"), Subnet.parse("10.0.1.0/24"))   // [10.0.0.0/23]
 * }</pre>
 *
 * <p>Host bits given in {@link #parse} are cleared: {@code "192.168.1.10/24"} is the subnet 192.168.1.0/24
 * (use {@link Ipv4#in(int)} when you start from a host). Immutable and thread safe.
 *
 * @param network the first address (host bits zero)
 * @param prefix  the number of network bits, 0–32
 */
public record Subnet(Ipv4 network, int prefix) implements Comparable<Subnet>, Displayable {

    public Subnet {
        if (network == null) {
            throw new IllegalArgumentException(Text.of("ip.subnet.null", Text.of("ip.subnet.form")));
        }
        int bits = new Mask(prefix).bits();
        network = new Ipv4(network.bits() & bits);
    }

    /** The subnet of {@code prefix} bits containing {@code address}. Example: {@code Subnet.of(Ipv4.parse("10.1.2.3"), 8)}. */
    public static Subnet of(Ipv4 address, int prefix) {
        return new Subnet(address, prefix);
    }

    /** The subnet containing {@code address} under {@code mask}. Example: {@code Subnet.of(Ipv4.parse("10.1.2.3"), Mask.parse("255.255.0.0"))}. */
    public static Subnet of(Ipv4 address, Mask mask) {
        return new Subnet(address, mask.prefix());
    }

    /**
     * Parses {@code "a.b.c.d/p"}, {@code "a.b.c.d/255.255.255.0"} or {@code "a.b.c.d 255.255.255.0"}.
     * Example: {@code Subnet.parse("172.16.0.0/12")}.
     *
     * @throws IllegalArgumentException naming the bad part (address, prefix or mask)
     */
    public static Subnet parse(String text) {
        return FullWidth.explained(text, () -> parseAscii(text));
    }

    private static Subnet parseAscii(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(Text.of("ip.subnet.none", Text.of("ip.subnet.form")));
        }
        String s = text.strip();
        String[] parts = s.split("\\s*/\\s*|\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException(Text.of("ip.subnet.parts", s, Text.of("ip.subnet.form")));
        }
        Ipv4 address = Ipv4.parse(parts[0]);
        Mask mask = Mask.parse(parts[1]);
        return new Subnet(address, mask.prefix());
    }

    /** The mask. Example: {@code Subnet.parse("10.0.0.0/8").mask()} is 255.0.0.0. */
    public Mask mask() {
        return new Mask(prefix);
    }

    /** The last address (all host bits one). For /31 and /32 there is no directed broadcast; this is then just the last address. Example: {@code Subnet.parse("10.0.0.0/8").broadcast()} is 10.255.255.255. */
    public Ipv4 broadcast() {
        return new Ipv4(network.bits() | ~mask().bits());
    }

    /** How many addresses the block holds, hosts or not. Example: {@code Subnet.parse("10.0.0.0/24").size()} is 256. */
    public long size() {
        return mask().blockSize();
    }

    /**
     * Usable host addresses: size − 2 (network and broadcast are reserved), except /31 has 2 (RFC 3021,
     * point-to-point links) and /32 has 1 (the single host). Example: {@code Subnet.parse("10.0.0.0/30").hostCount()} is 2.
     */
    public long hostCount() {
        return prefix >= 31 ? size() : size() - 2;
    }

    /** The first usable host address. Example: {@code Subnet.parse("192.168.1.0/24").firstHost()} is 192.168.1.1. */
    public Ipv4 firstHost() {
        return prefix >= 31 ? network : network.plus(1);
    }

    /** The last usable host address. Example: {@code Subnet.parse("192.168.1.0/24").lastHost()} is 192.168.1.254. */
    public Ipv4 lastHost() {
        return prefix >= 31 ? broadcast() : broadcast().plus(-1);
    }

    /**
     * The usable hosts, in order; computed as you read them, so even a /8 costs no memory.
     * Example: {@code Subnet.parse("10.0.0.0/29").hosts()} is 10.0.0.1 … 10.0.0.6.
     *
     * @throws IllegalStateException for /0, whose 4,294,967,294 hosts are more than a Java list can count (a /1 has 2,147,483,646: just enough)
     */
    public List<Ipv4> hosts() {
        if (hostCount() > Integer.MAX_VALUE) {
            throw new IllegalStateException(Text.of("ip.subnet.tooManyHosts", this, hostCount()));
        }
        Ipv4 first = firstHost();
        int count = (int) hostCount();
        return new AbstractList<>() {
            @Override
            public Ipv4 get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException(Text.of("ip.subnet.hostIndex", index, Subnet.this, count - 1));
                }
                return first.plus(index);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** Whether the address is in this block. Example: {@code Subnet.parse("10.0.0.0/8").contains(Ipv4.parse("10.9.9.9"))}. */
    public boolean contains(Ipv4 address) {
        return (address.bits() & mask().bits()) == network.bits();
    }

    /** Whether the whole other block lies in this one. Example: {@code Subnet.parse("10.0.0.0/8").contains(Subnet.parse("10.1.0.0/16"))}. */
    public boolean contains(Subnet other) {
        return other.prefix >= prefix && contains(other.network);
    }

    /**
     * Whether two hosts are on the same subnet under this mask, i.e. talk directly without a router.
     * Example: {@code Subnet.sameSubnet(Ipv4.parse("192.168.1.1"), Ipv4.parse("192.168.1.8"), Mask.parse("255.255.255.0"))}.
     */
    public static boolean sameSubnet(Ipv4 a, Ipv4 b, Mask mask) {
        return ((a.bits() ^ b.bits()) & mask.bits()) == 0;
    }

    /**
     * All subnets of {@code newPrefix} inside this one. Example: {@code Subnet.parse("10.0.0.0/24").subnets(26)} gives 4.
     *
     * @throws IllegalArgumentException if {@code newPrefix} is shorter than this prefix or longer than 32
     */
    public List<Subnet> subnets(int newPrefix) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException(Text.of("ip.subnets.range", this, prefix, 32, newPrefix));
        }
        int bitsAdded = newPrefix - prefix;
        if (bitsAdded > 30) {
            throw new IllegalArgumentException(Text.of("ip.subnets.tooMany", this, newPrefix, bitsAdded));
        }
        int count = 1 << bitsAdded;
        long step = 1L << (32 - newPrefix);
        return new AbstractList<>() {
            @Override
            public Subnet get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException(Text.of("ip.subnets.index", index, count, count - 1));
                }
                return new Subnet(network.plus(step * index), newPrefix);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /**
     * Splits into at least {@code n} equal subnets: n is rounded up to a power of two (3 → 4 subnets, one spare),
     * because each extra network bit doubles the count. Example: {@code Subnet.parse("192.168.1.0/24").split(4)} gives four /26.
     */
    public List<Subnet> split(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(Text.of("ip.split.count", n));
        }
        int bitsNeeded = 32 - Integer.numberOfLeadingZeros(n - 1);
        if (prefix + bitsNeeded > 32) {
            throw new IllegalArgumentException(Text.of("ip.split.noBits", this, n, bitsNeeded, 32 - prefix));
        }
        return subnets(prefix + bitsNeeded);
    }

    /** The smallest single block containing all of these (a supernet). Example: {@code Subnet.covering(Subnet.parse("10.0.0.0/24"), Subnet.parse("10.0.3.0/24"))} is 10.0.0.0/22. */
    public static Subnet covering(Subnet... subnets) {
        requireSome(subnets);
        int low = subnets[0].network.bits();
        int high = subnets[0].broadcast().bits();
        for (Subnet s : subnets) {
            low = Integer.compareUnsigned(s.network.bits(), low) < 0 ? s.network.bits() : low;
            high = Integer.compareUnsigned(s.broadcast().bits(), high) > 0 ? s.broadcast().bits() : high;
        }
        int common = Integer.numberOfLeadingZeros(low ^ high);
        return new Subnet(new Ipv4(low), common);
    }

    /**
     * The fewest prefixes that cover exactly the same addresses (route summarization): overlapping and
     * adjacent blocks are merged, nothing extra is added. Example:
     * {@code Subnet.summarize(Subnet.parse("10.0.0.0/24"), Subnet.parse("10.0.1.0/24"), Subnet.parse("10.0.2.0/24"))}
     * is {@code [10.0.0.0/23, 10.0.2.0/24]}.
     */
    public static List<Subnet> summarize(Subnet... subnets) {
        return summarize(Arrays.asList(subnets));
    }

    /** As {@link #summarize(Subnet...)}, for a list. Example: {@code Subnet.summarize(List.of(Subnet.parse("10.0.0.0/25"), Subnet.parse("10.0.0.128/25")))}. */
    public static List<Subnet> summarize(List<Subnet> subnets) {
        requireSome(subnets.toArray(Subnet[]::new));
        List<long[]> ranges = new ArrayList<>();
        subnets.stream().sorted().forEach(s -> {
            long start = s.network.toLong();
            long end = s.broadcast().toLong();
            long[] last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && start <= last[1] + 1) {
                last[1] = Math.max(last[1], end);
            } else {
                ranges.add(new long[] {start, end});
            }
        });
        List<Subnet> out = new ArrayList<>();
        for (long[] r : ranges) {
            long start = r[0];
            while (start <= r[1]) {
                // the largest aligned block that starts here and does not pass the end
                int size = start == 0 ? 32 : Long.numberOfTrailingZeros(start);
                while ((1L << size) - 1 > r[1] - start) {
                    size--;
                }
                out.add(new Subnet(Ipv4.ofLong(start), 32 - size));
                start += 1L << size;
            }
        }
        return out;
    }

    private static void requireSome(Subnet[] subnets) {
        if (subnets.length == 0) {
            throw new IllegalArgumentException(Text.of("ip.summarize.none", "Subnet.parse(\"10.0.0.0/24\")"));
        }
        for (int i = 0; i < subnets.length; i++) {
            if (subnets[i] == null) {
                throw new IllegalArgumentException(Text.of("ip.summarize.null", i + 1, "Subnet.parse(\"…\")"));
            }
        }
    }

    /** Network, mask, broadcast, host range and count as a table. Example: {@code Subnet.parse("192.168.1.0/26").describe()}. */
    public Table describe() {
        String usable = prefix == 31 ? Text.of("ip.subnet.usable.31") : prefix == 32 ? Text.of("ip.subnet.usable.32")
                : Text.of("ip.subnet.usable", size());
        return Table.of(Text.of("ip.describe.property"), Text.of("ip.describe.value"))
                .row(Text.of("ip.describe.subnet"), this)
                .row(Text.of("ip.describe.mask"), Text.of("ip.subnet.maskValue", mask(), prefix, mask().wildcard()))
                .row(Text.of("ip.describe.network"), network + "  " + network.binary())
                .row(Text.of("ip.describe.broadcast"), broadcast() + "  " + broadcast().binary())
                .row(Text.of("ip.describe.hosts"), firstHost() + " – " + lastHost())
                .row(Text.of("ip.describe.usable"), hostCount() + " " + usable)
                .row(Text.of("ip.describe.classOfNetwork"), network.addressClass() + ", " + network.kind());
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", describe().text(), "text/html", describe().html());
    }

    @Override
    public int compareTo(Subnet other) {
        return Comparator.comparing(Subnet::network).thenComparingInt(Subnet::prefix).compare(this, other);
    }

    /** CIDR form. Example: {@code Subnet.parse("10.0.0.0 255.0.0.0").toString()} is "10.0.0.0/8". */
    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
