package netlab.kernel.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One ZeroMQ connection (ZMTP 3.0, RFC 23, the NULL mechanism: Jupyter signs its messages itself) over a TCP
 * socket: the greeting and {@code READY} handshake, then whole multipart messages read and written. What a
 * Jupyter kernel needs of ZeroMQ is this and the routing of {@link ZmtpTransport}; libzmq's peers (pyzmq's
 * jupyter_client, jupyter_server) and JeroMQ's speak it.
 *
 * <p>The version offered is 3.0, so a libzmq SUB sends its subscriptions as messages ({@code 0x01} and the topic),
 * as it does for every 3.0 peer; a {@code SUBSCRIBE} or {@code CANCEL} command (3.1) reads as the same message.
 * Other commands are skipped.
 *
 * <p>Reads are the caller's, from one thread; {@link #write} may be called from any thread and writes a message
 * whole, with one call to the socket. A {@link Socket}'s streams, not a {@code SocketChannel}: an interrupt of the
 * thread writing (a cell being stopped) would close a channel, and with it the front end's connection.
 */
final class ZmtpConnection implements AutoCloseable {

    /**
     * Largest message read; a peer that sends more is disconnected rather than fill the kernel's heap (256 MB, and
     * anything on the machine can connect to the kernel's ports). A cell's code or a widget's state is far smaller.
     */
    static final long MAX_MESSAGE_BYTES = 64L << 20;
    private static final int GREETING_BYTES = 64;
    private static final int MORE = 1;
    private static final int LONG = 2;
    private static final int COMMAND = 4;
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final byte[] SUBSCRIBE = "SUBSCRIBE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CANCEL = "CANCEL".getBytes(StandardCharsets.US_ASCII);
    /** This side's greeting, the same for every connection; never written to. */
    private static final byte[] GREETING = greeting();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] peerIdentity;
    /** When the write under way began ({@code System.nanoTime()}, never 0); 0 while none is. */
    private volatile long writingSince;

    private ZmtpConnection(Socket socket, DataInputStream in, OutputStream out, byte[] peerIdentity) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peerIdentity = peerIdentity;
    }

    /**
     * Greets the peer on {@code socket} as a socket of {@code socketType} ({@code ROUTER}, {@code PUB}, {@code REP},
     * {@code DEALER}) and reads its greeting and {@code READY}. Closes the socket and throws if the peer does not
     * speak ZMTP 3 with the NULL mechanism or does not answer within the handshake's time.
     */
    static ZmtpConnection open(Socket socket, String socketType, byte[] identity) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            OutputStream out = socket.getOutputStream();
            out.write(GREETING);
            byte[] peer = in.readNBytes(GREETING_BYTES);
            if (peer.length < GREETING_BYTES || (peer[0] & 0xff) != 0xff || (peer[9] & 1) != 1 || peer[10] < 3) {
                throw new IOException("the peer does not speak ZMTP 3");
            }
            if (!Arrays.equals(peer, 12, 32, GREETING, 12, 32)) {
                throw new IOException("the peer asks for a security mechanism other than NULL");
            }
            out.write(wire(List.of(ready(socketType, identity)), COMMAND));
            byte[] ready = readCommand(in);
            byte[] peerIdentity = readyProperty(ready, "Identity");
            socket.setSoTimeout(0);
            return new ZmtpConnection(socket, in, out, peerIdentity);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new IOException("the peer's handshake took over " + HANDSHAKE_TIMEOUT_MS + " ms", e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The identity the peer gave in its {@code READY}; empty when it gave none. */
    byte[] peerIdentity() {
        return peerIdentity;
    }

    /**
     * The next message's frames, blocking until it has come whole.
     *
     * @throws EOFException when the peer has closed the connection
     * @throws IOException when the connection fails or the peer breaks the protocol
     */
    List<byte[]> read() throws IOException {
        List<byte[]> frames = new ArrayList<>(8);
        long left = MAX_MESSAGE_BYTES;
        while (true) {
            Frame frame = readFrame(in, left, "a message of over " + MAX_MESSAGE_BYTES + " bytes");
            if (frame.isCommand()) {
                left = MAX_MESSAGE_BYTES;
                byte[] subscription = subscription(frame.body());
                if (subscription != null && frames.isEmpty()) {
                    return List.of(subscription);
                }
                continue;
            }
            left -= frame.body().length;
            frames.add(frame.body());
            if ((frame.flags() & MORE) == 0) {
                return frames;
            }
        }
    }

    /** Writes {@code frames} as one message. Thread-safe: messages from several threads are not interleaved. */
    void write(List<byte[]> frames) throws IOException {
        byte[] wire = wire(frames, 0);
        synchronized (out) {
            writingSince = System.nanoTime() | 1;
            try {
                out.write(wire);
            } finally {
                writingSince = 0;
            }
        }
    }

    /**
     * Closes the connection if a write has waited over {@code limitNanos} for the peer to read (the write then fails);
     * true if it did. A socket's write has no time limit of its own, and a front end that reads nothing would
     * otherwise hold every thread that sends to it.
     */
    boolean closeIfStuck(long limitNanos) {
        long since = writingSince;
        if (since != 0 && System.nanoTime() - since > limitNanos) {
            close();
            return true;
        }
        return false;
    }

    /** Stops writing (the peer reads what was written, then end of stream); reads go on until the peer closes. */
    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing more to do with it
        }
    }

    private static byte[] greeting() {
        byte[] greeting = new byte[GREETING_BYTES];
        greeting[0] = (byte) 0xff;
        greeting[9] = 0x7f;
        greeting[10] = 3;
        greeting[11] = 0;
        byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        return greeting;
    }

    private static byte[] ready(String socketType, byte[] identity) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        try {
            out.writeByte(5);
            out.writeBytes("READY");
            writeProperty(out, "Socket-Type", socketType.getBytes(StandardCharsets.US_ASCII));
            if (identity.length > 0) {
                writeProperty(out, "Identity", identity);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is not written to in vain
        }
        return body.toByteArray();
    }

    private static void writeProperty(DataOutputStream out, String name, byte[] value) throws IOException {
        out.writeByte(name.length());
        out.writeBytes(name);
        out.writeInt(value.length);
        out.write(value);
    }

    /** The peer's {@code READY} command's body (its name and properties). */
    private static byte[] readCommand(DataInputStream in) throws IOException {
        String notReady = "the peer's handshake is no READY command";
        Frame frame = readFrame(in, 1 << 16, notReady);
        byte[] body = frame.body();
        if (!frame.isCommand() || body.length < 6 || body[0] != 5
                || !new String(body, 1, 5, StandardCharsets.US_ASCII).equals("READY")) {
            throw new IOException(notReady);
        }
        return body;
    }

    /** The value of {@code wanted} among a {@code READY}'s properties; empty if it has none. */
    private static byte[] readyProperty(byte[] ready, String wanted) throws IOException {
        ByteBuffer properties = ByteBuffer.wrap(ready, 6, ready.length - 6);
        try {
            while (properties.hasRemaining()) {
                byte[] name = new byte[properties.get() & 0xff];
                properties.get(name);
                int length = properties.getInt();
                if (length < 0 || length > properties.remaining()) {
                    throw new BufferUnderflowException();
                }
                byte[] value = new byte[length];
                properties.get(value);
                if (new String(name, StandardCharsets.US_ASCII).equalsIgnoreCase(wanted)) {
                    return value;
                }
            }
        } catch (BufferUnderflowException e) {
            throw new IOException("the peer's READY is cut short");
        }
        return new byte[0];
    }

    /** A ZMTP 3.1 {@code SUBSCRIBE} or {@code CANCEL} command as the 3.0 message it stands for; else null. */
    private static byte[] subscription(byte[] command) {
        int nameLength = command.length == 0 ? 0 : command[0] & 0xff;
        if (command.length < 1 + nameLength) {
            return null;
        }
        boolean subscribe = Arrays.equals(command, 1, 1 + nameLength, SUBSCRIBE, 0, SUBSCRIBE.length);
        if (!subscribe && !Arrays.equals(command, 1, 1 + nameLength, CANCEL, 0, CANCEL.length)) {
            return null;
        }
        byte[] message = new byte[command.length - nameLength];
        message[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(command, 1 + nameLength, message, 1, command.length - 1 - nameLength);
        return message;
    }

    /** One frame as read: its flags and its body. */
    private record Frame(int flags, byte[] body) {
        boolean isCommand() {
            return (flags & COMMAND) != 0;
        }
    }

    /** Reads one frame of at most {@code limit} bytes; a longer one is refused, unread, with {@code tooLong}. */
    private static Frame readFrame(DataInputStream in, long limit, String tooLong) throws IOException {
        int flags = in.readUnsignedByte();
        long size = (flags & LONG) != 0 ? in.readLong() : in.readUnsignedByte();
        if (size < 0 || size > limit) {
            throw new IOException(tooLong);
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new EOFException();
        }
        return new Frame(flags, body);
    }

    /** {@code frames} as one message on the wire: each but the last marked MORE, the last with {@code lastFlags}. */
    private static byte[] wire(List<byte[]> frames, int lastFlags) {
        int size = 0;
        for (byte[] frame : frames) {
            size += (frame.length > 255 ? 9 : 2) + frame.length;
        }
        byte[] wire = new byte[size];
        int at = 0;
        int last = frames.size() - 1;
        for (int i = 0; i <= last; i++) {
            at = putFrame(wire, at, i < last ? MORE : lastFlags, frames.get(i));
        }
        return wire;
    }

    /** Puts one frame (flags, size, body) into {@code wire} at {@code at}; where the next one goes. */
    private static int putFrame(byte[] wire, int at, int flags, byte[] body) {
        if (body.length > 255) {
            wire[at++] = (byte) (flags | LONG);
            long size = body.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                wire[at++] = (byte) (size >>> shift);
            }
        } else {
            wire[at++] = (byte) flags;
            wire[at++] = (byte) body.length;
        }
        System.arraycopy(body, 0, wire, at, body.length);
        return at + body.length;
    }
}
