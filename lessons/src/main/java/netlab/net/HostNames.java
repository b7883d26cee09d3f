package netlab.net;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netlab.text.FullWidth;
import netlab.text.Text;

/**
 * Every name lookup of netlab.net, in one place, each with a time limit. {@code InetAddress} has none: with a
 * DNS server that does not answer, glibc waits 5 s per try and tries twice, and then says only "unknown host".
 * Here the lookup runs on a virtual thread and the caller waits at most its timeout, then is told that the
 * resolver did not answer; the lookup itself finishes in the background and its answer still fills the JVM
 * cache. Literal addresses are never looked up.
 */
final class HostNames {

    /** The limit for calls that take no timeout (send, reverse, explain): less than glibc's 10 s. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private HostNames() {
    }

    /** The first address for {@code host}, as {@code InetAddress.getByName} would give it. */
    static InetAddress address(String host, Duration timeout) {
        return all(host, timeout)[0];
    }

    /** Every address for {@code host}, in resolver order. */
    static InetAddress[] all(String host, Duration timeout) {
        String name = requireName(host);
        InetAddress literal = literal(name);
        if (literal != null) {
            return new InetAddress[] {literal};
        }
        try {
            return within(timeout, "\"" + name + "\"", () -> InetAddress.getAllByName(name));
        } catch (UnknownHostException e) {
            if (String.valueOf(e.getMessage()).contains("Temporary failure")) {   // glibc's EAI_AGAIN: no server answered
                throw new TimedOutException(Text.of("net.resolver.failed", name, e.getMessage()), new SocketTimeoutException());
            }
            throw new IllegalArgumentException(Text.of("net.name.unknown", name) + FullWidth.hint(name), e);
        }
    }

    /** The name for an address (/etc/hosts, then a PTR query), or the address itself when there is none. */
    static String reverse(InetAddress address, String shown, Duration timeout) {
        try {
            String name = within(timeout, shown, address::getCanonicalHostName);
            return name.equals(address.getHostAddress()) ? shown : name;
        } catch (UnknownHostException e) {
            return shown;
        }
    }

    /** The name stripped; refuses an empty one, which InetAddress would take as localhost. */
    static String requireName(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(Text.of("net.name.empty"));
        }
        return host.strip();
    }

    /** The address a literal IPv4 or IPv6 text stands for, or {@code null} for a name. */
    private static InetAddress literal(String text) {
        try {
            return text.contains(":") ? netlab.ip.Ipv6.parse(text).toInetAddress() : netlab.ip.Ipv4.parse(text).toInetAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private interface Lookup<T> {
        T run() throws UnknownHostException;
    }

    private static <T> T within(Duration timeout, String what, Lookup<T> lookup) throws UnknownHostException {
        FutureTask<T> task = new FutureTask<>(lookup::run);
        Thread.ofVirtual().name("dns " + what).start(task);
        try {
            return task.get(Durations.millis(timeout), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimedOutException(Text.of("net.resolver.silent", what, Durations.show(timeout)), new SocketTimeoutException());
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case UnknownHostException u -> throw u;
                case RuntimeException r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up " + what, e);
        }
    }
}
