package netlab.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a Jupyter message carries: the HMAC, with the connection file's key and scheme
 * ({@code hmac-sha256}), of its header, parent header, metadata and content, in lowercase hex.
 * A connection file with an empty key asks for no signature ({@link #of} returns empty).
 */
final class MessageSigner {

    private final Mac mac;

    private MessageSigner(Mac mac) {
        this.mac = mac;
    }

    /**
     * The signer for a connection file's {@code signature_scheme} and {@code key}; empty when the key is.
     *
     * @throws IllegalArgumentException for a scheme this JDK has no HMAC for
     */
    static Optional<MessageSigner> of(String scheme, String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        String named = scheme == null ? "hmac-sha256" : scheme;
        String algorithm = "Hmac" + named.replaceFirst("^hmac-", "").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return Optional.of(new MessageSigner(mac));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The connection file's signature_scheme '" + named
                    + "' is not usable (expected hmac-sha256): " + e.getMessage(), e);
        }
    }

    /** The signature of {@code parts}, as the ASCII bytes of its hex. Thread-safe. */
    byte[] sign(byte[]... parts) {
        byte[] digest;
        synchronized (mac) {
            for (byte[] part : parts) {
                mac.update(part);
            }
            digest = mac.doFinal();
        }
        return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    }
}
