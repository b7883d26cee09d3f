package netlab.servers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * §4.9–4.10: the thread-per-connection code, with virtual threads. A blocking read parks the virtual thread and
 * frees its carrier; the JDK waits for the socket with epoll (what gevent's monkey-patching does, built in).
 */
final class VirtualThreadServer extends BlockingServer {

    VirtualThreadServer(int port) {
        super(Model.VIRTUAL_THREADS, port);
    }

    @Override
    void serve(ServerSocket listener) throws IOException {
        while (true) {
            Socket client = accept(listener);
            // a few hundred bytes of heap per parked thread, so ten thousand idle clients are cheap
            Thread.ofVirtual().name("echo " + client.getPort()).start(() -> echo(client));
        }
    }
}
