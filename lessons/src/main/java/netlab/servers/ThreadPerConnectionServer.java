package netlab.servers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** §4.3 (a): a new platform (operating-system) thread for every connection, ending when the client leaves. */
final class ThreadPerConnectionServer extends BlockingServer {

    ThreadPerConnectionServer(int port) {
        super(Model.THREAD_PER_CONNECTION, port);
    }

    @Override
    void serve(ServerSocket listener) throws IOException {
        while (true) {
            Socket client = accept(listener);
            // an OS thread with its own stack (1 MB reserved) per client: fine for hundreds, heavy for ten thousand
            Thread.ofPlatform().name("echo " + client.getPort()).start(() -> echo(client));
        }
    }
}
