package netlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** iopub's topics: each front end gets what starts with a topic it subscribed to, in the order published. */
class ZmtpPublisherTest {

    private final ZmtpPublisher publisher = new ZmtpPublisher();

    @Test
    void eachSubscriberGetsItsTopicsOnlyAndACancelTakesOneAway() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
             ZmtpConnection all = subscriber(server);
             ZmtpConnection some = subscriber(server)) {
            all.write(List.of(bytes("\1")));
            some.write(List.of(bytes("\1kernel.a")));
            some.write(List.of(bytes("\1kernel.a")));
            some.write(List.of(bytes("\0kernel.a")));
            awaitSubscribed(all, "sync");
            awaitSubscribed(some, "kernel.a-sync");
            publisher.publish(List.of(bytes("kernel.b.status"), bytes("busy")));
            publisher.publish(List.of(bytes("kernel.a.stream"), bytes("hello")));
            assertEquals("kernel.a.stream", next(some), "the other topic was never sent here");
            assertEquals("kernel.b.status", next(all));
            assertEquals("kernel.a.stream", next(all));
            some.write(List.of(bytes("\0kernel.a")));
            some.write(List.of(bytes("\1z")));
            awaitSubscribed(some, "z-sync"); // the cancel before it has arrived too
            publisher.publish(List.of(bytes("kernel.a.stream"), bytes("again")));
            publisher.publish(List.of(bytes("z-end")));
            assertEquals("z-end", next(some), "both subscriptions to kernel.a are cancelled");
            assertEquals("kernel.a.stream", next(all));
            assertEquals("z-end", next(all));
        }
    }

    /** The next message's topic, past the ones {@link #awaitSubscribed} published. */
    private static String next(ZmtpConnection connection) throws IOException {
        String topic;
        do {
            topic = text(connection.read());
        } while (topic.contains("sync"));
        return topic;
    }

    /** Publishes {@code topic} until {@code connection} receives it: what it sent before has arrived. */
    private void awaitSubscribed(ZmtpConnection connection, String topic) throws Exception {
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return text(connection.read());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 500 && !first.isDone(); i++) {
            publisher.publish(List.of(bytes(topic)));
            Thread.sleep(10);
        }
        assertEquals(topic, first.get(1, TimeUnit.SECONDS));
    }

    private ZmtpConnection subscriber(ServerSocket server) throws Exception {
        CompletableFuture<ZmtpConnection> client = CompletableFuture.supplyAsync(() -> {
            try {
                return ZmtpConnection.open(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()), "SUB",
                        new byte[0]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ZmtpConnection kernel = ZmtpConnection.open(server.accept(), "PUB", new byte[0]);
        Thread.ofPlatform().daemon().start(() -> {
            try (kernel) {
                publisher.serve(kernel);
            }
        });
        return client.get(10, TimeUnit.SECONDS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(List<byte[]> frames) {
        return new String(frames.getFirst(), StandardCharsets.ISO_8859_1);
    }
}
