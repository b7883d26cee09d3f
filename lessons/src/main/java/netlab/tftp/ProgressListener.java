package netlab.tftp;

/**
 * Hears how far a transfer has come, about ten times a second. {@link ProgressBar} draws a bar in the notebook.
 *
 * <pre>{@code
 * Tftp.client("127.0.0.1", port)
 *     .progress((bytes, total) -> System.out.println(bytes + " of " + total))
 *     .get("big.bin", Path.of("big.bin"));
 * }</pre>
 *
 * <p>Called on the transfer's thread; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The listener that ignores progress (the default). */
    ProgressListener NONE = (bytes, total) -> {
    };

    /** {@code bytes} moved so far; {@code total} is the announced size (tsize) or -1 if unknown. */
    void onProgress(long bytes, long total);

    /** Called once when the transfer ends: {@code succeeded} is false when it failed. */
    default void onDone(long bytes, long total, boolean succeeded) {
    }
}
