package netlab.kernel.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One value in several representations, keyed by MIME type ({@code text/plain}, {@code text/html},
 * {@code image/svg+xml}, {@code image/png} as base64). Every bundle has {@code text/plain}.
 */
public record MimeBundle(Map<String, String> data, Map<String, Object> metadata) {

    public MimeBundle {
        data = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A bundle with only {@code text/plain}. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of("text/plain", text), Map.of());
    }

    public String plainText() {
        return data.getOrDefault("text/plain", "");
    }
}
