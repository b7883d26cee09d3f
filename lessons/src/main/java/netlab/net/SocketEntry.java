package netlab.net;

import java.net.InetSocketAddress;

/**
 * One row of this machine's socket table (/proc/net/tcp, tcp6, udp, udp6): what {@code netstat -an} prints.
 *
 * <pre>{@code
 * TcpListener server = Tcp.listen(0);
 * SocketEntry e = SocketTable.read().ownedHere().state(TcpState.LISTEN).port(server.port()).entries().get(0);
 * e.protocol()     // e.g. "tcp6": Java opens even an IPv4 socket as IPv6 where it can (local ::ffff:127.0.0.1)
 * e.state()        // LISTEN
 * e.local()        // e.g. /127.0.0.1:41234
 * server.close();
 * }</pre>
 *
 * @param protocol "tcp", "tcp6", "udp" or "udp6"
 * @param local    local address and port
 * @param remote   remote address and port (0.0.0.0:0 when not connected)
 * @param state    the TCP state; UDP sockets show CLOSE when unconnected, ESTABLISHED when connected
 * @param uid      the owning user id
 * @param inode    the socket's inode: {@code ls -l /proc/<pid>/fd} shows {@code socket:[inode]} in the owning
 *                 process; 0 for TIME_WAIT rows, which no process owns any more
 * @param sendQueue bytes not yet acknowledged by the peer (0 for a LISTEN socket in /proc; {@code ss -lnt} shows the backlog there)
 * @param receiveQueue bytes not yet read by the program; for a LISTEN socket, connections waiting to be accepted
 * @param ownedHere whether a file descriptor of this JVM holds the socket
 */
public record SocketEntry(String protocol, InetSocketAddress local, InetSocketAddress remote, TcpState state,
                          long sendQueue, long receiveQueue, int uid, long inode, boolean ownedHere) {

    /** Whether this is TCP (v4 or v6). Example: {@code e.isTcp()}. */
    public boolean isTcp() {
        return protocol.startsWith("tcp");
    }

    /** The state as netstat/ss print it: UDP's CLOSE becomes "UNCONN". Example: {@code e.stateName()}. */
    public String stateName() {
        return !isTcp() && state == TcpState.CLOSE ? "UNCONN" : state.name();
    }

    /** Local port. Example: {@code e.localPort()}. */
    public int localPort() {
        return local.getPort();
    }

    /** Remote port (0 when not connected). Example: {@code e.remotePort()}. */
    public int remotePort() {
        return remote.getPort();
    }

    /** The local address as netstat prints it. Example: {@code e.localText()} is "127.0.0.1:8080" or "[::1]:8080". */
    public String localText() {
        return show(local, protocol.endsWith("6"));
    }

    /** The remote address as netstat prints it; port 0 is "*". Example: {@code e.remoteText()} is "0.0.0.0:*". */
    public String remoteText() {
        return show(remote, protocol.endsWith("6"));
    }

    /**
     * An address as netstat prints it. In tcp6/udp6 an IPv4 address is IPv4-mapped ({@code ::ffff:127.0.0.1}):
     * Java's sockets are IPv6 sockets that also carry IPv4 (dual stack), so Java servers usually show up there.
     */
    static String show(InetSocketAddress a, boolean v6Table) {
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + netlab.ip.Ipv6.of(a.getAddress()) + "]";
        } else if (v6Table) {
            host = "::ffff:" + host;
        }
        return host + ":" + (a.getPort() == 0 ? "*" : Integer.toString(a.getPort()));
    }

    @Override
    public String toString() {
        return String.format("%-5s %-28s %-28s %s", protocol, localText(), remoteText(), stateName());
    }
}
