package netlab.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jupyter's multipart wire format: {@code ids… <IDS|MSG> signature header parent metadata content buffers…},
 * signed with the connection's HMAC key ({@link MessageSigner}; unsigned when the key is empty).
 */
final class WireCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /** A message that must not reach the kernel; the message says why. */
    static final class BadMessageException extends Exception {
        BadMessageException(String message) {
            super(message);
        }
    }

    private static final byte[] UNSIGNED = new byte[0];

    private final Optional<MessageSigner> signer;

    WireCodec(Optional<MessageSigner> signer) {
        this.signer = signer;
    }

    /** The codec for a connection file's {@code signature_scheme} and {@code key}; see {@link MessageSigner#of}. */
    static WireCodec of(String scheme, String key) {
        return new WireCodec(MessageSigner.of(scheme, key));
    }

    List<byte[]> encode(Message message) {
        byte[] header = bytes(message.header());
        byte[] parent = bytes(message.parentHeader());
        byte[] metadata = bytes(message.metadata());
        byte[] content = bytes(message.content());
        List<byte[]> frames = new ArrayList<>(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.map(s -> s.sign(header, parent, metadata, content)).orElse(UNSIGNED));
        frames.add(header);
        frames.add(parent);
        frames.add(metadata);
        frames.add(content);
        frames.addAll(message.buffers());
        return frames;
    }

    /**
     * Reads frames received on a channel. A bad signature or unreadable header is an exception (the message
     * is dropped); unreadable parent/metadata/content give a message marked {@code malformed}, so the kernel
     * can still answer it.
     */
    Message decode(List<byte[]> frames) throws BadMessageException {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new BadMessageException("expected <IDS|MSG> followed by 5 frames, got " + frames.size()
                    + " frames in all");
        }
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (signer.isPresent()) {
            byte[] expected = signer.get().sign(header, parent, metadata, content);
            if (!MessageDigest.isEqual(expected, frames.get(delimiter + 1))) {
                throw new BadMessageException("invalid HMAC signature");
            }
        }
        JsonObject headerJson;
        try {
            headerJson = parseObject(header);
        } catch (JsonParseException | IllegalStateException e) {
            throw new BadMessageException("header is not a JSON object: " + e.getMessage());
        }
        String malformed = null;
        JsonObject parentJson = new JsonObject();
        JsonObject metadataJson = new JsonObject();
        JsonObject contentJson = new JsonObject();
        try {
            parentJson = parseObject(parent);
            metadataJson = parseObject(metadata);
            contentJson = parseObject(content);
        } catch (JsonParseException | IllegalStateException e) {
            malformed = "parent header, metadata or content is not a JSON object: " + e.getMessage();
        }
        return new Message(frames.subList(0, delimiter), headerJson, parentJson, metadataJson, contentJson,
                frames.subList(delimiter + 6, frames.size()), malformed);
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (java.util.Arrays.equals(DELIMITER, frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject parseObject(byte[] raw) {
        JsonElement element = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
        return element.getAsJsonObject();
    }

    private static byte[] bytes(JsonObject json) {
        return (json == null ? "{}" : Json.GSON.toJson(json)).getBytes(StandardCharsets.UTF_8);
    }
}
