package netlab.display;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of HTML with a plain-text stand-in for terminals.
 *
 * <pre>{@code
 * Display.show(Html.of("<b>bold</b>", "bold"));
 * }</pre>
 */
public record Html(String html, String text) implements Displayable {

    public Html {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    /** HTML shown in notebooks, {@code text} shown where HTML cannot be. Example: {@code Html.of("<i>x</i>", "x")}. */
    public static Html of(String html, String text) {
        return new Html(html, text);
    }

    /** Escapes {@code &lt; &gt; &amp; &quot;} so text can be put inside HTML. Example: {@code Html.escape("a<b")}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", text, "text/html", html);
    }

    @Override
    public String toString() {
        return text;
    }
}
