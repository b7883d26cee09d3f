package netlab.tftp;

import java.time.Duration;
import java.util.Locale;
import netlab.text.Text;

/**
 * What a finished transfer did, returned by {@link TftpClient#get} and {@link TftpClient#put} and logged by
 * {@link TftpServer}.
 *
 * <pre>{@code
 * TransferSummary s = Tftp.client("127.0.0.1", port).get("a.bin", Path.of("a.bin"));
 * System.out.println(s);
 * // get "a.bin" from 127.0.0.1:69: 3,145,728 bytes in 6,145 blocks, 0 retransmissions, 0.231 s (13.6 MB/s); options: none (blksize 512, lockstep)
 * }</pre>
 *
 * @param kind            "get" or "put" for a client, "RRQ" or "WRQ" for a server
 * @param filename        the file's name on the server
 * @param peer            the other side, as host:port
 * @param bytes           data bytes carried in DATA packets
 * @param blocks          DATA packets acknowledged (or received), counting each block once
 * @param retransmissions packets this side sent again (after a timeout, or to repeat an ACK)
 * @param duration        from the request to the last packet
 * @param options         the options agreed with the peer
 */
public record TransferSummary(String kind, String filename, String peer, long bytes, long blocks,
                              int retransmissions, Duration duration, TransferOptions options) {

    /** Data bytes carried in DATA packets: the file's size. Example: {@code summary.bytes()} is 3145728 for 3 MiB. */
    public long bytes() {
        return bytes;
    }

    /** Packets this side sent again, after a timeout or to repeat an ACK. Example: 0 on a loss-free link. */
    public int retransmissions() {
        return retransmissions;
    }

    /** From the request to the last packet. Example: {@code summary.duration().toMillis()}. */
    public Duration duration() {
        return duration;
    }

    /** Data bytes per second. Example: {@code summary.bytesPerSecond()}. */
    public double bytesPerSecond() {
        double seconds = Math.max(duration.toNanos(), 1) / 1e9;
        return bytes / seconds;
    }

    /** The longest part of a file name shown in a log line or message; a name may be 65,000 characters. */
    static final int SHOWN_NAME = 120;

    /** A file name from the network in double quotes, safe for one log line; see {@link #quoted(String, char)}. */
    static String quoted(String name) {
        return quoted(name, '"');
    }

    /**
     * A file name from the network, safe for one log line: between {@code quote}s, with that quote, backslashes
     * and control characters escaped ({@code \n}, {@code \u0007}) and cut after {@value #SHOWN_NAME} characters,
     * saying how long it was. A name with a newline could otherwise forge a log line.
     */
    static String quoted(String name, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        int shown = Math.min(name.length(), SHOWN_NAME);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
        if (name.length() > shown) {
            out.append(Text.of("tftp.name.cut", Counts.grouped(name.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return Text.of(kind.equals("get") ? "tftp.summary.get" : kind.equals("put") ? "tftp.summary.put" : "tftp.summary.other",
                kind, quoted(filename), peer, Counts.grouped(bytes), Counts.grouped(blocks),
                retransmissions, String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9),
                String.format(Locale.ROOT, "%.1f", bytesPerSecond() / 1e6), options);
    }
}
