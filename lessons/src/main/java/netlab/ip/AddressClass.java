package netlab.ip;

import java.util.OptionalInt;
import netlab.text.Text;

/**
 * The five classes of the original (1981, "classful") IPv4 plan, chosen by the leading bits of the first byte.
 * Routing has been classless (CIDR) since 1993, but the classes still name the default masks.
 *
 * <pre>{@code
 * Ipv4.parse("10.1.2.3").addressClass()            // A
 * AddressClass.C.defaultMask()                      // 255.255.255.0
 * AddressClass.B.range()                            // "128.0.0.0 – 191.255.255.255"
 * }</pre>
 */
public enum AddressClass {
    /** Leading bit 0: 0.0.0.0 – 127.255.255.255, default mask /8. */
    A("0", 0, 127, 8),
    /** Leading bits 10: 128.0.0.0 – 191.255.255.255, default mask /16. */
    B("10", 128, 191, 16),
    /** Leading bits 110: 192.0.0.0 – 223.255.255.255, default mask /24. */
    C("110", 192, 223, 24),
    /** Leading bits 1110: 224.0.0.0 – 239.255.255.255, multicast, no mask. */
    D("1110", 224, 239, -1),
    /** Leading bits 1111: 240.0.0.0 – 255.255.255.255, reserved, no mask. */
    E("1111", 240, 255, -1);

    private final String leadingBits;
    private final int firstByteLow;
    private final int firstByteHigh;
    private final int defaultPrefix;
    AddressClass(String leadingBits, int firstByteLow, int firstByteHigh, int defaultPrefix) {
        this.leadingBits = leadingBits;
        this.firstByteLow = firstByteLow;
        this.firstByteHigh = firstByteHigh;
        this.defaultPrefix = defaultPrefix;
    }

    /** The class of an address with this first byte (0–255). Example: {@code AddressClass.ofFirstByte(172)} is B. */
    public static AddressClass ofFirstByte(int firstByte) {
        if (firstByte < 0 || firstByte > 255) {
            throw new IllegalArgumentException(Text.of("ip.class.firstByte", firstByte));
        }
        for (AddressClass c : values()) {
            if (firstByte <= c.firstByteHigh) {
                return c;
            }
        }
        throw new AssertionError(firstByte);
    }

    /** The fixed leading bits. Example: {@code AddressClass.C.leadingBits()} is {@code "110"}. */
    public String leadingBits() {
        return leadingBits;
    }

    /** The first address of the class. Example: {@code AddressClass.B.first()} is 128.0.0.0. */
    public Ipv4 first() {
        return Ipv4.of(firstByteLow, 0, 0, 0);
    }

    /** The last address of the class. Example: {@code AddressClass.B.last()} is 191.255.255.255. */
    public Ipv4 last() {
        return Ipv4.of(firstByteHigh, 255, 255, 255);
    }

    /** The range as text. Example: {@code AddressClass.A.range()} is {@code "0.0.0.0 – 127.255.255.255"}. */
    public String range() {
        return first() + " – " + last();
    }

    /** The default prefix length (8, 16, 24), empty for D and E. Example: {@code AddressClass.A.defaultPrefix()}. */
    public OptionalInt defaultPrefix() {
        return defaultPrefix < 0 ? OptionalInt.empty() : OptionalInt.of(defaultPrefix);
    }

    /**
     * The default mask. Example: {@code AddressClass.B.defaultMask()} is 255.255.0.0.
     *
     * @throws IllegalStateException for D and E, which have no network/host split
     */
    public Mask defaultMask() {
        if (defaultPrefix < 0) {
            throw new IllegalStateException(Text.of("ip.class.noMask", name(), layout()));
        }
        return Mask.ofPrefix(defaultPrefix);
    }

    /** How the 32 bits are split. Example: {@code AddressClass.C.layout()}. */
    public String layout() {
        return Text.of("ip.class.layout." + name());
    }
}
