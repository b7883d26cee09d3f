package netlab.dns;

import java.net.SocketAddress;

/**
 * What a resolver checks before it believes a reply: it comes from the address and port the query went to, it
 * is a response, its id is the query's, and it repeats the query's question. A forged reply has to pass all four;
 * the only secrets are the id (16 bits) and, since RFC 5452, the resolver's random source port.
 */
public final class StubCheck {

    private StubCheck() {
    }

    /** Whether {@code reply}, which came from {@code from}, answers {@code query} sent to {@code server}. */
    public static boolean accepts(DnsMessage query, DnsMessage reply, SocketAddress from, SocketAddress server) {
        return from.equals(server) && reply.isResponse() && reply.id() == query.id() && reply.questions().equals(query.questions());
    }
}
