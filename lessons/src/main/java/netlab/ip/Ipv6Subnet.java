package netlab.ip;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import netlab.display.Displayable;
import netlab.display.Table;
import netlab.text.Text;

/**
 * An IPv6 block in CIDR form, such as {@code 2001:db8::/32}: the counterpart of {@link Subnet}. IPv6 has no
 * broadcast and no dotted masks, only prefix lengths 0–128; a LAN is almost always a /64.
 *
 * <pre>{@code
 * Ipv6Subnet s = Ipv6Subnet.parse("2001:db8:0:1::5/64");   // host bits are cleared
 * s                                                        // 2001:db8:0:1::/64
 * s.lastAddress()                                          // 2001:db8:0:1:ffff:ffff:ffff:ffff
 * s.size()                                                 // 18446744073709551616 (2^64)
 * s.contains(Ipv6.parse("2001:db8:0:1::abcd"))             // true
 * Ipv6Subnet.parse("2001:db8::/48").split(4)               // [2001:db8::/50, 2001:db8:0:4000::/50, 2001:db8:0:8000::/50, 2001:db8:0:c000::/50]
 * Ipv6Subnet.summarize(Ipv6Subnet.parse("2001:db8::/48"), Ipv6Subnet.parse("2001:db8:1::/48"))   // [2001:db8::/47]
 * }</pre>
 *
 * <p>Why no {@code hosts()}? Even a /64 holds 2^64 addresses; IPv6 hands them out by SLAAC or DHCPv6, not
 * by counting. Immutable and thread safe.
 *
 * @param network the first address (host bits zero)
 * @param prefix  the number of network bits, 0–128
 */
public record Ipv6Subnet(Ipv6 network, int prefix) implements Comparable<Ipv6Subnet>, Displayable {

    private static final BigInteger ALL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public Ipv6Subnet {
        if (network == null) {
            throw new IllegalArgumentException(Text.of("ip.ipv6subnet.null"));
        }
        if (prefix < 0 || prefix > 128) {
            throw new IllegalArgumentException(Text.of("ip.prefix.range", prefix, 128));
        }
        network = Ipv6.ofValue(network.value().and(maskValue(prefix)));
    }

    /** The subnet of {@code prefix} bits containing {@code address}. Example: {@code Ipv6Subnet.of(Ipv6.parse("fe80::1"), 10)}. */
    public static Ipv6Subnet of(Ipv6 address, int prefix) {
        return new Ipv6Subnet(address, prefix);
    }

    /**
     * Parses {@code "address/prefix"}; host bits are cleared. Example: {@code Ipv6Subnet.parse("fd00::/8")}.
     * The prefix length follows {@link Mask#parse}'s rule: ASCII digits, leading zeros allowed.
     *
     * @throws IllegalArgumentException naming the bad part (address or prefix length)
     */
    public static Ipv6Subnet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(Text.of("ip.ipv6subnet.none"));
        }
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(Text.of("ip.ipv6subnet.noPrefix", s));
        }
        String address = s.substring(0, slash).strip();
        String length = s.substring(slash + 1).strip();
        if (address.contains(".") && !address.contains(":")) {
            throw new IllegalArgumentException(Text.of("ip.ipv6subnet.isIpv4", s));
        }
        if (length.contains(":") || length.contains(".")) {
            throw new IllegalArgumentException(Text.of("ip.ipv6subnet.mask", s));
        }
        Ipv6 network = Ipv6.parse(address);
        int prefix;
        try {
            prefix = Mask.prefixLength(length, 128, "/64");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(length.isEmpty() || length.chars().anyMatch(c -> c < '0' || c > '9')
                    ? Text.of("ip.prefix.digits", s, length, "/64")
                    : Text.of("ip.ipv6subnet.prefixTooLong", s, length), e);
        }
        return new Ipv6Subnet(network, prefix);
    }

    /** The last address of the block (all host bits one). Example: {@code Ipv6Subnet.parse("fe80::/64").lastAddress()}. */
    public Ipv6 lastAddress() {
        return Ipv6.ofValue(network.value().or(maskValue(prefix).xor(ALL)));
    }

    /** How many addresses the block holds: 2^(128 − prefix). Example: {@code Ipv6Subnet.parse("2001:db8::/64").size()}. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(128 - prefix);
    }

    /** Whether the address is in this block. Example: {@code Ipv6Subnet.parse("fe80::/10").contains(Ipv6.parse("fe80::1"))}. */
    public boolean contains(Ipv6 address) {
        return address.value().and(maskValue(prefix)).equals(network.value());
    }

    /** Whether the whole other block lies in this one. Example: {@code Ipv6Subnet.parse("2001:db8::/32").contains(Ipv6Subnet.parse("2001:db8:1::/48"))}. */
    public boolean contains(Ipv6Subnet other) {
        return other.prefix >= prefix && contains(other.network);
    }

    /**
     * All subnets of {@code newPrefix} inside this one, computed as you read them. Example:
     * {@code Ipv6Subnet.parse("2001:db8::/48").subnets(64)} gives 65,536 /64 LANs.
     *
     * @throws IllegalArgumentException if {@code newPrefix} is shorter than this prefix or longer than 128, or
     *         makes more than 2^30 subnets
     */
    public List<Ipv6Subnet> subnets(int newPrefix) {
        if (newPrefix < prefix || newPrefix > 128) {
            throw new IllegalArgumentException(Text.of("ip.subnets.range", this, prefix, 128, newPrefix));
        }
        int bitsAdded = newPrefix - prefix;
        if (bitsAdded > 30) {
            throw new IllegalArgumentException(Text.of("ip.subnets.tooMany", this, newPrefix, bitsAdded));
        }
        int count = 1 << bitsAdded;
        BigInteger start = network.value();
        return new AbstractList<>() {
            @Override
            public Ipv6Subnet get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException(Text.of("ip.subnets.index", index, count, count - 1));
                }
                return new Ipv6Subnet(Ipv6.ofValue(start.add(BigInteger.valueOf(index).shiftLeft(128 - newPrefix))), newPrefix);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /**
     * Splits into at least {@code n} equal subnets, n rounded up to a power of two. Example:
     * {@code Ipv6Subnet.parse("2001:db8::/32").split(4)} gives four /34.
     */
    public List<Ipv6Subnet> split(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(Text.of("ip.split.count", n));
        }
        int bitsNeeded = 32 - Integer.numberOfLeadingZeros(n - 1);
        if (prefix + bitsNeeded > 128) {
            throw new IllegalArgumentException(Text.of("ip.split.noBits", this, n, bitsNeeded, 128 - prefix));
        }
        return subnets(prefix + bitsNeeded);
    }

    /**
     * The fewest prefixes covering exactly the same addresses (route summarization), as {@link Subnet#summarize}.
     * Example: {@code Ipv6Subnet.summarize(Ipv6Subnet.parse("2001:db8::/48"), Ipv6Subnet.parse("2001:db8:1::/48"))}
     * is {@code [2001:db8::/47]}.
     */
    public static List<Ipv6Subnet> summarize(Ipv6Subnet... subnets) {
        return summarize(Arrays.asList(subnets));
    }

    /** As {@link #summarize(Ipv6Subnet...)}, for a list. */
    public static List<Ipv6Subnet> summarize(List<Ipv6Subnet> subnets) {
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException(Text.of("ip.summarize.none", "Ipv6Subnet.parse(\"2001:db8::/48\")"));
        }
        for (int i = 0; i < subnets.size(); i++) {
            if (subnets.get(i) == null) {
                throw new IllegalArgumentException(Text.of("ip.summarize.null", i + 1, "Ipv6Subnet.parse(\"…\")"));
            }
        }
        List<BigInteger[]> ranges = new ArrayList<>();
        subnets.stream().sorted().forEach(s -> {
            BigInteger start = s.network.value();
            BigInteger end = s.lastAddress().value();
            BigInteger[] last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && start.compareTo(last[1].add(BigInteger.ONE)) <= 0) {
                last[1] = last[1].max(end);
            } else {
                ranges.add(new BigInteger[] {start, end});
            }
        });
        List<Ipv6Subnet> out = new ArrayList<>();
        for (BigInteger[] r : ranges) {
            BigInteger start = r[0];
            while (start.compareTo(r[1]) <= 0) {
                // the largest aligned block that starts here and does not pass the end
                int size = start.signum() == 0 ? 128 : start.getLowestSetBit();
                while (BigInteger.ONE.shiftLeft(size).subtract(BigInteger.ONE).compareTo(r[1].subtract(start)) > 0) {
                    size--;
                }
                out.add(new Ipv6Subnet(Ipv6.ofValue(start), 128 - size));
                start = start.add(BigInteger.ONE.shiftLeft(size));
            }
        }
        return out;
    }

    /** Network, last address, size and kind as a table. Example: {@code Ipv6Subnet.parse("fe80::/64").describe()}. */
    public Table describe() {
        return Table.of(Text.of("ip.describe.property"), Text.of("ip.describe.value"))
                .row(Text.of("ip.describe.subnet"), this)
                .row(Text.of("ip.describe.network"), network.expanded())
                .row(Text.of("ip.describe.lastAddress"), lastAddress().expanded())
                .row(Text.of("ip.describe.addresses"), "2^" + (128 - prefix) + " = " + size())
                .row(Text.of("ip.describe.kindOfNetwork"), network.kind());
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", describe().text(), "text/html", describe().html());
    }

    @Override
    public int compareTo(Ipv6Subnet other) {
        return Comparator.comparing((Ipv6Subnet s) -> s.network.value()).thenComparingInt(Ipv6Subnet::prefix).compare(this, other);
    }

    /** CIDR form with the network in RFC 5952 text. Example: {@code Ipv6Subnet.parse("2001:0DB8::/32").toString()} is "2001:db8::/32". */
    @Override
    public String toString() {
        return network + "/" + prefix;
    }

    private static BigInteger maskValue(int prefix) {
        return ALL.shiftRight(prefix).xor(ALL);
    }
}
