package netlab.agent;

import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One connection between kernel and agent as a pair of streams: a loopback TCP socket, or a Unix domain socket
 * for an agent in a network namespace of its own (the grader's), which has no route to the host's loopback.
 *
 * <p>A {@link SocketChannel}'s own streams close the channel when the thread using them is interrupted, and a
 * cell's thread is interrupted to stop it while it may be printing; so here only two threads of the link's own
 * touch the channel, and callers hand bytes to them through buffers that ignore interrupts (the interrupt
 * stays set for the caller to see).
 */
public record AgentLink(InputStream in, OutputStream out, Closeable closer) implements Closeable {

    /** The address an agent is given: a port number, or {@code unix:PATH}. */
    public static final String UNIX_PREFIX = "unix:";

    /** Connects to the kernel at {@code address} and says who is calling (see {@link AgentProtocol}). */
    public static AgentLink connect(String address, byte role, String token) throws IOException {
        AgentLink link;
        if (address.startsWith(UNIX_PREFIX)) {
            link = of(SocketChannel.open(UnixDomainSocketAddress.of(address.substring(UNIX_PREFIX.length()))), "agent");
        } else {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(address));
            socket.setTcpNoDelay(true);
            link = of(socket);
        }
        DataOutputStream out = new DataOutputStream(link.out());
        out.writeInt(AgentProtocol.HELLO);
        out.writeByte(role);
        out.writeUTF(token);
        out.flush();
        return link;
    }

    public static AgentLink of(Socket socket) throws IOException {
        return new AgentLink(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    /** Streams over a connected blocking channel, served by two daemon threads named after {@code name}. */
    public static AgentLink of(SocketChannel channel, String name) {
        Pipe incoming = new Pipe();
        Pipe outgoing = new Pipe();
        Thread.ofPlatform().daemon().name("netlab-link-in-" + name).inheritInheritableThreadLocals(false).start(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (channel.read(buffer.clear()) >= 0) {
                    incoming.put(buffer.array(), 0, buffer.position());
                }
            } catch (IOException e) {
                // closed: the reader sees the end
            }
            incoming.close();
        });
        Thread.ofPlatform().daemon().name("netlab-link-out-" + name).inheritInheritableThreadLocals(false).start(() -> {
            byte[] chunk = new byte[16 * 1024];
            try {
                for (int n; (n = outgoing.take(chunk, 0, chunk.length)) >= 0; ) {
                    ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                    outgoing.written(n);
                }
            } catch (IOException e) {
                // the other end went away
            }
            outgoing.close();
            incoming.close();
        });
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : incoming.take(b, off, len);
            }

            @Override
            public int available() {
                return incoming.available();
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                outgoing.put(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                outgoing.drain();
            }
        };
        return new AgentLink(in, out, () -> {
            outgoing.close();
            channel.close();
        });
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }

    /** A bounded byte buffer between one thread of the link and any number of callers; waits ignore interrupts. */
    private static final class Pipe {
        private final byte[] ring = new byte[64 * 1024];
        private int head;
        private int size;
        private long unwritten;
        private boolean closed;

        synchronized void put(byte[] b, int off, int len) throws IOException {
            boolean interrupted = false;
            try {
                while (len > 0) {
                    if (closed) {
                        throw new IOException("the connection to the kernel is closed");
                    }
                    if (size == ring.length) {
                        interrupted |= await();
                        continue;
                    }
                    int tail = (head + size) % ring.length;
                    int n = Math.min(len, Math.min(ring.length - size, ring.length - tail));
                    System.arraycopy(b, off, ring, tail, n);
                    size += n;
                    unwritten += n;
                    off += n;
                    len -= n;
                    notifyAll();
                }
            } finally {
                reinterrupt(interrupted);
            }
        }

        /** Up to {@code len} bytes, at least one; -1 at the end. */
        synchronized int take(byte[] b, int off, int len) throws IOException {
            boolean interrupted = false;
            try {
                while (size == 0) {
                    if (closed) {
                        return -1;
                    }
                    interrupted |= await();
                }
                int n = Math.min(len, Math.min(size, ring.length - head));
                System.arraycopy(ring, head, b, off, n);
                head = (head + n) % ring.length;
                size -= n;
                notifyAll();
                return n;
            } finally {
                reinterrupt(interrupted);
            }
        }

        synchronized int available() {
            return size;
        }

        /** The link's thread has sent {@code n} more bytes. */
        synchronized void written(int n) {
            unwritten -= n;
            notifyAll();
        }

        /** Waits until everything put has been sent, or the link is closed. */
        synchronized void drain() throws IOException {
            boolean interrupted = false;
            try {
                while (unwritten > 0 && !closed) {
                    interrupted |= await();
                }
                if (unwritten > 0) {
                    throw new IOException("the connection to the kernel is closed");
                }
            } finally {
                reinterrupt(interrupted);
            }
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** Waits for a change; true if interrupted meanwhile (the wait goes on: only the link ends it). */
        private boolean await() {
            try {
                wait();
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        }

        private static void reinterrupt(boolean interrupted) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
