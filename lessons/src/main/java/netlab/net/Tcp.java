package netlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import netlab.text.Text;

/**
 * TCP from a cell: connect, listen, and servers with a virtual thread per connection.
 *
 * <pre>{@code
 * Server echo = Tcp.echoServer(0);                   // prints "[127.0.0.1:50712] hello" for what it echoes
 * try (TcpConnection c = Tcp.connect("127.0.0.1", echo.port(), Duration.ofSeconds(2))) {
 *     c.sendLine("hello");
 *     c.readLine(Duration.ofSeconds(2));             // "hello"
 * }
 * echo.close();
 *
 * Server chat = Tcp.chatServer(7788);                // every line goes to all other clients
 * Server mine = Tcp.serve(0, c -> c.sendLine("hi " + c.peer()));   // your own handler
 * }</pre>
 *
 * <p>Servers listen on loopback (127.0.0.1), so nothing outside this machine reaches them, unless you pass a
 * local address first: {@code Tcp.echoServer("0.0.0.0", 7788)} listens on every interface. They follow one pattern: a permit is taken before {@code accept} (at most {@value #MAX_CONNECTIONS}
 * connections at once unless {@link #serve(int, int, TcpHandler)} says otherwise), each connection runs on a virtual thread named after its peer, a failing connection is
 * logged and closed but never stops the listener, and closing the {@link Server} stops accepting and closes
 * every open connection.
 */
public final class Tcp {

    /**
     * How many connections one server serves at once by default; more wait in the listen queue. High enough for
     * chapter 4's ten thousand connections held by virtual threads (each costs a virtual thread of about 1 KB and
     * one file descriptor), below the 20,000 open files a process may have on the course machines, so a server
     * at its cap still leaves the notebook files to open. It was 256 when every connection was a platform thread.
     */
    public static final int MAX_CONNECTIONS = 16_384;
    /**
     * The servers' listen queue: connections the system completes before {@code accept} takes them. Long enough
     * that a thousand clients connecting at once are not made to retry their SYN (a one-second wait each).
     */
    private static final int SERVER_BACKLOG = 1024;

    private Tcp() {
    }

    /** Connects, waiting as long as the system does (about 2 min on Linux). Example: {@code Tcp.connect("127.0.0.1", 7788)}. */
    public static TcpConnection connect(String host, int port) {
        return connect(host, port, 0, Duration.ZERO);
    }

    /**
     * Connects, giving up after {@code timeout}. Example: {@code Tcp.connect("127.0.0.1", 7788, Duration.ofSeconds(2))}.
     *
     * @throws TimedOutException if the handshake did not finish in time (server gone, or its listen queue full)
     * @throws UncheckedIOException if refused (nothing listens on that port), naming host and port
     */
    public static TcpConnection connect(String host, int port, Duration timeout) {
        return connect(host, port, Durations.millis(timeout), timeout);
    }

    private static TcpConnection connect(String host, int port, int millis, Duration timeout) {
        Ports.check(port);
        long start = System.nanoTime();
        // the name lookup and the handshake share one timeout
        InetSocketAddress to = new InetSocketAddress(HostNames.address(host, millis == 0 ? HostNames.DEFAULT_TIMEOUT : timeout), port);
        int left = millis == 0 ? 0 : (int) Math.max(1, millis - (System.nanoTime() - start) / 1_000_000);
        Socket socket = new Socket();
        try {
            socket.connect(to, left);
            return new TcpConnection(socket);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new TimedOutException(Text.of("net.tcp.connectTimeout", UdpEndpoint.show(to), Durations.show(timeout)), e);
        } catch (IOException e) {
            closeQuietly(socket);
            String hint = e instanceof java.net.ConnectException && String.valueOf(e.getMessage()).contains("refused")
                    ? Text.of("net.hint.refused", port) : "";
            throw new UncheckedIOException(Text.of("net.tcp.connect", UdpEndpoint.show(to), e.getMessage()) + hint, e);
        }
    }

    /**
     * Listens on {@code port} on loopback (127.0.0.1), backlog 50 (the JDK default). Example: {@code Tcp.listen(0)}.
     * For other machines, listen on every interface: {@code Tcp.listen("0.0.0.0", 7788, 50)}.
     */
    public static TcpListener listen(int port) {
        return listen(port, 50);
    }

    /**
     * Listens with this backlog. On Linux the backlog bounds the queue of <em>completed</em> connections that
     * nobody has accepted yet (capped by /proc/sys/net/core/somaxconn); see {@link TcpLab#backlog}.
     * Example: {@code Tcp.listen(7788, 5)}.
     */
    public static TcpListener listen(int port, int backlog) {
        return listen(Udp.LOOPBACK, port, backlog);
    }

    /** Listens on one local address; "0.0.0.0" is every interface. Example: {@code Tcp.listen("0.0.0.0", 7788, 5)}. */
    public static TcpListener listen(String localAddress, int port, int backlog) {
        Ports.check(port);
        if (backlog < 1) {
            throw new IllegalArgumentException(Text.of("net.tcp.backlog", backlog));
        }
        InetSocketAddress where = new InetSocketAddress(Udp.resolve(localAddress), port);
        try {
            ServerSocket s = netlab.runtime.Resources.track(new ServerSocket());
            try {
                s.bind(where, backlog);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            return new TcpListener(s, backlog);
        } catch (IOException e) {
            throw new UncheckedIOException(Text.of("net.tcp.listen", UdpEndpoint.show(where), e.getMessage())
                    + Udp.hint(port, e), e);
        }
    }

    /**
     * Serves every connection with {@code handler} on its own virtual thread. Example:
     * {@code Tcp.serve(0, c -> c.sendLine("hello " + c.peer()))}.
     */
    public static Server serve(int port, TcpHandler handler) {
        return serve(Udp.LOOPBACK, port, handler);
    }

    /** As {@link #serve(int, TcpHandler)} on one local address; "0.0.0.0" is every interface. Example: {@code Tcp.serve("0.0.0.0", 7788, handler)}. */
    public static Server serve(String localAddress, int port, TcpHandler handler) {
        return serve(localAddress, port, MAX_CONNECTIONS, handler);
    }

    /**
     * As {@link #serve(int, TcpHandler)}, serving at most {@code maxConnections} at once (more wait in the
     * listen queue until one ends). Example: {@code Tcp.serve(0, 4, c -> c.sendLine("one of four"))}.
     */
    public static Server serve(int port, int maxConnections, TcpHandler handler) {
        return serve(Udp.LOOPBACK, port, maxConnections, handler);
    }

    /** As {@link #serve(int, int, TcpHandler)} on one local address. Example: {@code Tcp.serve("0.0.0.0", 7788, 20_000, handler)}. */
    public static Server serve(String localAddress, int port, int maxConnections, TcpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (maxConnections < 1) {
            throw new IllegalArgumentException(netlab.text.Text.of("net.tcp.maxConnections", maxConnections));
        }
        return serve("tcp-server", localAddress, port, maxConnections, server -> handler);
    }

    /** Echoes every byte back and prints {@code [ip:port] text} for each piece; on loopback. Example: {@code Tcp.echoServer(7788)}. */
    public static Server echoServer(int port) {
        return echoServer(Udp.LOOPBACK, port);
    }

    /** The echo server on one local address; "0.0.0.0" is every interface. Example: {@code Tcp.echoServer("0.0.0.0", 7788)}. */
    public static Server echoServer(String localAddress, int port) {
        return serve("tcp-echo", localAddress, port, MAX_CONNECTIONS, self -> c -> {
            while (true) {
                byte[] data = c.receiveBytes(65536, Duration.ofDays(1));
                if (data.length == 0) {
                    return; // the client closed its side
                }
                self.logger().line("[" + c.peer() + "] " + new String(data, Encodings.UTF_8).stripTrailing());
                c.send(data);
            }
        });
    }

    /**
     * A chat server: each line a client sends goes to every other client as {@code [ip:port] line}; joins and
     * leaves are announced. On loopback. Example: {@code Server chat = Tcp.chatServer(7788);}
     */
    public static Server chatServer(int port) {
        return chatServer(Udp.LOOPBACK, port);
    }

    /** The chat server on one local address; "0.0.0.0" is every interface. Example: {@code Tcp.chatServer("0.0.0.0", 7788)}. */
    public static Server chatServer(String localAddress, int port) {
        Set<TcpConnection> clients = ConcurrentHashMap.newKeySet();
        return serve("tcp-chat", localAddress, port, MAX_CONNECTIONS, self -> c -> {
            clients.add(c);
            try {
                say(self, clients, c, "[" + c.peer() + " joined]");
                for (String line; (line = c.readLine()) != null; ) {
                    say(self, clients, c, "[" + c.peer() + "] " + line);
                }
            } finally {
                clients.remove(c);
                say(self, clients, c, "[" + c.peer() + " left]");
            }
        });
    }

    private static void say(Server server, Set<TcpConnection> clients, TcpConnection from, String line) {
        server.logger().line(line);
        for (TcpConnection other : clients) {
            if (other != from) {
                try {
                    other.sendLine(line);
                } catch (UncheckedIOException e) {
                    // that client is gone; its own thread will notice and remove it
                }
            }
        }
    }

    /** The accept loop shared by every server; {@code handlerFor} gets the server so handlers can log to it. */
    private static Server serve(String name, String localAddress, int port, int maxConnections,
                                java.util.function.Function<Server, TcpHandler> handlerFor) {
        TcpListener listener = listen(localAddress, port, SERVER_BACKLOG);
        Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
        Server server = new Server(name, listener.address(), () -> {
            listener.close();
            open.forEach(TcpConnection::close);
        }, new LiveLog());
        TcpHandler handler = handlerFor.apply(server);
        Semaphore permits = new Semaphore(maxConnections);
        return server.start(() -> {
            while (!server.closing()) {
                permits.acquireUninterruptibly(); // taken before accept: at most maxConnections served at once
                Socket s;
                try {
                    s = listener.socket().accept();
                } catch (IOException e) {
                    permits.release();
                    // closed or interrupted from outside (the notebook stopping the cell that started it): stop, or
                    // every later accept fails at once and the loop spins
                    if (server.closing() || listener.socket().isClosed() || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    // e.g. too many open files: one failed accept must not end the server
                    server.logger().line(Text.of("net.log.accept-failed", name, e.getMessage()));
                    sleepBriefly();
                    continue;
                }
                server.handledOne();
                String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
                Thread.ofVirtual().name(name + " " + peer).start(() -> {
                    TcpConnection c = null;
                    try {
                        c = new TcpConnection(s);
                        open.add(c);
                        if (server.closing()) {
                            return;
                        }
                        handler.handle(c);
                    } catch (IOException | RuntimeException e) {
                        // a bad connection (reset, timeout, handler bug) ends only itself
                        if (!server.closing()) {
                            server.logger().line(Text.of("net.log.connection-failed", name, peer, e.getMessage()));
                        }
                    } finally {
                        if (c != null) {
                            open.remove(c);
                            c.close();
                        } else {
                            closeQuietly(s);
                        }
                        permits.release();
                    }
                });
            }
        });
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing to free
        }
    }
}
