package netlab.net;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.LocalTime;
import java.util.HexFormat;

/**
 * One received UDP datagram: who sent it, the bytes, when, and the charset used to read them as text.
 *
 * <pre>{@code
 * Datagram d = receiver.receive(Duration.ofSeconds(5));
 * d.text()        // "hello"
 * d.from()        // /127.0.0.1:50712
 * d               // prints "[127.0.0.1:50712] hello"
 * d.hex()         // "68 65 6c 6c 6f"
 * }</pre>
 *
 * Immutable (the byte array is copied) and thread safe.
 *
 * @param from    the sender's address and port (where a reply goes)
 * @param data    the payload bytes
 * @param charset how {@link #text()} decodes the bytes
 * @param time    when it arrived (local time)
 */
public record Datagram(InetSocketAddress from, byte[] data, Charset charset, LocalTime time) {

    /** Copies {@code data}, so the datagram cannot change after it is made. */
    public Datagram {
        data = data.clone();
    }

    /** The payload bytes (a copy). Example: {@code d.data().length}. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The payload decoded with {@link #charset()}. Example: {@code d.text()}. */
    public String text() {
        return new String(data, charset);
    }

    /** The payload as hex bytes. Example: {@code d.hex()} is "68 69" for "hi". */
    public String hex() {
        return HexFormat.ofDelimiter(" ").formatHex(data);
    }

    /** The sender as {@code ip:port}. Example: {@code d.sender()} is "127.0.0.1:50712". */
    public String sender() {
        return from.getAddress().getHostAddress() + ":" + from.getPort();
    }

    /** As the seed's servers print it. Example: {@code "[127.0.0.1:50712] hello"}. */
    @Override
    public String toString() {
        return "[" + sender() + "] " + text();
    }
}
