package netlab.kernel.protocol;

import netlab.kernel.engine.MimeBundle;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything a cell shows, published on iopub with the current (or, after it ended, the last) execute
 * request as parent. Small writes are batched: text waits at most {@value #FLUSH_DELAY_MS} ms or until
 * {@value #MAX_PENDING_CHARS} chars are pending, so 100k tiny prints become a few hundred messages.
 * Order is kept exactly: switching between stdout and stderr, a display or clear flushes first.
 *
 * <p>Thread-safe: cells print from any thread.
 */
final class OutputStreams implements AutoCloseable {

    static final int FLUSH_DELAY_MS = 10;
    static final int MAX_PENDING_CHARS = 64 * 1024;

    private final Transport transport;
    private final Messages messages;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("netlab-output-flush").factory());
    private final Object lock = new Object();
    private final StringBuilder pending = new StringBuilder();
    private String pendingStream = "stdout"; // guarded by lock
    private Message parent;                  // guarded by lock
    private boolean flushScheduled;          // guarded by lock

    OutputStreams(Transport transport, Messages messages) {
        this.transport = transport;
        this.messages = messages;
    }

    /** Makes {@code request} the parent of everything shown from now on; earlier text keeps its parent. */
    void startCell(Message request) {
        synchronized (lock) {
            flushLocked();
            parent = request;
        }
    }

    void write(String stream, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (!stream.equals(pendingStream)) {
                flushLocked();
                pendingStream = stream;
            }
            pending.append(text);
            if (pending.length() >= MAX_PENDING_CHARS) {
                flushLocked();
            } else if (!flushScheduled) {
                flushScheduled = true;
                timer.schedule(this::flushOnTimer, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Publishes pending text now; called before every execute_reply so no byte arrives after it. */
    void flush() {
        synchronized (lock) {
            flushLocked();
        }
    }

    void display(MimeBundle bundle, String displayId, boolean update) {
        Map<String, Object> transientData = new HashMap<>();
        if (displayId != null) {
            transientData.put("display_id", displayId);
        }
        String type = update && displayId != null ? "update_display_data" : "display_data";
        publishInOrder(type, new Content.DisplayData(bundle.data(), bundle.metadata(), transientData));
    }

    void clear(boolean wait) {
        publishInOrder("clear_output", new Content.ClearOutput(wait));
    }

    /** Publishes after the text written before it, with the current parent. */
    void publishInOrder(String type, Object content) {
        synchronized (lock) {
            flushLocked();
            transport.send(Transport.Channel.IOPUB, messages.publish(parent, type, content));
        }
    }

    private void flushOnTimer() {
        synchronized (lock) {
            flushScheduled = false;
            flushLocked();
        }
    }

    private void flushLocked() {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        transport.send(Transport.Channel.IOPUB, messages.publish(parent, "stream",
                new Content.Stream(pendingStream, text)));
    }

    @Override
    public void close() {
        flush();
        timer.shutdownNow();
    }
}
