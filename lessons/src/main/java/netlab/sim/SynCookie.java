package netlab.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A simplified SYN cookie: the server's ISN carries a 5-bit time counter (minutes) in its top bits and 27 bits
 * of a keyed hash of the connection's 4-tuple and that counter. The client's ACK returns ISN+1; the server
 * recomputes the hash instead of remembering the SYN. (Linux also packs an MSS index; left out here.)
 *
 * <pre>{@code
 * long isn = SynCookie.make("secret", "10.0.0.7:51000>10.0.0.1:80", 42);
 * SynCookie.valid("secret", "10.0.0.7:51000>10.0.0.1:80", isn + 1, 42)   // true
 * }</pre>
 */
public final class SynCookie {

    private SynCookie() {
    }

    /** The ISN for a SYN of connection {@code fourTuple} in minute {@code minute}. */
    public static long make(String secret, String fourTuple, long minute) {
        return ((minute & 0x1F) << 27) | hash(secret, fourTuple, minute);
    }

    /** Whether {@code ackNumber} (the client's ACK, cookie + 1) is a cookie from this or the previous minute. */
    public static boolean valid(String secret, String fourTuple, long ackNumber, long nowMinute) {
        long cookie = (ackNumber - 1) & 0xFFFF_FFFFL;
        long counter = cookie >>> 27;
        for (long m = nowMinute; m >= nowMinute - 1; m--) {
            if ((m & 0x1F) == counter && make(secret, fourTuple, m) == cookie) {
                return true;
            }
        }
        return false;
    }

    private static long hash(String secret, String fourTuple, long minute) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            sha.update(fourTuple.getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(8).putLong(minute).array());
            return ByteBuffer.wrap(sha.digest()).getInt() & 0x07FF_FFFFL;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
