package netlab.tftp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns datagram bytes into a {@link TftpPacket}, naming the first rule a malformed packet breaks. */
final class PacketDecoder {

    private final byte[] buf;
    private final int end;
    private final String kind;
    private int pos;

    private PacketDecoder(byte[] buf, int offset, int length, String kind) {
        this.buf = buf;
        this.pos = offset + 2;
        this.end = offset + length;
        this.kind = kind;
    }

    static TftpPacket decode(byte[] buf, int offset, int length) throws MalformedPacketException {
        if (length < 2) {
            throw new MalformedPacketException("expected at least 2 bytes (the opcode) but the packet has " + length);
        }
        Opcode op = Opcode.of(((buf[offset] & 0xFF) << 8) | (buf[offset + 1] & 0xFF));
        PacketDecoder d = new PacketDecoder(buf, offset, length, op.name());
        return switch (op) {
            case RRQ -> new TftpPacket.ReadRequest(d.string("filename"), d.mode(), d.options(false));
            case WRQ -> new TftpPacket.WriteRequest(d.string("filename"), d.mode(), d.options(false));
            case DATA -> new TftpPacket.Data(d.blockNumber(), d.rest());
            case ACK -> d.ack();
            case ERROR -> new TftpPacket.ErrorPacket(d.blockNumber(), d.string("error message"));
            case OACK -> new TftpPacket.OptionAck(d.options(true));
        };
    }

    private MalformedPacketException problem(String what) {
        return new MalformedPacketException(kind + ": " + what);
    }

    private int blockNumber() throws MalformedPacketException {
        if (end - pos < 2) {
            throw problem("expected 4 bytes of header but the packet has " + (end - pos + 2));
        }
        int n = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return n;
    }

    private TftpPacket ack() throws MalformedPacketException {
        int block = blockNumber();
        if (pos != end) {
            throw problem("expected 4 bytes but got " + (end - pos + 4));
        }
        return new TftpPacket.Ack(block);
    }

    private byte[] rest() throws MalformedPacketException {
        if (end - pos > TftpPacket.MAX_BLOCK_SIZE) {
            throw problem("carries " + (end - pos) + " bytes, more than the largest block size " + TftpPacket.MAX_BLOCK_SIZE);
        }
        return Arrays.copyOfRange(buf, pos, end);
    }

    private String string(String what) throws MalformedPacketException {
        int zero = pos;
        while (zero < end && buf[zero] != 0) {
            zero++;
        }
        if (zero == end) {
            throw problem(what + " is not terminated by a zero byte");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, zero - pos)).toString();
            pos = zero + 1;
            return s;
        } catch (CharacterCodingException e) {
            throw problem(what + " is not valid UTF-8 text");
        }
    }

    private Mode mode() throws MalformedPacketException {
        if (pos == end) {
            throw problem("the mode is missing after the filename");
        }
        String name = string("mode");
        try {
            return Mode.parse(name);
        } catch (MalformedPacketException e) {
            throw problem(e.getMessage());
        }
    }

    private Map<String, String> options(boolean atLeastOne) throws MalformedPacketException {
        Map<String, String> options = new LinkedHashMap<>();
        while (pos < end) {
            String name = string("option name").toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw problem("an option has an empty name");
            }
            if (pos == end) {
                throw problem("option '" + name + "' has no value");
            }
            String value = string("value of option '" + name + "'");
            if (options.put(name, value) != null) {
                throw problem("option '" + name + "' appears twice");
            }
        }
        if (atLeastOne && options.isEmpty()) {
            throw problem("acknowledges no options (RFC 2347 requires at least one)");
        }
        return options;
    }
}
