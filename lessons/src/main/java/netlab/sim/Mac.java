package netlab.sim;

import java.util.HexFormat;
import netlab.text.Text;

/**
 * A 48-bit Ethernet (MAC) address, written {@code 02:00:00:00:00:01}.
 *
 * <pre>{@code
 * Mac.parse("ff:ff:ff:ff:ff:ff").isBroadcast()   // true
 * Mac.of(1)                                      // 02:00:00:00:00:01 (locally administered, as the lab hands out)
 * }</pre>
 *
 * @param bits the address in the low 48 bits
 */
public record Mac(long bits) implements Comparable<Mac> {

    /** ff:ff:ff:ff:ff:ff: every station on the segment. */
    public static final Mac BROADCAST = new Mac(0xFFFF_FFFF_FFFFL);
    /** 00:00:00:00:00:00: "unknown", the target of an ARP request. */
    public static final Mac ZERO = new Mac(0);

    public Mac {
        if (bits < 0 || bits > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException(Text.of("sim.mac.bits", Long.toHexString(bits)));
        }
    }

    /** The {@code n}th locally administered address (02:00:00:…): what the lab gives its NICs. */
    public static Mac of(int n) {
        return new Mac(0x0200_0000_0000L | (n & 0xFFFF_FFFFL));
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} or {@code aa-bb-cc-dd-ee-ff} (Windows' {@code arp -a}). */
    public static Mac parse(String text) {
        String hex = text.strip().replace(":", "").replace("-", "");
        if (hex.length() != 12) {
            throw new IllegalArgumentException(Text.of("sim.mac.form", text));
        }
        return new Mac(HexFormat.fromHexDigitsToLong(hex));
    }

    public boolean isBroadcast() {
        return equals(BROADCAST);
    }

    @Override
    public int compareTo(Mac o) {
        return Long.compare(bits, o.bits);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().toHexDigits(bits).substring(4);
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString();
    }
}
