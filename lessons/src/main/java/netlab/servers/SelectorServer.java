package netlab.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import netlab.runtime.Resources;

/**
 * §4.5–4.6: one thread asks the kernel to wake it when some socket is ready. On Linux a {@code Selector} is epoll
 * ({@code sun.nio.ch.EPollSelectorImpl}). It asks for OP_WRITE only while bytes wait to be sent, or it would wake
 * up for every writable socket all the time.
 */
final class SelectorServer extends NonBlockingServer {

    private volatile Selector selector;

    SelectorServer(int port) {
        super(Model.SELECTOR, port);
    }

    @Override
    void serve(ServerSocketChannel listener) throws IOException {
        try (Selector selector = Resources.track(Selector.open())) {
            this.selector = selector;
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (listener.isOpen()) {
                selector.select(); // sleeps until a socket is ready: no CPU while nothing happens
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove(); // the selected set is ours to empty
                    if (key.isAcceptable()) {
                        SocketChannel client = accept(listener);
                        if (client != null) {
                            client.register(selector, SelectionKey.OP_READ, emptyBuffer());
                        }
                    } else if (echoSome((SocketChannel) key.channel(), (ByteBuffer) key.attachment())) {
                        boolean unsent = ((ByteBuffer) key.attachment()).hasRemaining();
                        key.interestOps(unsent ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                    }
                }
            }
        }
    }

    @Override
    void wakeUp() {
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }
}
