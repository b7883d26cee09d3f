package netlab.net;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;

/**
 * Nothing arrived (or no connection was made) within the timeout you gave. Unchecked, so cells and lambdas
 * need no {@code throws}; the cause is the JDK's {@link SocketTimeoutException}.
 *
 * <pre>{@code
 * try (UdpEndpoint u = Udp.bind(0)) {
 *     u.receive(Duration.ofMillis(200));
 * } catch (TimedOutException e) {
 *     System.out.println(e.getMessage());   // "no datagram arrived on port 50712 within 200 ms"
 * }
 * }</pre>
 */
public final class TimedOutException extends UncheckedIOException {

    /** A timeout with a message saying what did not arrive, from where, within how long. */
    public TimedOutException(String message, SocketTimeoutException cause) {
        super(message, cause);
    }
}
