package netlab.display;

import java.util.Map;

/**
 * A value that knows how to show itself in a notebook. A cell whose last expression is {@code Displayable}
 * shows its richest form (HTML, SVG) in JupyterLab and its {@code text/plain} form in a terminal.
 *
 * <pre>{@code
 * record Greeting(String who) implements Displayable {
 *     public Map<String, String> mimeBundle() {
 *         return Map.of("text/plain", "hello " + who, "text/html", "<b>hello</b> " + who);
 *     }
 * }
 * new Greeting("world")   // shows a bold "hello" in JupyterLab
 * }</pre>
 */
public interface Displayable {

    /** The representations keyed by MIME type; always includes {@code text/plain}. */
    Map<String, String> mimeBundle();
}
