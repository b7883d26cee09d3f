package netlab.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * A name service that never answers, as a DNS server that is down looks to Java: every name but localhost
 * waits a minute (far past glibc's 5 s × 2 tries and any timeout the library gives) and then is unknown.
 * Installed only in a child JVM by {@link DnsTimeoutTest} (through a META-INF/services file the test writes),
 * never in the test JVM or on this machine.
 */
public final class SilentResolver extends InetAddressResolverProvider {

    /** How long a lookup waits before it fails. */
    static final long SILENCE_MILLIS = 60_000;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.equals("localhost")) {
                    return builtin.lookupByName(host, policy);
                }
                silence();
                throw new UnknownHostException(host + ": Temporary failure in name resolution");
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                silence();
                throw new UnknownHostException("no PTR record");
            }
        };
    }

    private static void silence() {
        try {
            Thread.sleep(SILENCE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return "silent";
    }

    /** The child JVM: runs each call that looks a name up and prints its time and message, one line each. */
    public static void main(String[] args) {
        run("Tcp.connect", () -> Tcp.connect("example.edu", 80, java.time.Duration.ofSeconds(1)));
        run("Udp.send", () -> Udp.send("hi", "example.edu", 9));
        run("Dns.lookup", () -> Dns.lookup("example.net", java.time.Duration.ofSeconds(1)));
        run("Dns.reverse", () -> Dns.reverse("192.0.2.1"));
        run("Dns.explain", () -> Dns.explain("example.org").text());
    }

    private static void run(String what, java.util.concurrent.Callable<?> call) {
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = "returned " + String.valueOf(call.call()).replace('\n', '|');
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.println(what + "\t" + (System.nanoTime() - start) / 1_000_000 + "\t" + outcome);
    }
}
