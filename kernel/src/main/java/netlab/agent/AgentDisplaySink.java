package netlab.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import netlab.display.DisplaySink;

/**
 * Sends {@link netlab.display.Display} bundles to the kernel as {@link DisplayFrames}. Flushes the
 * student's stdout and stderr first, so text printed before a display shows before it.
 */
final class AgentDisplaySink implements DisplaySink {

    private final OutputStream display;

    AgentDisplaySink(OutputStream display) {
        this.display = display;
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
        System.out.flush();
        System.err.flush();
        try {
            display.write(frame);
            display.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the notebook connection is closed", e);
        }
    }
}
