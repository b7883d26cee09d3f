package netlab.display;

import java.util.Map;
import java.util.Objects;

/**
 * An SVG picture with a plain-text stand-in for terminals.
 *
 * <pre>{@code
 * Display.show(Svg.of("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'>"
 *         + "<circle cx='10' cy='10' r='8'/></svg>", "(a circle)"));
 * }</pre>
 */
public record Svg(String svg, String text) implements Displayable {

    public Svg {
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(text, "text");
    }

    /** Example: {@code Svg.of("<svg ...>...</svg>", "a diagram of ...")}. */
    public static Svg of(String svg, String text) {
        return new Svg(svg, text);
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", text, "image/svg+xml", svg);
    }

    @Override
    public String toString() {
        return text;
    }
}
