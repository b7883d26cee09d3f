package netlab.tftp;

/**
 * Sees every packet a client, server or relay sends and receives. {@link PacketTrace} is the one that
 * collects them into a Wireshark-like table.
 *
 * <pre>{@code
 * PacketListener printer = event -> System.out.println(event);
 * Tftp.client("127.0.0.1", port).trace(printer).get("a.txt", Path.of("a.txt"));
 * }</pre>
 *
 * <p>Implementations must be safe for concurrent use: a server calls its listener from every transfer's
 * thread. Keep {@link #onPacket} quick; it runs inside the transfer.
 */
@FunctionalInterface
public interface PacketListener {

    /** The listener that ignores everything (the default). */
    PacketListener NONE = event -> {
    };

    /** Called once per packet sent or received. */
    void onPacket(PacketEvent event);
}
