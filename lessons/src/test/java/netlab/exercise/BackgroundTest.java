package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** {@link Background#waitsIn}: a call the answer is parked in, told from one a loop passes through. On loopback. */
class BackgroundTest {

    private static final String CHANNEL = "sun.nio.ch.SocketChannelImpl";

    @Test
    void aBlockingReadIsWaitedInAndALoopOfNonBlockingReadsIsNot() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel blocking = server.accept();
             SocketChannel other = SocketChannel.open(server.getLocalAddress());
             SocketChannel polled = server.accept()) {
            Background<Void> parked = Background.run(() -> blocking.read(ByteBuffer.allocate(16)));
            polled.configureBlocking(false);
            // nearly all of this loop's time is inside read(), none of it parked there
            Background<Void> spinning = Background.run(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(16);
                while (polled.read(buffer) == 0) {
                    buffer.clear();
                }
            });
            Thread.sleep(100);
            assertTrue(parked.waitsIn(CHANNEL, "read", 3, 20));
            assertFalse(spinning.waitsIn(CHANNEL, "read", 5, 20));
            client.write(ByteBuffer.wrap(new byte[] {1}));
            other.write(ByteBuffer.wrap(new byte[] {1}));
            parked.await(2000);
            spinning.await(2000);
        }
    }
}
