package netlab.net;

import java.io.IOException;

/**
 * What a TCP server does with one connection; it runs on its own virtual thread, named after the peer.
 * The connection is closed for you when it returns or throws.
 *
 * <pre>{@code
 * Server upper = Tcp.serve(0, c -> {
 *     for (String line; (line = c.readLine()) != null; ) c.sendLine(line.toUpperCase());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface TcpHandler {

    /** Serves one client. A throw ends only this connection, never the server. */
    void handle(TcpConnection connection) throws IOException;
}
