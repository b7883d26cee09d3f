package netlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The socket was closed before this call: by your {@code close()}, by another thread, or by netlab when the cell
 * that opened it ran again or was interrupted. The message says which socket and what to run to get a new one.
 *
 * <pre>{@code
 * UdpEndpoint u = Udp.bind(0);
 * u.close();
 * u.receive(Duration.ofSeconds(1));   // throws ClosedException: this UDP endpoint (*:50712) is closed and ...
 * }</pre>
 */
public final class ClosedException extends UncheckedIOException {

    /** A closed socket, said in the student's words; {@code cause} is what the JDK threw, if it threw. */
    ClosedException(String message, IOException cause) {
        super(message, cause);
    }
}
