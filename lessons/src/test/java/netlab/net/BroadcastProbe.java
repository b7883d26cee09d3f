package netlab.net;

import java.time.Duration;

/**
 * The two ends of {@link UdpBroadcastIT}, run as separate JVMs inside network namespaces.
 * <ul>
 *   <li>{@code receive <timeoutMs>}: binds an ephemeral port, prints {@code READY <port>}, then prints the first
 *       datagram as {@code GOT [ip:port] text} (exit 0) or {@code TIMEOUT ...} (exit 2).</li>
 *   <li>{@code send <address> <port> <text> <times>}: broadcasts {@code text} that many times, 100 ms apart.</li>
 * </ul>
 */
public final class BroadcastProbe {

    private BroadcastProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "receive" -> {
                try (UdpEndpoint u = Udp.bind(0)) {
                    System.out.println("READY " + u.port());
                    System.out.flush();
                    System.out.println("GOT " + u.receive(Duration.ofMillis(Long.parseLong(args[1]))));
                } catch (TimedOutException e) {
                    System.out.println("TIMEOUT " + e.getMessage());
                    System.exit(2);
                }
            }
            case "send" -> {
                int times = Integer.parseInt(args[4]);
                for (int i = 0; i < times; i++) {
                    Udp.broadcast(args[3], args[1], Integer.parseInt(args[2]));
                    Thread.sleep(100);
                }
                System.out.println("SENT " + times);
            }
            default -> throw new IllegalArgumentException("usage: receive <timeoutMs> | send <address> <port> <text> <times>");
        }
    }
}
