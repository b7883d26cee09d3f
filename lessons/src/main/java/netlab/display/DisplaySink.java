package netlab.display;

import java.util.Map;

/**
 * Where {@link Display} sends bundles. The notebook agent provides one that forwards to the kernel; the
 * default prints {@code text/plain} to {@code System.out}, so library code also works in plain Java and tests.
 */
public interface DisplaySink {

    /** Shows {@code bundle}; with {@code update}, replaces the output shown earlier under {@code displayId}. */
    void show(Map<String, String> bundle, String displayId, boolean update);

    /** Clears the current cell's output; with {@code wait}, only once new output arrives. */
    void clear(boolean wait);

    /** The sink used outside a notebook: text to standard output. */
    DisplaySink STDOUT = new DisplaySink() {
        @Override
        public void show(Map<String, String> bundle, String displayId, boolean update) {
            System.out.println(bundle.getOrDefault("text/plain", ""));
        }

        @Override
        public void clear(boolean wait) {
        }
    };
}
