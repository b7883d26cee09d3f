package netlab.kernel.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import netlab.kernel.engine.CellIO;

/**
 * Kernel side of the student's {@code System.in}: JShell's demultiplexer reads one byte whenever the agent
 * needs input; a whole line is asked of the front end through {@link CellIO#readLine}. When the front end
 * cannot answer, the student's read fails at once with the front end's explanation (also printed on
 * stderr, since {@code Scanner} hides the exception's message) — it never hangs.
 */
final class StdinBridge extends InputStream {

    private final CellOutput output;
    private byte[] line = new byte[0];
    private int pos;

    StdinBridge(CellOutput output) {
        this.output = output;
    }

    @Override
    public synchronized int read() throws IOException {
        if (pos >= line.length) {
            output.drain(); // show the prompt the student printed before asking
            CellIO io = output.io();
            try {
                line = (io.readLine("", false) + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            } catch (CellIO.StdinUnavailableException e) {
                io.stderr(e.getMessage() + "\n");
                throw new IOException(e.getMessage());
            }
        }
        return line[pos++] & 0xff;
    }
}
