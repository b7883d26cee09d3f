package netlab.kernel.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Kernel side of the student's {@code System.in}: JShell's demultiplexer reads one byte whenever the agent
 * needs input; a whole line is asked of the front end through {@link CellOutput#readLine}. When the front end
 * cannot answer, the student's read fails at once with the front end's explanation, in the session's language
 * — it never hangs.
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
            line = (output.readLine() + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return line[pos++] & 0xff;
    }
}
