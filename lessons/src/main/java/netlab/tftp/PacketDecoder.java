package netlab.tftp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import netlab.text.Message;

/** Turns datagram bytes into a {@link TftpPacket}, naming the first rule a malformed packet breaks. */
final class PacketDecoder {

    /** The fields a refusal names, here and in {@link TftpPacket}'s own checks of a packet being built. */
    static final Message FILENAME = Message.of("tftp.reason.field.filename");
    static final Message MODE = Message.of("tftp.reason.field.mode");
    static final Message OPTION_NAME = Message.of("tftp.reason.field.optionName");
    static final Message OPTION_VALUE = Message.of("tftp.reason.field.optionValue");
    static final Message ERROR_MESSAGE = Message.of("tftp.reason.field.errorMessage");

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
            throw new MalformedPacketException(Message.of("tftp.reason.malformed.short", length));
        }
        Opcode op = Opcode.of(((buf[offset] & 0xFF) << 8) | (buf[offset + 1] & 0xFF));
        PacketDecoder d = new PacketDecoder(buf, offset, length, op.name());
        return switch (op) {
            case RRQ -> new TftpPacket.ReadRequest(d.string(FILENAME), d.mode(), d.options(false));
            case WRQ -> new TftpPacket.WriteRequest(d.string(FILENAME), d.mode(), d.options(false));
            case DATA -> new TftpPacket.Data(d.blockNumber(), d.rest());
            case ACK -> d.ack();
            case ERROR -> new TftpPacket.ErrorPacket(d.blockNumber(), d.string(ERROR_MESSAGE));
            case OACK -> new TftpPacket.OptionAck(d.options(true));
        };
    }

    private MalformedPacketException problem(Message what) {
        return new MalformedPacketException(Message.of("tftp.reason.malformed.in", kind, what));
    }

    private MalformedPacketException problem(String key, Object... args) {
        return problem(Message.of(key, args));
    }

    private int blockNumber() throws MalformedPacketException {
        if (end - pos < 2) {
            throw problem("tftp.reason.malformed.header", end - pos + 2);
        }
        int n = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return n;
    }

    private TftpPacket ack() throws MalformedPacketException {
        int block = blockNumber();
        if (pos != end) {
            throw problem("tftp.reason.malformed.ackLength", end - pos + 4);
        }
        return new TftpPacket.Ack(block);
    }

    private byte[] rest() throws MalformedPacketException {
        if (end - pos > TftpPacket.MAX_BLOCK_SIZE) {
            throw problem("tftp.reason.malformed.tooLong", end - pos, TftpPacket.MAX_BLOCK_SIZE);
        }
        return Arrays.copyOfRange(buf, pos, end);
    }

    private String string(Message what) throws MalformedPacketException {
        int zero = pos;
        while (zero < end && buf[zero] != 0) {
            zero++;
        }
        if (zero == end) {
            throw problem("tftp.reason.malformed.unterminated", what);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, zero - pos)).toString();
            pos = zero + 1;
            return s;
        } catch (CharacterCodingException e) {
            throw problem("tftp.reason.malformed.notUtf8", what);
        }
    }

    private Mode mode() throws MalformedPacketException {
        if (pos == end) {
            throw problem("tftp.reason.malformed.noMode");
        }
        String name = string(MODE);
        return Mode.named(name).orElseThrow(() -> problem(Mode.refusal(name)));
    }

    private Map<String, String> options(boolean atLeastOne) throws MalformedPacketException {
        Map<String, String> options = new LinkedHashMap<>();
        while (pos < end) {
            String name = string(OPTION_NAME).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw problem("tftp.reason.malformed.emptyOption");
            }
            if (pos == end) {
                throw problem("tftp.reason.malformed.noValue", name);
            }
            String value = string(Message.of("tftp.reason.field.valueOf", name));
            if (options.put(name, value) != null) {
                throw problem("tftp.reason.malformed.twice", name);
            }
        }
        if (atLeastOne && options.isEmpty()) {
            throw problem("tftp.reason.malformed.noOptions");
        }
        return options;
    }
}
