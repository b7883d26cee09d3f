package netlab.kernel.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kernel's PUB socket (iopub): each front end connected gets the messages whose first frame starts with one of
 * the topics it subscribed to (Jupyter's subscribe to all: the empty topic), in the order they were published.
 * A message is written to every such front end before {@link #publish} returns; one whose connection fails is
 * dropped from the list.
 */
final class ZmtpPublisher {

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** A front end's connection and its topics (each subscription counted, as a cancel takes one away). */
    private record Subscriber(ZmtpConnection connection, List<byte[]> topics) {
        boolean wants(byte[] first) {
            synchronized (topics) {
                for (byte[] topic : topics) {
                    if (first.length >= topic.length && Arrays.equals(first, 0, topic.length, topic, 0, topic.length)) {
                        return true;
                    }
                }
                return false;
            }
        }

        void change(byte[] subscription) {
            byte[] topic = Arrays.copyOfRange(subscription, 1, subscription.length);
            synchronized (topics) {
                if (subscription[0] == 1) {
                    topics.add(topic);
                } else {
                    topics.stream().filter(t -> Arrays.equals(t, topic)).findFirst().ifPresent(topics::remove);
                }
            }
        }
    }

    /** Reads {@code connection}'s subscriptions until it closes; runs on the connection's own thread. */
    void serve(ZmtpConnection connection) {
        Subscriber subscriber = new Subscriber(connection, new ArrayList<>());
        subscribers.add(subscriber);
        try {
            while (true) {
                List<byte[]> frames = connection.read();
                byte[] first = frames.getFirst();
                if (frames.size() == 1 && first.length > 0 && (first[0] == 0 || first[0] == 1)) {
                    subscriber.change(first);
                }
            }
        } catch (IOException e) {
            // the front end closed its connection, or broke the protocol
        } finally {
            subscribers.remove(subscriber);
        }
    }

    /** Writes {@code frames} to each front end subscribed to them. Serialized: every front end sees one order. */
    synchronized void publish(List<byte[]> frames) {
        byte[] first = frames.getFirst();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(first)) {
                try {
                    subscriber.connection().write(frames);
                } catch (IOException e) {
                    subscribers.remove(subscriber);
                    subscriber.connection().close();
                }
            }
        }
    }
}
