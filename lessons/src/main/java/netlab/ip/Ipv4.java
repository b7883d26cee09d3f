package netlab.ip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import netlab.display.Displayable;
import netlab.display.Table;
import netlab.text.FullWidth;
import netlab.text.Message;
import netlab.text.Text;

/**
 * An IPv4 address: 32 bits, written as four numbers 0–255 separated by dots.
 *
 * <pre>{@code
 * Ipv4 a = Ipv4.parse("192.168.1.10");
 * a.addressClass()      // C
 * a.isPrivate()         // true (RFC 1918)
 * a.binary()            // "11000000.10101000.00000001.00001010"
 * a.hex()               // "0xC0A8010A"
 * a.bits(24)            // a table colouring 24 network bits and 8 host bits
 * }</pre>
 *
 * <p><b>Why not {@code java.net.InetAddress}?</b> {@code InetAddress.getByName("192.168.1.256")} tries DNS
 * instead of saying which number is wrong, and it has no classes, masks or bit views. Convert with
 * {@link #toInetAddress()} when a socket needs one. Immutable and thread safe.
 *
 * @param bits the 32 bits, first byte in the high 8 bits (as a signed int)
 */
public record Ipv4(int bits) implements Comparable<Ipv4>, Displayable {

    /** What an address is used for, from the IANA special-purpose registry (the common entries). */
    public enum Kind {
        /** 0.0.0.0: "no address yet" / "every local address" when binding. */
        UNSPECIFIED("0.0.0.0/32"),
        /** 0.0.0.0/8 other than 0.0.0.0: "this network", never a destination. */
        THIS_NETWORK("0.0.0.0/8"),
        /** 127.0.0.0/8: this host; packets never leave the machine. */
        LOOPBACK("127.0.0.0/8"),
        /** 10/8, 172.16/12, 192.168/16 (RFC 1918): local networks, not routed on the Internet. */
        PRIVATE("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16"),
        /** 100.64.0.0/10 (RFC 6598): shared address space used by carrier-grade NAT. */
        SHARED("100.64.0.0/10"),
        /** 169.254.0.0/16: self-assigned when DHCP fails. */
        LINK_LOCAL("169.254.0.0/16"),
        /** 224.0.0.0/4 (class D): groups of receivers. */
        MULTICAST("224.0.0.0/4"),
        /** 255.255.255.255: every host on this link, never forwarded by routers. */
        LIMITED_BROADCAST("255.255.255.255/32"),
        /** 240.0.0.0/4 (class E) other than 255.255.255.255: reserved. */
        RESERVED("240.0.0.0/4"),
        /** 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737): for examples in books and manuals; never routed. */
        DOCUMENTATION("192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24"),
        /** 198.18.0.0/15 (RFC 2544): for measuring network devices in a lab; never routed. */
        BENCHMARKING("198.18.0.0/15"),
        /** Everything else: routable on the public Internet. */
        PUBLIC(Message.of("ip.kind.public.ranges"));

        private final Object ranges; // a String, or the Message "the rest" worded in the reader's language

        Kind(Object ranges) {
            this.ranges = ranges;
        }

        /** The ranges of this kind. Example: {@code Ipv4.Kind.PRIVATE.ranges()}. */
        public String ranges() {
            return ranges.toString();
        }

        /**
         * What this kind is for, in the student's language. Example: {@code Ipv4.Kind.PRIVATE.meaning()} is
         * "私有地址（局域网用，不在互联网上路由）" in a Chinese notebook.
         */
        public String meaning() {
            return Text.of("ip.kind.v4." + name());
        }
    }

    /** How an IPv4 address is written, in the student's language: the end of every parse error. */
    static String form() {
        return Text.of("ip.ipv4.form");
    }

    /**
     * Parses dotted-decimal text. Example: {@code Ipv4.parse("10.0.0.1")}.
     *
     * @throws IllegalArgumentException naming the bad part, e.g.
     *         {@code "192.168.1.256: the 4th number is 256; each must be 0–255"}
     */
    public static Ipv4 parse(String text) {
        return FullWidth.explained(text, () -> parseAscii(text));
    }

    private static Ipv4 parseAscii(String text) {
        if (text == null) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.null", form()));
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.empty", form()));
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.parts", s, parts.length, form()));
        }
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            bits = (bits << 8) | octet(s, parts[i], i);
        }
        return new Ipv4(bits);
    }

    private static int octet(String whole, String part, int index) {
        Message which = number(index);
        if (part.isEmpty()) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.missing", whole, which, form()));
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                throw new IllegalArgumentException(Text.of("ip.ipv4.notNumber", whole, which, part));
            }
        }
        String digits = part.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 3 || Integer.parseInt(digits) > 255) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.range", whole, which, part));
        }
        if (!digits.equals(part)) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.leadingZero", whole, which, part, digits));
        }
        return Integer.parseInt(part);
    }

    /** The address with these four numbers. Example: {@code Ipv4.of(192, 168, 1, 10)}. */
    public static Ipv4 of(int a, int b, int c, int d) {
        int[] n = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            if (n[i] < 0 || n[i] > 255) {
                throw new IllegalArgumentException(Text.of("ip.ipv4.range", a + "." + b + "." + c + "." + d,
                        number(i), n[i]));
            }
        }
        return new Ipv4(a << 24 | b << 16 | c << 8 | d);
    }

    /** "the 4th number" for index 3: English ordinals differ by number, so each is a key of its own. */
    private static Message number(int index) {
        return Message.of("ip.ipv4.number." + (index + 1));
    }

    /** The address with this unsigned 32-bit value (0 – 4294967295). Example: {@code Ipv4.ofLong(3232235786L)}. */
    public static Ipv4 ofLong(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.long", value));
        }
        return new Ipv4((int) value);
    }

    /** Converts a JDK address. Example: {@code Ipv4.of(InetAddress.getLoopbackAddress())}. */
    public static Ipv4 of(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.notIpv4", address));
        }
        byte[] b = address.getAddress();
        return of(b[0] & 255, b[1] & 255, b[2] & 255, b[3] & 255);
    }

    /** The value as an unsigned number. Example: {@code Ipv4.parse("0.0.1.0").toLong()} is 256. */
    public long toLong() {
        return bits & 0xFFFF_FFFFL;
    }

    /** The four numbers. Example: {@code Ipv4.parse("10.1.2.3").octets()} is {@code [10, 1, 2, 3]}. */
    public int[] octets() {
        return new int[] {bits >>> 24, bits >>> 16 & 255, bits >>> 8 & 255, bits & 255};
    }

    /** The address {@code n} further on (negative goes back). Example: {@code Ipv4.parse("10.0.0.255").plus(1)}. */
    public Ipv4 plus(long n) {
        long v = toLong() + n;
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(Text.of("ip.ipv4.plus", this, n));
        }
        return new Ipv4((int) v);
    }

    /** The classful class A–E. Example: {@code Ipv4.parse("172.16.0.1").addressClass()} is B. */
    public AddressClass addressClass() {
        return AddressClass.ofFirstByte(bits >>> 24);
    }

    /** What the address is for. Example: {@code Ipv4.parse("169.254.1.1").kind()} is LINK_LOCAL. */
    public Kind kind() {
        if (bits == 0) return Kind.UNSPECIFIED;
        if (bits == -1) return Kind.LIMITED_BROADCAST;
        int first = bits >>> 24;
        int second = bits >>> 16 & 255;
        if (first == 0) return Kind.THIS_NETWORK;
        if (first == 127) return Kind.LOOPBACK;
        if (first == 10 || first == 172 && (second & 0xF0) == 16 || first == 192 && second == 168) return Kind.PRIVATE;
        if (first == 100 && (second & 0xC0) == 64) return Kind.SHARED;
        if (first == 169 && second == 254) return Kind.LINK_LOCAL;
        if ((first & 0xF0) == 224) return Kind.MULTICAST;
        if ((first & 0xF0) == 240) return Kind.RESERVED;
        int third = bits >>> 8 & 255;
        if (first == 192 && second == 0 && third == 2 || first == 198 && second == 51 && third == 100
                || first == 203 && second == 0 && third == 113) return Kind.DOCUMENTATION;
        if (first == 198 && (second & 0xFE) == 18) return Kind.BENCHMARKING;
        return Kind.PUBLIC;
    }

    /** In 10/8, 172.16/12 or 192.168/16 (RFC 1918). Example: {@code Ipv4.parse("172.31.0.1").isPrivate()}. */
    public boolean isPrivate() {
        return kind() == Kind.PRIVATE;
    }

    /** In 127.0.0.0/8. Example: {@code Ipv4.parse("127.0.0.1").isLoopback()} is true. */
    public boolean isLoopback() {
        return kind() == Kind.LOOPBACK;
    }

    /** In 169.254.0.0/16. Example: {@code Ipv4.parse("169.254.10.1").isLinkLocal()} is true. */
    public boolean isLinkLocal() {
        return kind() == Kind.LINK_LOCAL;
    }

    /** In 224.0.0.0/4 (class D). Example: {@code Ipv4.parse("224.0.0.251").isMulticast()} is true. */
    public boolean isMulticast() {
        return kind() == Kind.MULTICAST;
    }

    /** Is 255.255.255.255. Example: {@code Ipv4.parse("255.255.255.255").isLimitedBroadcast()} is true. */
    public boolean isLimitedBroadcast() {
        return bits == -1;
    }

    /** Is 0.0.0.0. Example: {@code Ipv4.parse("0.0.0.0").isUnspecified()} is true. */
    public boolean isUnspecified() {
        return bits == 0;
    }

    /** 32 bits in four groups. Example: {@code Ipv4.parse("192.168.1.1").binary()} is "11000000.10101000.00000001.00000001". */
    public String binary() {
        String b = String.format("%32s", Integer.toBinaryString(bits)).replace(' ', '0');
        return b.substring(0, 8) + "." + b.substring(8, 16) + "." + b.substring(16, 24) + "." + b.substring(24);
    }

    /** Hexadecimal, as in /proc/net and packet dumps. Example: {@code Ipv4.parse("192.168.1.10").hex()} is "0xC0A8010A". */
    public String hex() {
        return String.format("0x%08X", bits);
    }

    /** The subnet of the given prefix this address lies in. Example: {@code Ipv4.parse("10.1.2.3").in(16)} is 10.1.0.0/16. */
    public Subnet in(int prefix) {
        return Subnet.of(this, prefix);
    }

    /** The JDK address for sockets. Example: {@code Ipv4.parse("127.0.0.1").toInetAddress()}. */
    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always a valid IPv4 address", e);
        }
    }

    /**
     * A table of the 32 bits, network bits coloured blue and host bits orange, with the mask under them.
     * Example: {@code Ipv4.parse("192.168.1.10").bits(24)}.
     */
    public Table bits(int prefix) {
        Mask mask = Mask.ofPrefix(prefix);
        Table t = Table.captioned(Text.of("ip.bits.caption", this + "/" + prefix, prefix, 32 - prefix), "",
                Text.of("ip.bits.byte", 1), Text.of("ip.bits.byte", 2), Text.of("ip.bits.byte", 3), Text.of("ip.bits.byte", 4));
        String[] addr = binary().split("\\.");
        String[] maskBits = mask.toIpv4().binary().split("\\.");
        Object[] addrRow = new Object[5];
        Object[] maskRow = new Object[5];
        Object[] roleRow = new Object[5];
        addrRow[0] = this.toString();
        maskRow[0] = Text.of("ip.bits.mask", mask);
        roleRow[0] = Text.of("ip.bits.role");
        for (int byteIndex = 0; byteIndex < 4; byteIndex++) {
            int hostBitsInByte = Math.max(0, Math.min(8, (byteIndex + 1) * 8 - prefix));
            String style = hostBitsInByte == 0 ? "background:#cfe2ff" : hostBitsInByte == 8 ? "background:#ffe5cc"
                    : "background:linear-gradient(90deg,#cfe2ff " + (100 * (8 - hostBitsInByte) / 8) + "%,#ffe5cc "
                    + (100 * (8 - hostBitsInByte) / 8) + "%)";
            addrRow[byteIndex + 1] = Table.cell(addr[byteIndex] + " (" + octets()[byteIndex] + ")", style + ";font-family:monospace");
            maskRow[byteIndex + 1] = Table.cell(maskBits[byteIndex], "font-family:monospace");
            roleRow[byteIndex + 1] = Table.cell("N".repeat(8 - hostBitsInByte) + "h".repeat(hostBitsInByte), style + ";font-family:monospace");
        }
        return t.row(addrRow).row(maskRow).row(roleRow);
    }

    /** Everything about this address as a table. Example: {@code Ipv4.parse("10.0.0.1").describe()}. */
    public Table describe() {
        AddressClass c = addressClass();
        return Table.of(Text.of("ip.describe.property"), Text.of("ip.describe.value"))
                .row(Text.of("ip.describe.address"), this)
                .row(Text.of("ip.describe.class"), Text.of("ip.describe.classValue", c, c.range(), c.leadingBits()))
                .row(Text.of("ip.describe.defaultMask"), c.defaultPrefix().isPresent()
                        ? c.defaultMask() + " (/" + c.defaultPrefix().getAsInt() + ")" : Text.of("ip.describe.none"))
                .row(Text.of("ip.describe.kind"), Text.of("ip.describe.kindValue", kind(), kind().meaning(),
                        kind().ranges()))
                .row(Text.of("ip.describe.binary"), binary())
                .row(Text.of("ip.describe.hex"), hex())
                .row(Text.of("ip.describe.number"), toLong());
    }

    @Override
    public int compareTo(Ipv4 other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    /** The bit table for the class's default mask (all network bits for classes D and E). */
    @Override
    public Map<String, String> mimeBundle() {
        Table t = bits(addressClass().defaultPrefix().orElse(32));
        return Map.of("text/plain", toString(), "text/html", t.html());
    }

    /** Dotted decimal. Example: {@code Ipv4.of(10, 0, 0, 1).toString()} is "10.0.0.1". */
    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 255) + "." + (bits >>> 8 & 255) + "." + (bits & 255);
    }
}
