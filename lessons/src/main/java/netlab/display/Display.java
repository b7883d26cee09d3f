package netlab.display;

import java.util.Map;
import java.util.UUID;
import netlab.runtime.NotebookHost;

/**
 * Shows values in the notebook: HTML tables, SVG pictures, progress that updates in place.
 *
 * <pre>{@code
 * Display.show(Html.of("<b>hi</b>", "hi"));        // a rich output under the cell
 * DisplayHandle h = Display.show("step 1 of 3");   // keep the handle ...
 * h.update("step 2 of 3");                         // ... and replace that output in place
 * }</pre>
 *
 * <p>Thread safe: background threads a cell started may show values too.
 */
public final class Display {

    private Display() {
    }

    /**
     * Shows {@code value} now and returns a handle to update it. A {@link Displayable} shows its rich forms;
     * anything else shows its {@code toString()}.
     * Example: {@code Display.show(Html.of("<b>hi</b>", "hi"))}.
     */
    public static DisplayHandle show(Object value) {
        DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString());
        sink().show(bundleOf(value), handle.id(), false);
        return handle;
    }

    /** Clears the output of the running cell. Example: {@code Display.clear()}. */
    public static void clear() {
        sink().clear(false);
    }

    /** The MIME bundle that shows {@code value}. Example: {@code Display.bundleOf(42)} is {@code {text/plain=42}}. */
    public static Map<String, String> bundleOf(Object value) {
        if (value instanceof Displayable d) {
            Map<String, String> bundle = d.mimeBundle();
            if (!bundle.containsKey("text/plain")) {
                throw new IllegalArgumentException(value.getClass().getName()
                        + ".mimeBundle() has no \"text/plain\" entry; add one so terminals can show it");
            }
            return bundle;
        }
        return Map.of("text/plain", String.valueOf(value));
    }

    /** Where this process's notebook host sends bundles ({@link NotebookHost}). */
    static DisplaySink sink() {
        return NotebookHost.current().display();
    }
}
