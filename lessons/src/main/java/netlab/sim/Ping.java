package netlab.sim;

import java.util.Optional;
import netlab.ip.Ipv4;
import netlab.text.Text;

/**
 * What one ping came back with: a reply, an ICMP error from a router on the way, or nothing.
 *
 * <pre>{@code
 * pc0.ping("192.168.3.2")    // reply from 192.168.3.2: ttl=62 (2 routers on the way)
 * }</pre>
 *
 * @param target    the address pinged
 * @param outcome   what came back
 * @param responder who answered (the target, or the router that reported the error); empty when nobody did
 * @param ttl       the TTL of the answer as it arrived (64 minus the routers it crossed); 0 without an answer
 */
public record Ping(Ipv4 target, Outcome outcome, Optional<Ipv4> responder, int ttl) {

    /** How a ping can end. */
    public enum Outcome {
        /** An echo reply. */
        REPLY,
        /** A router's TTL reached 0 (a loop, or a traceroute probe). */
        TIME_EXCEEDED,
        /** No route to the network (the sender's own table, or a router's). */
        NET_UNREACHABLE,
        /** The last hop's ARP got no answer. */
        HOST_UNREACHABLE,
        /** Nothing came back in time (lost frames, or a host that drops the request). */
        TIMEOUT
    }

    public boolean replied() {
        return outcome == Outcome.REPLY;
    }

    @Override
    public String toString() {
        String who = responder.map(Ipv4::toString).orElse("-");
        return Text.of("sim.ping." + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), target, who, ttl);
    }
}
