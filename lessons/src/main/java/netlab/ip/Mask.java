package netlab.ip;

import netlab.text.FullWidth;
import netlab.text.Text;

/**
 * A subnet mask: {@code prefix} one-bits from the left, then zero-bits. Written dotted ({@code 255.255.255.0})
 * or as a CIDR prefix ({@code /24}); both mean the same thing.
 *
 * <pre>{@code
 * Mask.parse("255.255.255.0").prefix()     // 24
 * Mask.parse("/20")                          // 255.255.240.0
 * Mask.ofPrefix(26).wildcard()               // 0.0.0.63
 * Mask.parse("255.0.255.0")                  // error: the one-bits are not contiguous
 * }</pre>
 *
 * Immutable and thread safe.
 *
 * @param prefix the number of leading one-bits, 0–32
 */
public record Mask(int prefix) {

    public Mask {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException(Text.of("ip.prefix.range", prefix, 32));
        }
    }

    /** The mask with this many one-bits. Example: {@code Mask.ofPrefix(24)} is 255.255.255.0. */
    public static Mask ofPrefix(int prefix) {
        return new Mask(prefix);
    }

    /**
     * Parses {@code "255.255.255.0"}, {@code "/24"} or {@code "24"}. Example: {@code Mask.parse("255.255.252.0")}.
     *
     * <p>A prefix length is ASCII digits 0–9 with a value 0–32; leading zeros are allowed and ignored
     * ({@code "/024"} is /24), as in Python's {@code ipaddress}. A dotted mask follows {@link Ipv4#parse}.
     *
     * @throws IllegalArgumentException if the one-bits are not contiguous from the left, naming the first
     *         zero-bit that is followed by a one-bit and the nearest valid masks; a wildcard (ACL) mask such as
     *         {@code 0.0.0.255} is named as one
     */
    public static Mask parse(String text) {
        return FullWidth.explained(text, () -> parseAscii(text));
    }

    private static Mask parseAscii(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(Text.of("ip.mask.none"));
        }
        String s = text.strip();
        if (!s.contains(".")) {
            return new Mask(prefixLength(s, 32, "/24"));
        }
        Ipv4 dotted;
        try {
            dotted = Ipv4.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(Ipv4.form(), Text.of("ip.mask.dottedForm")), e);
        }
        return ofBits(dotted.bits(), s);
    }

    /**
     * The number in {@code "/24"} or {@code "24"}: ASCII digits only (Java's own parsers also take other
     * scripts' digits, like "٢٤"), leading zeros allowed, at most {@code max}. Shared with {@link Ipv6Subnet}.
     */
    static int prefixLength(String text, int max, String example) {
        String digits = text.startsWith("/") ? text.substring(1) : text;
        if (digits.isEmpty()) {
            throw new IllegalArgumentException(Text.of("ip.prefix.missing", text, example));
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(Text.of("ip.prefix.digits", text, digits, example));
            }
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 3 || Integer.parseInt(significant) > max) {
            throw new IllegalArgumentException(Text.of("ip.prefix.range", digits, max));
        }
        return Integer.parseInt(significant);
    }

    /** The mask with these 32 bits, if they are contiguous. Example: {@code Mask.of(Ipv4.parse("255.255.0.0"))}. */
    public static Mask of(Ipv4 dotted) {
        return ofBits(dotted.bits(), dotted.toString());
    }

    private static Mask ofBits(int bits, String text) {
        int ones = Integer.numberOfLeadingZeros(~bits);
        Mask candidate = new Mask(ones);
        int inverse = Integer.numberOfLeadingZeros(bits);
        if (candidate.bits() != bits && new Mask(inverse).bits() == ~bits) {
            Mask meant = new Mask(inverse);
            throw new IllegalArgumentException(Text.of("ip.mask.wildcard", text, meant, inverse));
        }
        if (candidate.bits() != bits) {
            Ipv4 ip = new Ipv4(bits);
            int shorter = ones;
            int longer = 32 - Integer.numberOfTrailingZeros(bits);
            throw new IllegalArgumentException(Text.of("ip.mask.gap", text, ip.binary(), ones + 1, new Mask(shorter),
                    shorter, new Mask(longer), longer));
        }
        return candidate;
    }

    /** The 32 bits (one-bits first). Example: {@code Mask.ofPrefix(8).bits()} is 0xFF000000. */
    public int bits() {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** The mask as an address value. Example: {@code Mask.ofPrefix(24).toIpv4()} is 255.255.255.0. */
    public Ipv4 toIpv4() {
        return new Ipv4(bits());
    }

    /** The inverted mask (host bits set), as in Cisco ACLs. Example: {@code Mask.ofPrefix(24).wildcard()} is 0.0.0.255. */
    public Ipv4 wildcard() {
        return new Ipv4(~bits());
    }

    /** How many addresses a block with this mask holds. Example: {@code Mask.ofPrefix(24).blockSize()} is 256. */
    public long blockSize() {
        return 1L << (32 - prefix);
    }

    /** Dotted form. Example: {@code Mask.ofPrefix(20).toString()} is "255.255.240.0". */
    @Override
    public String toString() {
        return toIpv4().toString();
    }
}
