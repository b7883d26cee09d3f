package netlab.ip;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import netlab.display.Table;

/**
 * An IPv6 address: 128 bits, written as eight groups of four hex digits separated by colons.
 *
 * <pre>{@code
 * Ipv6 a = Ipv6.parse("2001:0DB8:0000:0000:0000:ff00:0042:8329");
 * a.toString()      // "2001:db8::ff00:42:8329"  (RFC 5952: lower case, no leading zeros, longest zero run as ::)
 * a.expanded()      // "2001:0db8:0000:0000:0000:ff00:0042:8329"
 * a.kind()          // DOCUMENTATION (2001:db8::/32 is for examples, never routed)
 * Ipv6.parse("::ffff:192.168.1.10").ipv4()   // Optional[192.168.1.10]
 * }</pre>
 *
 * <p><b>Why not {@code java.net.Inet6Address}?</b> Its {@code toString} never compresses zero runs
 * ({@code 2001:db8:0:0:0:ff00:42:8329}) and it cannot say what kind of address it holds beyond a few flags.
 * Immutable and thread safe.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 */
public record Ipv6(long high, long low) {

    /** What an IPv6 address is for (RFC 4291 and the IANA registry, common entries). */
    public enum Kind {
        /** {@code ::} — no address. */
        UNSPECIFIED,
        /** {@code ::1} — this host. */
        LOOPBACK,
        /** {@code ::ffff:0:0/96} — an IPv4 address seen through an IPv6 socket. */
        IPV4_MAPPED,
        /** {@code fe80::/10} — valid only on one link; every interface has one. */
        LINK_LOCAL,
        /** {@code fc00::/7} — private networks, like RFC 1918 for IPv4. */
        UNIQUE_LOCAL,
        /** {@code ff00::/8} — groups; IPv6 has no broadcast. */
        MULTICAST,
        /** {@code 2001:db8::/32} (RFC 3849) — for examples in books and manuals; never routed. */
        DOCUMENTATION,
        /** {@code 2001:2::/48} (RFC 5180) — for measuring network devices in a lab; never routed. */
        BENCHMARKING,
        /** {@code 2000::/3} other than the two above — routable on the Internet. */
        GLOBAL_UNICAST,
        /** Anything else — reserved by IANA. */
        RESERVED;

        /**
         * What this kind is for, in the student's language. Example: {@code Ipv6.Kind.UNIQUE_LOCAL.meaning()} is
         * "唯一本地地址（fc00::/7，私有网络用，相当于 IPv4 的私有地址）" in a Chinese notebook.
         */
        public String meaning() {
            return netlab.text.Text.of("ip.kind.v6." + name());
        }
    }

    /** How an IPv6 address is written, in the student's language. */
    private static String form() {
        return netlab.text.Text.of("ip.ipv6.form");
    }

    /**
     * Parses any textual form, including {@code ::} and a trailing dotted IPv4 part. Example: {@code Ipv6.parse("fe80::1")}.
     *
     * @throws IllegalArgumentException naming the bad part, e.g. {@code "2001:db8::12345: group 3 is \"12345\", which has more than 4 hex digits"}
     */
    public static Ipv6 parse(String text) {
        return netlab.text.FullWidth.explained(text, () -> parseAscii(text));
    }

    private static Ipv6 parseAscii(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.none", form()));
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            String prefix = s.substring(slash);
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.prefixGiven", s, prefix));
        }
        if (s.contains("%")) {
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.zone", s, s.substring(s.indexOf('%'))));
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.twoRuns", s));
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int[] headGroups = groups(s, head, 0);
        int[] tailGroups = groups(s, tail, headGroups.length);
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 && total != 8) {
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.groups", s, total));
        }
        if (doubleColon >= 0 && total > 7) {
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.groupsAndRun", s, total));
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        return ofGroups(all);
    }

    /** Parses colon-separated groups; a dotted IPv4 part at the very end counts as two groups. */
    private static int[] groups(String whole, String part, int firstIndex) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int[] out = new int[pieces.length + 1];
        int n = 0;
        for (int i = 0; i < pieces.length; i++) {
            String g = pieces[i];
            int number = firstIndex + n + 1;
            if (g.contains(".") && i == pieces.length - 1 && whole.endsWith(g)) {
                Ipv4 v4;
                try {
                    v4 = Ipv4.parse(g);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.ipv4Part", whole, e.getMessage()), e);
                }
                out[n++] = (int) (v4.toLong() >>> 16);
                out[n++] = (int) (v4.toLong() & 0xFFFF);
                continue;
            }
            if (g.isEmpty()) {
                throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.groupEmpty", whole, number, form()));
            }
            if (g.length() > 4) {
                throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.groupLong", whole, number, g));
            }
            for (char c : g.toCharArray()) {
                if (c > 'f' || Character.digit(c, 16) < 0) {   // ASCII only: Character.digit also takes '１' and '٣'
                    throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.notHex", whole, number, g, c));
                }
            }
            out[n++] = Integer.parseInt(g, 16);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static Ipv6 ofGroups(int[] g) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = high << 16 | g[i];
            low = low << 16 | g[i + 4];
        }
        return new Ipv6(high, low);
    }

    /** Converts a JDK address. Example: {@code Ipv6.of(InetAddress.getByName("::1"))}. */
    public static Ipv6 of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            throw new IllegalArgumentException(netlab.text.Text.of("ip.ipv6.notIpv6", address));
        }
        byte[] b = address.getAddress();
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (b[i] & 255);
            low = low << 8 | (b[i + 8] & 255);
        }
        return new Ipv6(high, low);
    }

    /** The IPv4-mapped form {@code ::ffff:a.b.c.d}. Example: {@code Ipv6.mapped(Ipv4.parse("10.0.0.1"))}. */
    public static Ipv6 mapped(Ipv4 v4) {
        return new Ipv6(0, 0xFFFF_0000_0000L | v4.toLong());
    }

    /** The eight 16-bit groups. Example: {@code Ipv6.parse("::1").groups()} is {@code [0,0,0,0,0,0,0,1]}. */
    public int[] groups() {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i) & 0xFFFF);
            g[i + 4] = (int) (low >>> (48 - 16 * i) & 0xFFFF);
        }
        return g;
    }

    /** All 32 hex digits, leading zeros kept. Example: {@code Ipv6.parse("::1").expanded()} is "0000:0000:0000:0000:0000:0000:0000:0001". */
    public String expanded() {
        StringBuilder out = new StringBuilder(39);
        for (int g : groups()) {
            out.append(out.isEmpty() ? "" : ":").append(String.format("%04x", g));
        }
        return out.toString();
    }

    /** What the address is for. Example: {@code Ipv6.parse("fd00::1").kind()} is UNIQUE_LOCAL. */
    public Kind kind() {
        int first = (int) (high >>> 48);
        if (high == 0 && low == 0) return Kind.UNSPECIFIED;
        if (high == 0 && low == 1) return Kind.LOOPBACK;
        if (high == 0 && low >>> 32 == 0xFFFF) return Kind.IPV4_MAPPED;
        if ((first & 0xFFC0) == 0xFE80) return Kind.LINK_LOCAL;
        if ((first & 0xFE00) == 0xFC00) return Kind.UNIQUE_LOCAL;
        if ((first & 0xFF00) == 0xFF00) return Kind.MULTICAST;
        if (high >>> 32 == 0x2001_0DB8L) return Kind.DOCUMENTATION;
        if (high >>> 16 == 0x2001_0002_0000L) return Kind.BENCHMARKING;
        if ((first & 0xE000) == 0x2000) return Kind.GLOBAL_UNICAST;
        return Kind.RESERVED;
    }

    /** The subnet of the given prefix this address lies in. Example: {@code Ipv6.parse("2001:db8::1").in(32)} is 2001:db8::/32. */
    public Ipv6Subnet in(int prefix) {
        return Ipv6Subnet.of(this, prefix);
    }

    /** The 128 bits as an unsigned number. */
    BigInteger value() {
        return new BigInteger(1, toInetAddress().getAddress());
    }

    /** The address with this unsigned 128-bit value. */
    static Ipv6 ofValue(BigInteger value) {
        return new Ipv6(value.shiftRight(64).longValue(), value.longValue());
    }

    /** The IPv4 address inside an IPv4-mapped address. Example: {@code Ipv6.parse("::ffff:10.0.0.1").ipv4()}. */
    public Optional<Ipv4> ipv4() {
        return kind() == Kind.IPV4_MAPPED ? Optional.of(Ipv4.ofLong(low & 0xFFFF_FFFFL)) : Optional.empty();
    }

    /** The JDK address for sockets. Example: {@code Ipv6.parse("::1").toInetAddress()}. */
    public InetAddress toInetAddress() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        try {
            // getByAddress would turn a mapped address into an Inet4Address; keep it IPv6
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always a valid IPv6 address", e);
        }
    }

    /** Compressed, expanded and kind as a table. Example: {@code Ipv6.parse("fe80::1").describe()}. */
    public Table describe() {
        return Table.of(netlab.text.Text.of("ip.describe.property"), netlab.text.Text.of("ip.describe.value"))
                .row(netlab.text.Text.of("ip.describe.rfc5952"), this)
                .row(netlab.text.Text.of("ip.describe.expanded"), expanded())
                .row(netlab.text.Text.of("ip.describe.kind"), netlab.text.Text.of("ip.describe.kindMeaning", kind(),
                        kind().meaning()))
                .row(netlab.text.Text.of("ip.describe.ipv4Inside"), ipv4().map(Ipv4::toString).orElse("—"));
    }

    /**
     * The canonical text of RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero
     * groups (the first if tied) written {@code ::}, and IPv4-mapped addresses ending in dotted IPv4.
     * Example: {@code Ipv6.parse("2001:db8:0:0:1:0:0:1").toString()} is "2001:db8::1:0:0:1".
     */
    @Override
    public String toString() {
        int[] g = groups();
        if (kind() == Kind.IPV4_MAPPED) {
            return "::ffff:" + ipv4().orElseThrow();
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never compressed
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
