package netlab.tftp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import netlab.text.Message;
import netlab.text.Text;

/**
 * One packet seen by a {@link PacketListener}.
 *
 * <pre>{@code
 * event.toString()   // e.g. "client → 127.0.0.1:40123  ACK block 7 (4 bytes)"
 * }</pre>
 *
 * @param at        when it was sent or received
 * @param role      who saw it: "client", "server", "relay" or a name you chose
 * @param direction {@code SENT} or {@code RECEIVED}, from {@code role}'s point of view
 * @param local     {@code role}'s own address and port (its TID)
 * @param remote    the other side's address and port
 * @param bytes     the datagram as it was on the wire
 */
public record PacketEvent(Instant at, String role, Direction direction, InetSocketAddress local,
                          InetSocketAddress remote, byte[] bytes) {

    public PacketEvent {
        bytes = bytes.clone();
    }

    /** A copy of the datagram's bytes. Example: {@code PacketTrace.hexDump(event.bytes(), 64)}. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether a packet went out, came in, or (in a {@link LossyRelay}) was dropped on purpose. */
    public enum Direction { SENT, RECEIVED, DROPPED }

    /** The decoded packet, or empty when it is malformed (see {@link #problem()}). Example: {@code event.packet().orElseThrow().opcode()}. */
    public Optional<TftpPacket> packet() {
        try {
            return Optional.of(TftpPacket.decode(bytes));
        } catch (MalformedPacketException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with a malformed packet, or empty. Example: {@code event.problem().ifPresent(System.out::println)}. */
    public Optional<String> problem() {
        try {
            TftpPacket.decode(bytes);
            return Optional.empty();
        } catch (MalformedPacketException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * One line in the reader's language: opcode, block and the decoded fields. Example: {@code "DATA block 3, 512
     * bytes"} ({@code "DATA 块 3，512 字节"} in Chinese).
     */
    public String summary() {
        try {
            return shown(TftpPacket.decode(bytes)).toString(); // decoded once, malformed or not
        } catch (MalformedPacketException e) {
            return Text.of("tftp.event.malformed", e.getMessage() != null ? e.getMessage() : "?");
        }
    }

    /** {@link #describe}, with the words around the wire's names in the reader's language. */
    static Message shown(TftpPacket p) {
        return switch (p) {
            case TftpPacket.Data d -> Message.of("tftp.event.data", d.block(), d.length());
            case TftpPacket.Ack a -> Message.of("tftp.event.ack", a.block());
            default -> Message.of("tftp.event.wire", describe(p));
        };
    }

    /** Who saw a packet, as a reader of the trace says it: "client" is "客户端" in Chinese; a name you chose stays. */
    static String shownRole(String role) {
        return switch (role) {
            case "client", "server", "relay" -> Text.of("tftp.role." + role);
            default -> role;
        };
    }

    /** The packet in the wire's own English, as an ERROR packet's message may carry it. */
    static String describe(TftpPacket p) {
        return switch (p) {
            case TftpPacket.ReadRequest r -> "RRQ \"" + r.filename() + "\" " + r.mode().wireName() + options(r.options().toString());
            case TftpPacket.WriteRequest w -> "WRQ \"" + w.filename() + "\" " + w.mode().wireName() + options(w.options().toString());
            case TftpPacket.Data d -> "DATA block " + d.block() + ", " + d.length() + " bytes";
            case TftpPacket.Ack a -> "ACK block " + a.block();
            case TftpPacket.ErrorPacket e -> "ERROR " + e.code() + " (" + e.errorCode().description() + "): " + e.message();
            case TftpPacket.OptionAck o -> "OACK " + o.options();
        };
    }

    private static String options(String map) {
        return map.equals("{}") ? "" : " " + map;
    }

    @Override
    public String toString() {
        String arrow = switch (direction) {
            case SENT -> " → ";
            case RECEIVED -> " ← ";
            case DROPPED -> " ✗ ";
        };
        return shownRole(role) + arrow + remote.getAddress().getHostAddress() + ":" + remote.getPort() + "  " + summary()
                + " (" + bytes.length + " bytes)";
    }
}
