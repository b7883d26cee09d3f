package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TftpPacketTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void encodesTheBytesOfRfc1350() {
        assertArrayEquals(hex("0001 612e747874 00 6f63746574 00"), new TftpPacket.ReadRequest("a.txt", Mode.OCTET).encode());
        assertArrayEquals(hex("0002 62 00 6e65746173636969 00"), new TftpPacket.WriteRequest("b", Mode.NETASCII).encode());
        assertArrayEquals(hex("0003 ffff 0102"), new TftpPacket.Data(65535, new byte[] {1, 2}).encode());
        assertArrayEquals(hex("0004 0007"), new TftpPacket.Ack(7).encode());
        assertArrayEquals(hex("0005 0001 6e6f 00"), new TftpPacket.ErrorPacket(ErrorCode.FILE_NOT_FOUND, "no").encode());
        assertArrayEquals(hex("0006 626c6b73697a65 00 31343238 00"), new TftpPacket.OptionAck(Map.of("blksize", "1428")).encode());
    }

    @Test
    void everyKindSurvivesARoundTrip() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("blksize", "1428");
        options.put("windowsize", "16");
        options.put("tsize", "0");
        List<TftpPacket> packets = List.of(
                new TftpPacket.ReadRequest("dir/ü.bin", Mode.OCTET, options),
                new TftpPacket.WriteRequest("x", Mode.NETASCII),
                new TftpPacket.Data(1, new byte[0]),
                new TftpPacket.Data(0, new byte[TftpPacket.MAX_BLOCK_SIZE]),
                new TftpPacket.Ack(65535),
                new TftpPacket.ErrorPacket(5, "Unknown transfer ID"),
                new TftpPacket.OptionAck(options));
        for (TftpPacket p : packets) {
            assertEquals(p, TftpPacket.decode(p.encode()));
        }
    }

    @Test
    void optionNamesAndModesIgnoreCase() throws Exception {
        TftpPacket p = TftpPacket.decode(hex("0001 66 00 4f43544554 00 424c4b53495a45 00 3130323400"));
        assertEquals(new TftpPacket.ReadRequest("f", Mode.OCTET, Map.of("blksize", "1024")), p);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                        | expected at least 2 bytes (the opcode) but the packet has 0",
            "00                        | expected at least 2 bytes (the opcode) but the packet has 1",
            "0009                      | expected an opcode 1-6 (RRQ, WRQ, DATA, ACK, ERROR, OACK) but was 9",
            "0001 6162                 | RRQ: filename is not terminated by a zero byte",
            "0001 6100                 | RRQ: the mode is missing after the filename",
            "0002 6100 6f6374          | WRQ: mode is not terminated by a zero byte",
            "0001 6100 6d61696c00      | RRQ: mode 'mail' is obsolete (RFC 1350) and not supported; use octet or netascii",
            "0001 6100 62696e00        | RRQ: expected mode 'octet' or 'netascii' but was 'bin'",
            "0001 6100 6f6374657400 7800 | RRQ: option 'x' has no value",
            "0001 6100 6f6374657400 7800 3100 7800 3200 | RRQ: option 'x' appears twice",
            "0001 6100 6f6374657400 00 3100 | RRQ: an option has an empty name",
            "0001 ff00 6f6374657400    | RRQ: filename is not valid UTF-8 text",
            "0003 00                   | DATA: expected 4 bytes of header but the packet has 3",
            "0004 0001 00              | ACK: expected 4 bytes but got 5",
            "0004 00                   | ACK: expected 4 bytes of header but the packet has 3",
            "0005 0001 6e6f            | ERROR: error message is not terminated by a zero byte",
            "0006                      | OACK: acknowledges no options (RFC 2347 requires at least one)",
            "0006 7800 31              | OACK: value of option 'x' is not terminated by a zero byte",
    })
    void malformedPacketsAreRejectedWithTheRuleTheyBreak(String bytes, String message) {
        var e = assertThrows(MalformedPacketException.class, () -> TftpPacket.decode(hex(bytes)));
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.ILLEGAL_OPERATION, e.errorCode());
    }

    @Test
    void oversizedDataIsRejected() {
        byte[] big = new byte[4 + TftpPacket.MAX_BLOCK_SIZE + 1];
        big[1] = 3;
        var e = assertThrows(MalformedPacketException.class, () -> TftpPacket.decode(big));
        assertEquals("DATA: carries 65465 bytes, more than the largest block size 65464", e.getMessage());
    }

    @Test
    void dataIsACopyNotAView() {
        byte[] bytes = {1, 2, 3};
        TftpPacket.Data d = new TftpPacket.Data(1, bytes);
        bytes[0] = 9;
        d.data()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, d.data());
    }

    @Test
    void constructorsRefuseValuesTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new TftpPacket.Ack(65536));
        assertThrows(IllegalArgumentException.class, () -> new TftpPacket.ReadRequest("a\0b", Mode.OCTET));
        assertThrows(IllegalArgumentException.class, () -> new TftpPacket.Data(1, new byte[TftpPacket.MAX_BLOCK_SIZE + 1]));
    }

    @Test
    void blockNumbersRollOverToZero() {
        assertEquals(65536, Transfer.absolute(0, 65535));
        assertEquals(65535, Transfer.absolute(65535, 65536));
        assertEquals(3, Transfer.absolute(3, 4));
        assertEquals(0, Transfer.wire(65536));
        assertEquals(131072 + 5, Transfer.absolute(5, 131072));
    }
}
