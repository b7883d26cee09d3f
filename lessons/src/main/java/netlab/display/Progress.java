package netlab.display;

import java.util.Locale;
import java.util.Map;

/**
 * A progress bar under the cell that updates in place (a bar in JupyterLab, a text bar in a terminal).
 *
 * <pre>{@code
 * Progress p = Progress.start("Sending blocks", 200);
 * for (int i = 0; i < 200; i++) {
 *     // ... send block i ...
 *     p.step();
 * }
 * p.done();       // shows: Sending blocks [##############################] 100% (200/200)
 * }</pre>
 *
 * <p>Updates are sent at most every {@value #MIN_UPDATE_MILLIS} ms (and always on {@link #done()}), so
 * calling {@link #step()} in a tight loop does not flood the notebook. Thread safe.
 */
public final class Progress {

    static final long MIN_UPDATE_MILLIS = 100;
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long total;
    private final DisplayHandle handle;
    private long done;
    private long lastShown;
    private long lastUpdateNanos;

    private Progress(String label, long total) {
        if (total <= 0) {
            throw new IllegalArgumentException(netlab.text.Text.of("display.progress.total", total));
        }
        this.label = label;
        this.total = total;
        this.handle = Display.show(view(0));
        this.lastUpdateNanos = System.nanoTime();
    }

    /** Shows a bar at 0 of {@code total}. Example: {@code Progress p = Progress.start("Download", 10);} */
    public static Progress start(String label, long total) {
        return new Progress(label, total);
    }

    /** Advances by one. Example: {@code p.step();} */
    public synchronized void step() {
        set(done + 1);
    }

    /** Sets how many steps are done (clamped to 0..total). Example: {@code p.set(50);} */
    public synchronized void set(long steps) {
        done = Math.max(0, Math.min(total, steps));
        long now = System.nanoTime();
        if (done != lastShown && (done == total || now - lastUpdateNanos >= MIN_UPDATE_MILLIS * 1_000_000)) {
            show(now);
        }
    }

    /** Shows the bar full. Example: {@code p.done();} */
    public synchronized void done() {
        done = total;
        show(System.nanoTime());
    }

    /** Steps done so far. Example: {@code p.value()} is {@code 50} after {@code p.set(50)}. */
    public synchronized long value() {
        return done;
    }

    private void show(long now) {
        lastShown = done;
        lastUpdateNanos = now;
        handle.update(view(done));
    }

    private Displayable view(long steps) {
        int percent = (int) (steps * 100 / total);
        int filled = (int) (steps * BAR_WIDTH / total);
        String text = String.format(Locale.ROOT, "%s [%s%s] %d%% (%d/%d)", label, "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), percent, steps, total);
        String html = String.format(Locale.ROOT,
                "<div>%s <progress value=\"%d\" max=\"%d\"></progress> %d%% (%d/%d)</div>",
                Html.escape(label), steps, total, percent, steps, total);
        return () -> Map.of("text/plain", text, "text/html", html);
    }
}
