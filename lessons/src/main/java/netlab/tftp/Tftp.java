package netlab.tftp;

import java.nio.file.Path;

/**
 * Where TFTP starts: a client for a server, a server for a directory, a lossy relay to put between them.
 *
 * <pre>{@code
 * try (TftpServer server = Tftp.server(Path.of("files")).start()) {            // an ephemeral port
 *     TransferSummary s = Tftp.client("127.0.0.1", server.port()).get("hello.txt", Path.of("hello.txt"));
 *     System.out.println(s.bytes() + " bytes");
 * }
 * }</pre>
 */
public final class Tftp {

    /** TFTP's well-known port. Binding it needs root, so {@link #server} picks a free port unless told otherwise. */
    public static final int PORT = 69;

    private Tftp() {
    }

    /** A client of the server at {@code host}:{@code port}. Example: {@code Tftp.client("127.0.0.1", 6969)}. */
    public static TftpClient client(String host, int port) {
        return TftpClient.to(host, port);
    }

    /** A server for the files under {@code root}, to be configured, then {@code start()}ed. Example: {@code Tftp.server(Path.of("files")).start()}. */
    public static TftpServer.Builder server(Path root) {
        return new TftpServer.Builder(root);
    }

    /** A relay that loses, repeats, delays and reorders packets on their way to {@code host}:{@code port}. Example: {@code Tftp.relay("127.0.0.1", server.port()).drop(0.1).start()}. */
    public static LossyRelay.Builder relay(String host, int port) {
        return new LossyRelay.Builder(host, port);
    }
}
