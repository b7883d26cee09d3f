package netlab.tftp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import netlab.text.Message;
import netlab.text.Text;

/**
 * One TFTP packet, decoded. Six kinds, one record each, so a {@code switch} covers them all:
 *
 * <pre>{@code
 * TftpPacket p = TftpPacket.decode(bytes);
 * String what = switch (p) {
 *     case TftpPacket.ReadRequest r  -> "read " + r.filename();
 *     case TftpPacket.WriteRequest w -> "write " + w.filename();
 *     case TftpPacket.Data d         -> "block " + d.block() + ", " + d.length() + " bytes";
 *     case TftpPacket.Ack a          -> "ack " + a.block();
 *     case TftpPacket.ErrorPacket e  -> "error " + e.code();
 *     case TftpPacket.OptionAck o    -> "options " + o.options();
 * };
 * new TftpPacket.Ack(7).encode()   // bytes 00 04 00 07
 * }</pre>
 *
 * <p>Packets are immutable values; {@link #decode} rejects a malformed packet with a
 * {@link MalformedPacketException} naming what is wrong. Block numbers are 0-65535 as on the wire.
 */
public sealed interface TftpPacket {

    /** The largest block the options allow (RFC 2348): 65,464 bytes, so a DATA packet fits in one IPv4 datagram. */
    int MAX_BLOCK_SIZE = 65464;

    /** The packet's kind. Example: {@code new TftpPacket.Ack(1).opcode()} is {@code ACK}. */
    Opcode opcode();

    /** The bytes on the wire. Example: {@code new TftpPacket.Ack(1).encode()}. */
    byte[] encode();

    /**
     * Decodes one datagram's bytes. Example: {@code TftpPacket.decode(new byte[] {0, 4, 0, 1})} is {@code Ack[block=1]}.
     *
     * @throws MalformedPacketException naming the first broken rule
     */
    static TftpPacket decode(byte[] bytes) throws MalformedPacketException {
        return PacketDecoder.decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code length} bytes of {@code buffer} from {@code offset}, e.g. a {@code DatagramPacket}'s. */
    static TftpPacket decode(byte[] buffer, int offset, int length) throws MalformedPacketException {
        return PacketDecoder.decode(buffer, offset, length);
    }

    /** RRQ: "send me {@code filename}". Options (RFC 2347) are lower-case names in the order sent. */
    record ReadRequest(String filename, Mode mode, Map<String, String> options) implements TftpPacket {
        public ReadRequest {
            options = checkRequest(filename, mode, options);
        }

        /** A request without options. Example: {@code new TftpPacket.ReadRequest("a.txt", Mode.OCTET)}. */
        public ReadRequest(String filename, Mode mode) {
            this(filename, mode, Map.of());
        }

        public Opcode opcode() {
            return Opcode.RRQ;
        }

        public byte[] encode() {
            return encodeRequest(Opcode.RRQ, filename, mode, options);
        }
    }

    /** WRQ: "let me send you {@code filename}". */
    record WriteRequest(String filename, Mode mode, Map<String, String> options) implements TftpPacket {
        public WriteRequest {
            options = checkRequest(filename, mode, options);
        }

        /** A request without options. Example: {@code new TftpPacket.WriteRequest("a.txt", Mode.OCTET)}. */
        public WriteRequest(String filename, Mode mode) {
            this(filename, mode, Map.of());
        }

        public Opcode opcode() {
            return Opcode.WRQ;
        }

        public byte[] encode() {
            return encodeRequest(Opcode.WRQ, filename, mode, options);
        }
    }

    /** DATA: block {@code block} of the file. A block shorter than the block size is the last one. */
    record Data(int block, byte[] data) implements TftpPacket {
        /** Bytes before the data in a DATA datagram: opcode and block number. */
        static final int HEADER = 4;

        public Data {
            checkBlock(block);
            data = data.clone();
            if (data.length > MAX_BLOCK_SIZE) {
                throw new IllegalArgumentException(Text.of("tftp.packet.dataTooLong", MAX_BLOCK_SIZE, data.length));
            }
        }

        /** The number of data bytes. Example: {@code new TftpPacket.Data(1, new byte[3]).length()} is 3. */
        public int length() {
            return data.length;
        }

        /** A copy of the data bytes. Example: {@code new String(data.data(), StandardCharsets.US_ASCII)}. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        public Opcode opcode() {
            return Opcode.DATA;
        }

        public byte[] encode() {
            byte[] datagram = new byte[HEADER + data.length];
            writeHeader(datagram, block);
            System.arraycopy(data, 0, datagram, HEADER, data.length);
            return datagram;
        }

        /**
         * Writes the header of DATA block {@code block} into the first {@link #HEADER} bytes of {@code datagram}:
         * the transfer's hot path builds its datagrams in place, without a packet object.
         */
        static void writeHeader(byte[] datagram, int block) {
            datagram[0] = 0;
            datagram[1] = (byte) Opcode.DATA.code();
            datagram[2] = (byte) (block >>> 8);
            datagram[3] = (byte) block;
        }

        /** Whether the first {@code length} bytes of {@code datagram} are a DATA packet, judged by its header only. */
        static boolean isData(byte[] datagram, int length) {
            return length >= HEADER && datagram[0] == 0 && datagram[1] == Opcode.DATA.code();
        }

        /** The block number in the header of the DATA datagram {@code datagram}. */
        static int blockOf(byte[] datagram) {
            return ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && d.block == block && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * block + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            String head = HexFormat.of().formatHex(data, 0, Math.min(8, data.length));
            return "Data[block=" + block + ", length=" + data.length + ", data=" + head + (data.length > 8 ? "…" : "") + "]";
        }
    }

    /** ACK: "I have block {@code block}" (block 0 answers a WRQ or an OACK). */
    record Ack(int block) implements TftpPacket {
        public Ack {
            checkBlock(block);
        }

        public Opcode opcode() {
            return Opcode.ACK;
        }

        public byte[] encode() {
            return ByteBuffer.allocate(4).putShort((short) 4).putShort((short) block).array();
        }
    }

    /** ERROR: the transfer ends; {@code code} says why (see {@link ErrorCode}), {@code message} says it for humans. */
    record ErrorPacket(int code, String message) implements TftpPacket {
        public ErrorPacket {
            checkBlock(code);
            Objects.requireNonNull(message, "message");
            checkNoZero(PacketDecoder.ERROR_MESSAGE, message);
        }

        /** Example: {@code new TftpPacket.ErrorPacket(ErrorCode.FILE_NOT_FOUND, "no such file")}. */
        public ErrorPacket(ErrorCode code, String message) {
            this(code.code(), message);
        }

        /** The code as a constant ({@code NOT_DEFINED} for numbers the RFCs leave open). */
        public ErrorCode errorCode() {
            return ErrorCode.of(code);
        }

        public Opcode opcode() {
            return Opcode.ERROR;
        }

        public byte[] encode() {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(5 + text.length).putShort((short) 5).putShort((short) code).put(text).put((byte) 0).array();
        }
    }

    /** OACK: the options the server accepted, with the values it chose (RFC 2347). */
    record OptionAck(Map<String, String> options) implements TftpPacket {
        public OptionAck {
            options = checkOptions(options);
        }

        public Opcode opcode() {
            return Opcode.OACK;
        }

        public byte[] encode() {
            ByteBuffer out = ByteBuffer.allocate(2 + stringsLength(options));
            out.putShort((short) 6);
            options.forEach((k, v) -> putString(out, k).putString(out, v));
            return out.array();
        }

        private OptionAck putString(ByteBuffer out, String s) {
            TftpPacket.putString(out, s);
            return this;
        }
    }

    private static void checkBlock(int n) {
        if (n < 0 || n > 0xFFFF) {
            throw new IllegalArgumentException(Text.of("tftp.packet.range", n));
        }
    }

    private static void checkNoZero(Message what, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(Text.of("tftp.packet.zero", what, s));
        }
    }

    private static Map<String, String> checkRequest(String filename, Mode mode, Map<String, String> options) {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mode, "mode");
        checkNoZero(PacketDecoder.FILENAME, filename);
        return checkOptions(options);
    }

    private static Map<String, String> checkOptions(Map<String, String> options) {
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            checkNoZero(PacketDecoder.OPTION_NAME, k);
            checkNoZero(PacketDecoder.OPTION_VALUE, v);
            copy.put(k.toLowerCase(java.util.Locale.ROOT), v);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static int stringsLength(Map<String, String> options) {
        int n = 0;
        for (var e : options.entrySet()) {
            n += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length + 2;
        }
        return n;
    }

    private static byte[] encodeRequest(Opcode op, String filename, Mode mode, Map<String, String> options) {
        byte[] name = filename.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(2 + name.length + 1 + mode.wireName().length() + 1 + stringsLength(options));
        out.putShort((short) op.code()).put(name).put((byte) 0);
        putString(out, mode.wireName());
        options.forEach((k, v) -> {
            putString(out, k);
            putString(out, v);
        });
        return out.array();
    }

    private static void putString(ByteBuffer out, String s) {
        out.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    }
}
