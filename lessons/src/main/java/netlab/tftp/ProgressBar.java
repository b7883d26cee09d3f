package netlab.tftp;

import java.util.Locale;
import netlab.display.Display;
import netlab.display.DisplayHandle;
import netlab.display.Html;
import netlab.text.Text;

/**
 * A progress bar in the notebook (an HTML bar, or a text bar in a terminal) that updates in place.
 *
 * <pre>{@code
 * Tftp.client("127.0.0.1", port).progress(new ProgressBar()).get("big.bin", Path.of("big.bin"));
 * // [##########----------]  50%  1,572,864 of 3,145,728 bytes
 * }</pre>
 *
 * <p>Updates are already throttled to about ten a second by the transfer. One bar per transfer: it shows
 * itself on the first update. Not thread safe.
 */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private DisplayHandle handle;
    private long startNanos;

    @Override
    public void onProgress(long bytes, long total) {
        Html view = render(bytes, total, "");
        if (handle == null) {
            startNanos = System.nanoTime();
            handle = Display.show(view);
        } else {
            handle.update(view);
        }
    }

    @Override
    public void onDone(long bytes, long total, boolean succeeded) {
        double seconds = Math.max(1, System.nanoTime() - startNanos) / 1e9;
        String note = succeeded
                ? "  " + Text.of("tftp.progress.done", String.format(Locale.ROOT, "%.2f", seconds),
                        String.format(Locale.ROOT, "%.1f", bytes / seconds / 1e6))
                : "  " + Text.of("tftp.progress.failed");
        Html view = render(bytes, succeeded && total < 0 ? bytes : total, note);
        if (handle == null) {
            handle = Display.show(view);
        } else {
            handle.update(view);
        }
    }

    /** The bar for {@code bytes} of {@code total} (-1: unknown). Example: {@code ProgressBar.render(50, 100, "")}. */
    public static Html render(long bytes, long total, String note) {
        double fraction = total > 0 ? Math.min(1.0, (double) bytes / total) : total == 0 ? 1.0 : 0.0;
        int filled = (int) Math.round(fraction * WIDTH);
        String count = total >= 0
                ? Text.of("tftp.progress.of", Counts.grouped(bytes), Counts.grouped(total))
                : Text.of("tftp.progress.unknown", Counts.grouped(bytes));
        String percent = total >= 0 ? String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)) : "  ?%";
        String text = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "  " + count + note;
        String html = "<div style=\"font-family:monospace\"><progress max=\"1000\" value=\"" + Math.round(fraction * 1000)
                + "\" style=\"width:20em\"></progress> " + Html.escape(percent + "  " + count + note) + "</div>";
        return Html.of(html, text);
    }
}
