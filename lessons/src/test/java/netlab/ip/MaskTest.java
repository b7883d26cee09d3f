package netlab.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void everyPrefixRoundTripsThroughDottedForm() {
        for (int p = 0; p <= 32; p++) {
            long ones = p == 0 ? 0 : (0xFFFF_FFFFL << (32 - p)) & 0xFFFF_FFFFL; // plain arithmetic
            Mask m = Mask.ofPrefix(p);
            assertEquals(ones, Integer.toUnsignedLong(m.bits()), "/" + p);
            assertEquals(m, Mask.parse(m.toString()));
            assertEquals(m, Mask.parse("/" + p));
            assertEquals(m, Mask.parse(Integer.toString(p)));
            assertEquals(0xFFFF_FFFFL - ones, m.wildcard().toLong());
            assertEquals(1L << (32 - p), m.blockSize());
        }
    }

    @Test
    void nonContiguousMaskIsRejectedWithTheNearestValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mask.parse("255.0.255.0"));
        assertEquals("255.0.255.0: not a valid mask — its one-bits must be contiguous from the left, but "
                + "11111111.00000000.11111111.00000000 has a 0 at bit 9 followed by more 1s; did you mean "
                + "255.0.0.0 (/8) or 255.255.255.0 (/24)?", e.getMessage());
    }

    @Test
    void everyNonContiguousPatternIsRejected() {
        for (int p = 0; p < 32; p++) {
            for (int flip = p + 1; flip < 32; flip++) {
                int bits = (p == 0 ? 0 : -1 << (32 - p)) | 1 << (31 - flip);
                Ipv4 dotted = new Ipv4(bits);
                assertThrows(IllegalArgumentException.class, () -> Mask.of(dotted), dotted.toString());
            }
        }
    }

    @Test
    void badPrefixesAndNumbers() {
        assertEquals("/33: a prefix length must be 0–32",
                assertThrows(IllegalArgumentException.class, () -> Mask.parse("/33")).getMessage());
        assertEquals("/x: the prefix length is \"x\"; write it in ASCII digits 0–9, like /24",
                assertThrows(IllegalArgumentException.class, () -> Mask.parse("/x")).getMessage());
        assertEquals("255.255.256.0: the 3rd number is 256; each must be 0–255",
                assertThrows(IllegalArgumentException.class, () -> Mask.parse("255.255.256.0")).getMessage());
    }
}
