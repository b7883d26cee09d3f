package netlab.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.net.SocketEntry;
import netlab.net.SocketTable;
import netlab.text.Text;

/**
 * An epoll instance of this JVM, as Linux shows it: an {@code anon_inode:[eventpoll]} entry in {@code /proc/self/fd},
 * and in {@code /proc/self/fdinfo/N} one {@code tfd:} line per file descriptor it watches, with the events asked for.
 * On Linux a {@code Selector} is one ({@code sun.nio.ch.EPollSelectorImpl}); the JDK's virtual-thread pollers are
 * others.
 *
 * <pre>{@code
 * Selector selector = Selector.open();
 * ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
 * listener.configureBlocking(false);
 * listener.register(selector, SelectionKey.OP_ACCEPT);
 * selector.selectNow();                 // a Selector tells epoll about new channels on its next select
 * Epoll.of(selector)                    // the listener (IN|ERR|HUP) and the selector's wakeup eventfd
 * }</pre>
 *
 * @param fd      the epoll instance's own file descriptor in this process
 * @param watched what it watches: one entry per {@code tfd:} line
 */
public record Epoll(int fd, List<Watched> watched) implements Tabular {

    /**
     * One file descriptor an epoll instance watches.
     *
     * @param fd     the watched file descriptor (tfd)
     * @param events the event mask asked for (EPOLLIN = 0x1, EPOLLOUT = 0x4, EPOLLONESHOT = 1 &lt;&lt; 30, EPOLLET = 1 &lt;&lt; 31)
     * @param inode  the watched file's inode: for a socket, the inode in /proc/net/tcp
     */
    public record Watched(int fd, int events, long inode) {

        /** The events by name, e.g. {@code "IN|ERR|HUP"}. Example: {@code w.eventNames()}. */
        public String eventNames() {
            StringJoiner names = new StringJoiner("|");
            for (Map.Entry<Integer, String> e : EVENTS.entrySet()) {
                if ((events & e.getKey()) != 0) {
                    names.add(e.getValue());
                }
            }
            return names.length() == 0 ? "0 (" + Text.of("epoll.disarmed") + ")" : names.toString();
        }
    }

    /** Event bits as in {@code <sys/epoll.h>}, in the order they are printed. */
    private static final Map<Integer, String> EVENTS = orderedEvents();

    private static Map<Integer, String> orderedEvents() {
        Map<Integer, String> m = new java.util.LinkedHashMap<>();
        m.put(0x001, "IN");
        m.put(0x002, "PRI");
        m.put(0x004, "OUT");
        m.put(0x008, "ERR");
        m.put(0x010, "HUP");
        m.put(0x2000, "RDHUP");
        m.put(1 << 28, "EXCLUSIVE");
        m.put(1 << 30, "ONESHOT");
        m.put(1 << 31, "ET");
        return m;
    }

    /** Every epoll instance of this JVM, by file descriptor. Example: {@code Epoll.all()}. */
    public static List<Epoll> all() {
        List<Epoll> found = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                if (link(fd).equals("anon_inode:[eventpoll]")) {
                    try {
                        found.add(parse(Integer.parseInt(fd.getFileName().toString()),
                                Files.readString(Path.of("/proc/self/fdinfo", fd.getFileName().toString()))));
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(Text.of("epoll.linux", e.getMessage()), e);
        }
        found.sort(java.util.Comparator.comparingInt(Epoll::fd));
        return found;
    }

    /**
     * The epoll instance behind {@code selector}: the one watching its channels' sockets. A selector tells epoll
     * about a newly registered channel only on its next {@code select}, so call {@code selectNow()} first.
     * Example: {@code Epoll.of(selector)}.
     */
    public static Epoll of(Selector selector) {
        Set<Long> inodes = inodesOf(selector);
        return all().stream().filter(e -> e.watched().stream().anyMatch(w -> inodes.contains(w.inode())))
                .max(java.util.Comparator.comparingLong(e -> e.watched().stream().filter(w -> inodes.contains(w.inode())).count()))
                .orElseThrow(() -> new IllegalStateException(Text.of(selector.keys().isEmpty() ? "epoll.no-keys" : "epoll.not-yet")));
    }

    /** The inodes of the sockets registered with {@code selector}, found in this JVM's socket table by address. */
    private static Set<Long> inodesOf(Selector selector) {
        List<SocketEntry> mine = SocketTable.read().ownedHere().entries();
        Set<Long> inodes = new HashSet<>();
        for (SelectionKey key : selector.keys()) {
            if (key.channel() instanceof NetworkChannel c) {
                try {
                    InetSocketAddress local = (InetSocketAddress) c.getLocalAddress();
                    InetSocketAddress remote = c instanceof SocketChannel s ? (InetSocketAddress) s.getRemoteAddress() : null;
                    for (SocketEntry e : mine) {
                        if (e.localPort() == local.getPort() && (remote == null ? e.remotePort() == 0 : e.remotePort() == remote.getPort())) {
                            inodes.add(e.inode());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // a closed channel: not registered any more
                }
            }
        }
        return inodes;
    }

    /** Parses {@code /proc/PID/fdinfo/N} of an epoll file descriptor. Example: {@code Epoll.parse(4, text)}. */
    public static Epoll parse(int fd, String fdinfo) {
        List<Watched> watched = new ArrayList<>();
        for (String line : fdinfo.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[0].equals("tfd:") && f[2].equals("events:")) {
                long inode = 0;
                for (int i = 4; i < f.length; i++) {
                    if (f[i].startsWith("ino:")) {
                        inode = Long.parseLong(f[i].substring(4), 16);
                    }
                }
                watched.add(new Watched(Integer.parseInt(f[1]), (int) Long.parseLong(f[3], 16), inode));
            }
        }
        watched.sort(java.util.Comparator.comparingInt(Watched::fd));
        return new Epoll(fd, List.copyOf(watched));
    }

    /** What {@code /proc/self/fd/N} points to ("socket:[123]", "anon_inode:[eventfd]"), or "" when closed. */
    private static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** What the watched descriptor is: a socket with its addresses and state, an eventfd, another epoll. */
    private static String describe(Watched w, Map<Long, SocketEntry> sockets) {
        String target = link(Path.of("/proc/self/fd", String.valueOf(w.fd())));
        SocketEntry s = sockets.get(w.inode());
        if (s != null) {
            return Text.of("epoll.what.socket", s.protocol().toUpperCase(java.util.Locale.ROOT), s.localText(), s.remoteText(), s.stateName());
        }
        return switch (target) {
            case "anon_inode:[eventfd]" -> Text.of("epoll.what.eventfd");
            case "anon_inode:[eventpoll]" -> Text.of("epoll.what.eventpoll");
            default -> target.startsWith("pipe:") ? Text.of("epoll.what.pipe") : target;
        };
    }

    @Override
    public Table table() {
        Map<Long, SocketEntry> sockets = SocketTable.read().ownedHere().entries().stream()
                .collect(Collectors.toMap(SocketEntry::inode, Function.identity(), (a, b) -> a));
        Table t = Table.captioned(Text.of("epoll.caption", fd, watched.size()), Text.of("epoll.col.tfd"), Text.of("epoll.col.events"),
                Text.of("epoll.col.what"));
        for (Watched w : watched) {
            t.row(w.fd(), String.format("0x%x %s", w.events(), w.eventNames()), describe(w, sockets));
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
