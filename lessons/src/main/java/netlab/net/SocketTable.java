package netlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * This machine's sockets, read from /proc/net/tcp, tcp6, udp and udp6: the Linux source of {@code netstat -an}
 * and {@code ss -tuan}.
 *
 * <pre>{@code
 * SocketTable.read()                                // every socket, as a table
 * SocketTable.read().port(7788)                     // only rows whose local or remote port is 7788
 * SocketTable.read().tcp().state(TcpState.LISTEN)   // listening TCP servers
 * SocketTable.read().ownedHere()                    // sockets this notebook's JVM holds
 * }</pre>
 *
 * <p>Filters return a new table; a table is a snapshot and never changes. Why read /proc and not call
 * {@code netstat}? It is always there (netstat often is not) and the format is simple enough to read in a
 * lesson: addresses are hex in the machine's byte order, the state is a hex {@link TcpState} code.
 */
public final class SocketTable implements Tabular {

    private static final String[] FILES = {"tcp", "tcp6", "udp", "udp6"};

    private final List<SocketEntry> entries;

    private SocketTable(List<SocketEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the four tables now. Example: {@code SocketTable.read()}.
     *
     * @throws UncheckedIOException if /proc/net is missing (not Linux)
     */
    public static SocketTable read() {
        Set<Long> mine = inodesOfThisProcess();
        List<SocketEntry> all = new ArrayList<>();
        for (String protocol : FILES) {
            Path file = Path.of("/proc/net", protocol);
            if (!Files.exists(file)) {
                continue; // e.g. IPv6 disabled
            }
            try {
                all.addAll(parse(protocol, readProc(file), mine));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (" + e.getMessage()
                        + "); the socket table needs Linux's /proc", e);
            }
        }
        return new SocketTable(all);
    }

    /**
     * Parses the text of one /proc/net file. Example: {@code SocketTable.parse("tcp", Files.readString(Path.of("/proc/net/tcp")))}.
     *
     * @param protocol which file it came from: "tcp", "tcp6", "udp" or "udp6"
     */
    public static SocketTable parse(String protocol, String content) {
        return new SocketTable(parse(protocol, content, Set.of()));
    }

    private static List<SocketEntry> parse(String protocol, String content, Set<Long> mine) {
        List<SocketEntry> out = new ArrayList<>();
        String[] lines = content.split("\n");
        for (int i = 1; i < lines.length; i++) { // line 0 is the header
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 10) {
                throw new IllegalArgumentException("line " + (i + 1) + " of /proc/net/" + protocol + " has " + f.length
                        + " fields, expected at least 10: " + line);
            }
            long inode = Long.parseLong(f[9]);
            String[] queues = f[4].split(":");
            out.add(new SocketEntry(protocol, endpoint(f[1]), endpoint(f[2]), TcpState.ofCode(Integer.parseInt(f[3], 16)),
                    Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16),
                    Integer.parseInt(f[7]), inode, inode != 0 && mine.contains(inode)));
        }
        return out;
    }

    /** "0100007F:1F90" → 127.0.0.1:8080. Each 32-bit word of the address is in the kernel's (host) byte order. */
    static InetSocketAddress endpoint(String hex) {
        int colon = hex.indexOf(':');
        String addr = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        byte[] bytes = new byte[addr.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            int value = Integer.parseUnsignedInt(addr.substring(word * 8, word * 8 + 8), 16);
            if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
                value = Integer.reverseBytes(value);
            }
            bytes[word * 4] = (byte) (value >>> 24);
            bytes[word * 4 + 1] = (byte) (value >>> 16);
            bytes[word * 4 + 2] = (byte) (value >>> 8);
            bytes[word * 4 + 3] = (byte) value;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address " + hex + " in /proc/net: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a /proc file. Not {@code Files.readString}: /proc files report size 0, and reading by size can stop
     * early (seen on JDK 25: "3" instead of "32768\t60999"); a stream read to the end is always whole.
     */
    static String readProc(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** Socket inodes this JVM holds: /proc/self/fd/N links to "socket:[inode]". */
    private static Set<Long> inodesOfThisProcess() {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException e) {
                    // the descriptor closed while we looked: not ours any more
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return inodes;
    }

    /** The rows. Example: {@code SocketTable.read().entries().size()}. */
    public List<SocketEntry> entries() {
        return entries;
    }

    /** Rows whose local or remote port is {@code port}. Example: {@code SocketTable.read().port(22)}. */
    public SocketTable port(int port) {
        Ports.check(port);
        return where(e -> e.localPort() == port || e.remotePort() == port);
    }

    /** Rows whose local port is {@code port}. Example: {@code SocketTable.read().localPort(8080)}. */
    public SocketTable localPort(int port) {
        Ports.check(port);
        return where(e -> e.localPort() == port);
    }

    /** Rows in this state. Example: {@code SocketTable.read().state(TcpState.TIME_WAIT)}. */
    public SocketTable state(TcpState state) {
        return where(e -> e.state() == state);
    }

    /** TCP rows (v4 and v6). Example: {@code SocketTable.read().tcp()}. */
    public SocketTable tcp() {
        return where(SocketEntry::isTcp);
    }

    /** UDP rows (v4 and v6). Example: {@code SocketTable.read().udp()}. */
    public SocketTable udp() {
        return where(e -> !e.isTcp());
    }

    /** Rows held by this JVM (the notebook's agent). Example: {@code SocketTable.read().ownedHere()}. */
    public SocketTable ownedHere() {
        return where(SocketEntry::ownedHere);
    }

    /** Rows matching any condition. Example: {@code SocketTable.read().where(e -> e.uid() == 0)}. */
    public SocketTable where(Predicate<SocketEntry> condition) {
        return new SocketTable(entries.stream().filter(condition).toList());
    }

    /** The rows as a netstat-like table. Example: {@code SocketTable.read().table()}. */
    public Table table() {
        // netstat's own column names stay as netstat prints them, so the table reads like `netstat -tuna` beside it;
        // the two columns netlab adds are in the student's language
        Table t = Table.of("Proto", "Recv-Q", "Send-Q", "Local Address", "Foreign Address", "State", "inode", "uid",
                Text.of("net.sockets.col.owner"), Text.of("net.sockets.col.service"));
        for (SocketEntry e : entries) {
            String service = Ports.name(e.localPort());
            if (service.isEmpty() && e.remotePort() != 0) {
                service = Ports.name(e.remotePort());
            }
            t.row(e.protocol(), e.receiveQueue(), e.sendQueue(), e.localText(), e.remoteText(), e.stateName(),
                    e.inode(), e.uid(), e.ownedHere() ? Text.of("net.sockets.thisJvm") : "", service);
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
