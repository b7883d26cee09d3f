package netlab.sim;

import netlab.ip.Ipv4;

/**
 * An Ethernet frame as the lab moves it: addresses and what it carries. Immutable; a router makes a new frame
 * (new MACs, TTL − 1) for each hop, which is exactly what the trace shows.
 */
public record Frame(Mac src, Mac dst, Payload payload) {

    /** What a frame carries. */
    public sealed interface Payload permits Arp, Ip {
    }

    /** An ARP request ("who has {@code targetIp}? tell {@code senderIp}") or reply ("{@code senderIp} is at {@code senderMac}"). */
    public record Arp(boolean request, Mac senderMac, Ipv4 senderIp, Mac targetMac, Ipv4 targetIp) implements Payload {
    }

    /** An IPv4 packet. */
    public record Ip(Ipv4 src, Ipv4 dst, int ttl, Body body) implements Payload {
        Ip hop() {
            return new Ip(src, dst, ttl - 1, body);
        }
    }

    /** What an IPv4 packet carries. */
    public sealed interface Body permits Icmp, Udp {
    }

    /** An ICMP message; {@code id} ties a reply or an error to the echo request that caused it. */
    public record Icmp(IcmpType type, int id) implements Body {
    }

    /** A UDP datagram (DHCP and DNS in the lab use it). */
    public record Udp(int srcPort, int dstPort, String data) implements Body {
    }

    /** The ICMP types the lab's hosts and routers send. */
    public enum IcmpType {
        ECHO_REQUEST, ECHO_REPLY, TIME_EXCEEDED, NET_UNREACHABLE, HOST_UNREACHABLE, PORT_UNREACHABLE;

        boolean isError() {
            return this != ECHO_REQUEST && this != ECHO_REPLY;
        }
    }

    /** "ARP", "ICMP" or "UDP": the protocol column of a trace. */
    public String protocol() {
        return switch (payload) {
            case Arp a -> "ARP";
            case Ip ip -> switch (ip.body()) {
                case Icmp i -> "ICMP";
                case Udp u -> "UDP";
            };
        };
    }
}
