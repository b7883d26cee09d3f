package netlab.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import netlab.display.DisplaySink;

/**
 * Sends {@link netlab.display.Display} bundles to the kernel as {@link DisplayFrames}. Flushes the
 * agent's stdout and stderr first (not {@code System.out}, which a cell may have replaced), so text printed before
 * a display shows before it.
 */
final class AgentDisplaySink implements DisplaySink {

    private final OutputStream display;
    private final Runnable flushStreams;

    AgentDisplaySink(OutputStream display, Runnable flushStreams) {
        this.display = display;
        this.flushStreams = flushStreams;
    }

    @Override
    public void show(Map<String, String> bundle, String displayId, boolean update) {
        send(DisplayFrames.show(bundle, displayId, update));
    }

    @Override
    public void clear(boolean wait) {
        send(DisplayFrames.clear(wait));
    }

    private synchronized void send(byte[] frame) {
        flushStreams.run();
        try {
            display.write(frame);
            display.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the notebook connection is closed", e);
        }
    }
}
