package netlab.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import netlab.text.Message;
import netlab.text.Text;

/**
 * One TCP connection, from either side: what {@link Tcp#connect} returns to a client and what a server's
 * handler gets. Sends and reads text (UTF-8 unless you set another charset) or bytes.
 *
 * <pre>{@code
 * try (TcpConnection c = Tcp.connect("127.0.0.1", 7788, Duration.ofSeconds(2))) {
 *     c.sendLine("hello");
 *     c.readLine(Duration.ofSeconds(2));      // the server's answer, or null if it closed the connection
 *     c.shutdownOutput();                     // half-close: "I am done sending", but can still read
 *     c.readAll(Duration.ofSeconds(2));       // everything until the server closes too
 * }
 * }</pre>
 *
 * <p>TCP is a byte stream, not messages: one {@code send} may arrive in two {@code receive}s and two sends in
 * one. Lines ({@code sendLine}/{@code readLine}) are the simplest way to mark where a message ends.
 * Reading is for one thread at a time; sending may happen from another thread (full duplex).
 */
public final class TcpConnection implements AutoCloseable {

    private final Socket socket;
    /** Both ends, kept: a closed socket says its local address is the wildcard one. */
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final InputStream in;
    private final OutputStream out;
    private volatile Charset charset = Encodings.UTF_8;
    /** Bytes of a line that a timed-out readLine had read: the next read starts with them, so none are lost. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    TcpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.local = (InetSocketAddress) socket.getLocalSocketAddress();
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** The peer's address and port. Example: {@code c.remote()} is {@code /127.0.0.1:7788}. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** This side's address and port. Example: {@code c.local()}. */
    public InetSocketAddress local() {
        return local;
    }

    /** This side's port (chosen by the system on a client). Example: {@code c.localPort()}. */
    public int localPort() {
        return local.getPort();
    }

    /** The peer as {@code ip:port}. Example: {@code c.peer()} is "127.0.0.1:50712". */
    public String peer() {
        return UdpEndpoint.show(remote());
    }

    /** Sets the charset for text; returns this. Example: {@code c.charset(Encodings.GBK)}. */
    public TcpConnection charset(Charset newCharset) {
        this.charset = Objects.requireNonNull(newCharset, "charset");
        return this;
    }

    /** Sends text as is (no line end). Example: {@code c.send("GET / HTTP/1.0\r\n\r\n")}. */
    public TcpConnection send(String text) {
        return send(text.getBytes(charset));
    }

    /** Sends text and a line end ("\n"). Example: {@code c.sendLine("hello")}. */
    public TcpConnection sendLine(String text) {
        return send((text + "\n").getBytes(charset));
    }

    /** Sends bytes. Example: {@code c.send(new byte[] {1, 2, 3})}. */
    public TcpConnection send(byte[] data) {
        try {
            out.write(data);
            out.flush();
            return this;
        } catch (IOException e) {
            throw socket.isClosed() ? closed(e)
                    : new UncheckedIOException(Text.of("net.tcp.send", data.length, peer(), e.getMessage()), e);
        }
    }

    /**
     * Reads one line (without its line end), waiting as long as it takes; {@code null} when the peer has closed
     * its side and no bytes are left. Example: {@code c.readLine()}.
     */
    public String readLine() {
        return readLine(0, Duration.ZERO);
    }

    /**
     * Reads one line, waiting up to {@code timeout}; {@code null} at the end of the stream.
     * Example: {@code c.readLine(Duration.ofSeconds(2))}.
     *
     * @throws TimedOutException if no whole line arrived in time; the part that did arrive is kept, and the
     *         next read (of any kind) starts with it
     */
    public String readLine(Duration timeout) {
        return readLine(Durations.millis(timeout), timeout);
    }

    private String readLine(int millis, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int b;
            try {
                b = io(() -> {
                    setTimeout(millis == 0 ? 0 : (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    return in.read();
                }, Message.of("net.tcp.wait.line"), timeout);
            } catch (TimedOutException e) {
                if (pending.size() == 0) {
                    throw e;
                }
                throw new TimedOutException(netlab.text.Text.of("net.line.kept", e.getMessage(), pending.size()),
                        (java.net.SocketTimeoutException) e.getCause());
            }
            if (b == -1) {
                return pending.size() == 0 ? null : takeLine();
            }
            if (b == '\n') {
                return takeLine();
            }
            pending.write(b);
        }
    }

    private String takeLine() {
        String s = pending.toString(charset);
        pending.reset();
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The bytes a timed-out readLine kept, now handed out; empty if none. */
    private byte[] takePending() {
        byte[] kept = pending.toByteArray();
        pending.reset();
        return kept;
    }

    /**
     * Reads what has arrived, at most {@code maxBytes}, waiting up to {@code timeout} for the first byte; ""
     * when the peer has closed (like Python's {@code recv} returning {@code b''}). Example: {@code c.receive(1024, Duration.ofSeconds(2))}.
     */
    public String receive(int maxBytes, Duration timeout) {
        return new String(receiveBytes(maxBytes, timeout), charset);
    }

    /** As {@link #receive(int, Duration)}, as bytes; empty at the end of the stream. Example: {@code c.receiveBytes(1024, Duration.ofSeconds(2))}. */
    public byte[] receiveBytes(int maxBytes, Duration timeout) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(Text.of("net.tcp.maxBytes", maxBytes));
        }
        int millis = Durations.millis(timeout);
        if (pending.size() > 0) {   // what a timed-out readLine kept comes first
            byte[] kept = takePending();
            if (kept.length > maxBytes) {
                pending.write(kept, maxBytes, kept.length - maxBytes);
            }
            return Arrays.copyOf(kept, Math.min(maxBytes, kept.length));
        }
        byte[] buffer = new byte[maxBytes];
        int n = io(() -> {
            setTimeout(millis);
            return in.read(buffer);
        }, Message.of("net.tcp.wait.data"), timeout);
        return n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n);
    }

    /** Reads until the peer closes, at most {@code timeout} in all. Example: {@code c.readAll(Duration.ofSeconds(5))}. */
    public String readAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(takePending());
        byte[] buffer = new byte[8192];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimedOutException(Text.of("net.tcp.noClose", peer(), Durations.show(timeout), all.size()),
                        new SocketTimeoutException());
            }
            int n = io(() -> {
                setTimeout((int) Math.max(1, left / 1_000_000));
                return in.read(buffer);
            }, Message.of("net.tcp.wait.data"), timeout);
            if (n < 0) {
                return all.toString(charset);
            }
            all.write(buffer, 0, n);
        }
    }

    /** Sends a line and reads the answer line. Example: {@code c.request("time", Duration.ofSeconds(2))}. */
    public String request(String line, Duration timeout) {
        sendLine(line);
        return readLine(timeout);
    }

    /**
     * Half-close: sends FIN ("no more data from me") while still able to read; the peer's read returns end of
     * stream. Example: {@code c.shutdownOutput()}.
     */
    public TcpConnection shutdownOutput() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw socket.isClosed() ? closed(e)
                    : new UncheckedIOException(Text.of("net.tcp.shutdown", peer(), e.getMessage()), e);
        }
    }

    /** Whether {@link #close()} was called. Example: {@code c.isClosed()}. */
    public boolean isClosed() {
        return socket.isClosed();
    }

    /** The JDK socket, for options this class does not cover. Example: {@code c.socket().setTcpNoDelay(true)}. */
    public Socket socket() {
        return socket;
    }

    /** Closes the connection (sends FIN; this side goes to TIME_WAIT if it closed first). Example: {@code c.close()}. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing twice or after a reset: nothing left to free
        }
    }

    @Override
    public String toString() {
        return "TCP " + UdpEndpoint.show(local) + " → " + peer()
                + (socket.isClosed() ? " " + Text.of("net.tcp.closedShort") : "");
    }

    private void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    private interface IoCall {
        int call() throws IOException;
    }

    private int io(IoCall call, Message waitingFor, Duration timeout) {
        try {
            return call.call();
        } catch (SocketTimeoutException e) {
            throw new TimedOutException(Text.of("net.tcp.readTimeout", waitingFor, peer(), Durations.show(timeout)), e);
        } catch (IOException e) {
            throw socket.isClosed() ? closed(e)
                    : new UncheckedIOException(Text.of("net.tcp.read", peer(), e.getMessage()), e);
        }
    }

    /** The JDK's "Socket closed" says neither which connection nor what to do. */
    private ClosedException closed(IOException cause) {
        return new ClosedException(Text.of("net.closed.connection", UdpEndpoint.show(local), peer()), cause);
    }
}
