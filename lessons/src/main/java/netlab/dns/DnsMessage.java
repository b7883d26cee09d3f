package netlab.dns;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.text.Text;

/**
 * A DNS message (RFC 1035 §4) and its wire format: a 12-byte header (id, flags, four counts), the questions,
 * then answer, authority and additional records. Names are length-prefixed labels ending in a 0 byte; a name
 * (or its tail) already written is replaced by a 2-byte pointer {@code 0xC0 | offset} (name compression), which
 * {@link #encode()} does and {@link #decode} follows.
 *
 * <pre>{@code
 * byte[] q = DnsMessage.query(0x1234, "www.itcast.cn", DnsMessage.A).encode();
 * // 12 34 01 00 00 01 00 00 00 00 00 00 03 77 77 77 06 69 74 63 61 73 74 02 63 6e 00 00 01 00 01
 * DnsMessage.decode(q).questions()   // [www.itcast.cn A]
 * }</pre>
 *
 * @param id          the transaction id: a reply carries the id of its query
 * @param flags       the 16 flag bits: QR (reply), opcode, AA (authoritative), TC, RD (recursion desired), RA, rcode
 * @param questions   what is asked
 * @param answers     records answering it
 * @param authority   NS records of a referral ("ask these servers")
 * @param additional  extra records, such as the addresses of those servers (glue)
 */
public record DnsMessage(int id, int flags, List<Question> questions, List<Record> answers, List<Record> authority,
                         List<Record> additional) {

    /** Record type A: an IPv4 address (RFC 1035). Example: {@code DnsMessage.query(0x1234, "www.itcast.cn", DnsMessage.A)}. */
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int AAAA = 28;
    public static final int QR = 0x8000;
    public static final int AA = 0x0400;
    public static final int RD = 0x0100;
    /** rcode 3: the name does not exist. */
    public static final int NXDOMAIN = 3;

    /** A question: name, type ({@link #A}, {@link #NS} …), class 1 (IN). */
    public record Question(String name, int type) {
        @Override
        public String toString() {
            return name + " " + typeName(type);
        }
    }

    /** A resource record; {@code data} is the address for A/AAAA, the name for NS/CNAME, hex otherwise. */
    public record Record(String name, int type, long ttl, String data) {
        @Override
        public String toString() {
            return name + " " + ttl + " " + typeName(type) + " " + data;
        }
    }

    public DnsMessage {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authority = List.copyOf(authority);
        additional = List.copyOf(additional);
    }

    /** A standard query for {@code name} with RD set, as a stub resolver sends it. */
    public static DnsMessage query(int id, String name, int type) {
        return new DnsMessage(id & 0xFFFF, RD, List.of(new Question(canonical(name), type)), List.of(), List.of(), List.of());
    }

    public boolean isResponse() {
        return (flags & QR) != 0;
    }

    public boolean isAuthoritative() {
        return (flags & AA) != 0;
    }

    public int rcode() {
        return flags & 0xF;
    }

    /** "A", "NS", "CNAME", "AAAA" or "TYPE65". */
    public static String typeName(int type) {
        return switch (type) {
            case A -> "A";
            case NS -> "NS";
            case CNAME -> "CNAME";
            case AAAA -> "AAAA";
            default -> "TYPE" + type;
        };
    }

    /** The bytes on the wire, names compressed. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> written = new HashMap<>();
        short16(out, id);
        short16(out, flags);
        short16(out, questions.size());
        short16(out, answers.size());
        short16(out, authority.size());
        short16(out, additional.size());
        for (Question q : questions) {
            name(out, q.name(), written);
            short16(out, q.type());
            short16(out, 1);
        }
        for (List<Record> section : List.of(answers, authority, additional)) {
            for (Record r : section) {
                name(out, r.name(), written);
                short16(out, r.type());
                short16(out, 1);
                short16(out, (int) (r.ttl() >>> 16));
                short16(out, (int) r.ttl());
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                switch (r.type()) {
                    case A -> data.writeBytes(ByteBuffer.allocate(4).putInt(netlab.ip.Ipv4.parse(r.data()).bits()).array());
                    case NS, CNAME -> {
                        // compress against what precedes the data: offsets count from the message start
                        int at = out.size() + 2;
                        nameAt(data, r.data(), written, at);
                    }
                    default -> data.writeBytes(java.util.HexFormat.of().parseHex(r.data()));
                }
                short16(out, data.size());
                out.writeBytes(data.toByteArray());
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads a message from its bytes, following compression pointers.
     *
     * @throws IllegalArgumentException saying what is wrong and at which byte
     */
    public static DnsMessage decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            int id = b.getShort() & 0xFFFF;
            int flags = b.getShort() & 0xFFFF;
            int qd = b.getShort() & 0xFFFF;
            int an = b.getShort() & 0xFFFF;
            int ns = b.getShort() & 0xFFFF;
            int ar = b.getShort() & 0xFFFF;
            List<Question> qs = new ArrayList<>();
            for (int i = 0; i < qd; i++) {
                String name = readName(bytes, b);
                int type = b.getShort() & 0xFFFF;
                b.getShort();
                qs.add(new Question(name, type));
            }
            return new DnsMessage(id, flags, qs, records(bytes, b, an), records(bytes, b, ns), records(bytes, b, ar));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(Text.of("dns.decode.short", bytes.length));
        }
    }

    private static List<Record> records(byte[] bytes, ByteBuffer b, int count) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = readName(bytes, b);
            int type = b.getShort() & 0xFFFF;
            b.getShort();
            long ttl = b.getInt() & 0xFFFF_FFFFL;
            int length = b.getShort() & 0xFFFF;
            int start = b.position();
            String data = switch (type) {
                case A -> (b.get() & 0xFF) + "." + (b.get() & 0xFF) + "." + (b.get() & 0xFF) + "." + (b.get() & 0xFF);
                case NS, CNAME -> readName(bytes, b);
                default -> {
                    byte[] raw = new byte[length];
                    b.get(raw);
                    yield java.util.HexFormat.of().formatHex(raw);
                }
            };
            b.position(start + length);
            out.add(new Record(name, type, ttl, data));
        }
        return out;
    }

    /** Reads a possibly compressed name at {@code b}'s position and moves past it (past the pointer, if one). */
    static String readName(byte[] bytes, ByteBuffer b) {
        StringBuilder name = new StringBuilder();
        int pos = b.position();
        int end = -1;
        for (int jumps = 0; ; ) {
            if (pos >= bytes.length) {
                throw new IllegalArgumentException(Text.of("dns.decode.name-past-end", pos));
            }
            int len = bytes[pos] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                if (++jumps > 20) {
                    throw new IllegalArgumentException(Text.of("dns.decode.pointer-loop", pos));
                }
                if (end < 0) {
                    end = pos + 2;
                }
                pos = ((len & 0x3F) << 8) | (bytes[pos + 1] & 0xFF);
                continue;
            }
            if (len == 0) {
                pos++;
                break;
            }
            if (pos + 1 + len > bytes.length) {
                throw new IllegalArgumentException(Text.of("dns.decode.name-past-end", pos));
            }
            name.append(new String(bytes, pos + 1, len, java.nio.charset.StandardCharsets.US_ASCII)).append('.');
            pos += 1 + len;
        }
        b.position(end >= 0 ? end : pos);
        return name.isEmpty() ? "." : name.toString();
    }

    private static void name(ByteArrayOutputStream message, String name, Map<String, Integer> written) {
        nameAt(message, name, written, 0);
    }

    /**
     * Writes {@code name} as labels into {@code out}, whose first byte sits at message offset {@code base}
     * (0 when {@code out} is the message); a suffix written before becomes a pointer.
     */
    private static void nameAt(ByteArrayOutputStream out, String name, Map<String, Integer> written, int base) {
        String rest = canonical(name);
        while (!rest.equals(".")) {
            Integer at = written.get(rest);
            if (at != null) {
                short16(out, 0xC000 | at);
                return;
            }
            int offset = base + out.size();
            if (offset < 0x4000) {
                written.put(rest, offset);
            }
            int dot = rest.indexOf('.');
            String label = rest.substring(0, dot);
            if (label.isEmpty() || label.length() > 63) {
                throw new IllegalArgumentException(Text.of("dns.name.label", name));
            }
            out.write(label.length());
            out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            rest = rest.substring(dot + 1);
            rest = rest.isEmpty() ? "." : rest;
        }
        out.write(0);
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    /**
     * {@code name} in lower case with its final dot, as DNS carries it: "www.itcast.cn." ("." is the root); a name
     * with non-ASCII labels in IDNA's form ("百度.cn" is "xn--wxtr44c.cn.", RFC 3490; "。" separates labels too).
     *
     * @throws IllegalArgumentException for a non-ASCII name IDNA cannot convert (a label too long, a character it
     *                                  does not allow)
     */
    public static String canonical(String name) {
        String n = ascii(name.strip()).toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    /** Whether {@code name} has a non-ASCII label ("百度.cn"), which DNS carries in IDNA's xn-- form. */
    static boolean international(String name) {
        return !name.chars().allMatch(c -> c < 0x80);
    }

    /** {@code name} as DNS's ASCII labels: itself when it is ASCII, else IDNA's xn-- form. */
    private static String ascii(String name) {
        if (!international(name)) {
            return name;
        }
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Text.of("dns.name.idn", name), e);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "id=0x%04x %s%s%s rcode=%d q=%s", id, isResponse() ? "response" : "query",
                isAuthoritative() ? " aa" : "", (flags & RD) != 0 ? " rd" : "", rcode(), questions));
        if (!answers.isEmpty()) s.append(" an=").append(answers);
        if (!authority.isEmpty()) s.append(" ns=").append(authority);
        if (!additional.isEmpty()) s.append(" ar=").append(additional);
        return s.toString();
    }
}
