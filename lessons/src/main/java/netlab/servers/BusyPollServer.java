package netlab.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * §4.4: one thread, non-blocking sockets, and a loop that asks every socket again and again. It never waits, so it
 * burns a whole core even when no client sends anything.
 */
final class BusyPollServer extends NonBlockingServer {

    BusyPollServer(int port) {
        super(Model.BUSY_POLL, port);
    }

    @Override
    void serve(ServerSocketChannel listener) throws IOException {
        listener.configureBlocking(false);
        Map<SocketChannel, ByteBuffer> clients = new HashMap<>();
        while (listener.isOpen()) {
            SocketChannel client = accept(listener); // null at once when nobody is connecting
            if (client != null) {
                clients.put(client, emptyBuffer());
            }
            for (Iterator<Map.Entry<SocketChannel, ByteBuffer>> it = clients.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<SocketChannel, ByteBuffer> c = it.next();
                if (!echoSome(c.getKey(), c.getValue())) { // -1: that client closed
                    it.remove();
                }
            }
        }
    }
}
