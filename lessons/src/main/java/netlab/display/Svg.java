package netlab.display;

import java.util.Map;
import java.util.Objects;
import netlab.text.TerminalWidth;

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

    /**
     * About how many pixels {@code text} takes in a sans-serif font of {@code fontSize} px, a little more rather
     * than less: a Chinese character (two terminal columns) a little over one em, any other a little over half.
     * A picture sized with it has no label running past its edge. Example: {@code Svg.textWidth("ACK 字节", 11)}
     * is 55.
     */
    public static int textWidth(String text, int fontSize) {
        return (int) Math.ceil(TerminalWidth.of(text) * fontSize * 0.62);
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
