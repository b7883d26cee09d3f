package netlab.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netlab.text.Message;

/**
 * One side of a transfer: a UDP socket (our TID) and the peer's address and port (its TID).
 * The socket is not connected, so packets from a stranger still arrive; they are answered with
 * error 5 (unknown transfer ID) and otherwise ignored, as RFC 1350 asks. Not thread safe: one transfer, one thread.
 */
final class Link implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetAddress peerHost;
    private final PacketListener listener;
    private final String role;
    private final DatagramPacket incoming;
    private final DatagramPacket outgoing = new DatagramPacket(new byte[0], 0);   // reused: DATA goes out per block
    private InetSocketAddress peer;
    private int soTimeout = -1;
    private boolean heardFromPeer;

    /** A link whose peer TID is known (server side) or learned from the first packet from {@code peerHost} (client side). */
    Link(DatagramSocket socket, InetAddress peerHost, InetSocketAddress peer, PacketListener listener, String role) {
        this.socket = socket;
        this.peerHost = peerHost;
        this.peer = peer;
        this.listener = listener;
        this.role = role;
        byte[] buffer = new byte[TftpPacket.MAX_BLOCK_SIZE + 4 + 1];   // +1: notice a packet that is too long
        this.incoming = new DatagramPacket(buffer, buffer.length);
    }

    InetSocketAddress peer() {
        return peer;
    }

    /** Whether any packet from the peer's TID has arrived yet. */
    boolean heardFromPeer() {
        return heardFromPeer;
    }

    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends {@code packet} to the peer's TID. */
    void send(TftpPacket packet) throws IOException {
        sendTo(packet, peer);
    }

    /**
     * Sends the first {@code length} bytes of {@code datagram}, an encoded packet, to the peer's TID. The hot path
     * of a transfer: a DATA block goes out from the sender's own buffer, without a packet object or a copy.
     */
    void sendEncoded(byte[] datagram, int length) throws IOException {
        send(datagram, length, peer);
    }

    /** Sends {@code packet} to {@code to}, e.g. a request to the server's well-known port. */
    void sendTo(TftpPacket packet, InetSocketAddress to) throws IOException {
        byte[] bytes = packet.encode();
        send(bytes, bytes.length, to);
    }

    private void send(byte[] datagram, int length, InetSocketAddress to) throws IOException {
        Instant at = listener == PacketListener.NONE ? null : Instant.now();   // before sending: the answer may beat us
        outgoing.setData(datagram, 0, length);
        outgoing.setSocketAddress(to);
        socket.send(outgoing);
        if (at != null) {
            listener.onPacket(new PacketEvent(at, role, PacketEvent.Direction.SENT, local(), to, Arrays.copyOf(datagram, length)));
        }
    }

    /** Best effort: tells the peer why the transfer ends. Never throws. */
    void sendError(ErrorCode code, String message) {
        if (peer == null) {
            return;
        }
        try {
            send(new TftpPacket.ErrorPacket(code, message.length() > 400 ? message.substring(0, 400) : message));
        } catch (IOException | RuntimeException e) {
            // the transfer is ending anyway; the local caller gets the original failure
        }
    }

    /**
     * Waits up to {@code timeoutNanos} (and never past {@code deadline}) for the next packet from the peer.
     * Returns {@code null} on timeout.
     *
     * @throws MalformedPacketException if the peer sent a malformed packet
     * @throws TransferTimeoutException if the deadline passed
     */
    TftpPacket receive(long timeoutNanos, Deadline deadline, Message waitingFor) throws IOException {
        return receive(timeoutNanos, deadline, () -> waitingFor);
    }

    /** Like {@link #receive(long, Deadline, Message)}, building the message only if the deadline passes. */
    TftpPacket receive(long timeoutNanos, Deadline deadline, Supplier<Message> waitingFor) throws IOException {
        int length = receiveEncoded(timeoutNanos, deadline, waitingFor);
        return length < 0 ? null : TftpPacket.decode(received(), 0, length);
    }

    /**
     * Like {@link #receive} but leaves the datagram undecoded in {@link #received()}: returns its length, or -1 on
     * timeout. The bytes stay valid until the next receive. The block receiver reads DATA straight from them.
     * {@code waitingFor} names what we wait for, for the deadline's message: built only if the deadline passes.
     */
    int receiveEncoded(long timeoutNanos, Deadline deadline, Supplier<Message> waitingFor) throws IOException {
        long end = System.nanoTime() + timeoutNanos;
        while (true) {
            long left = Math.min(end - System.nanoTime(), deadline.remainingNanos());
            if (left <= 0) {
                deadline.check(waitingFor.get());
                return -1;
            }
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
            if (millis != soTimeout) {
                socket.setSoTimeout(millis);
                soTimeout = millis;
            }
            incoming.setLength(incoming.getData().length);
            try {
                socket.receive(incoming);
            } catch (SocketTimeoutException e) {
                continue;   // the loop re-checks the time left
            }
            InetSocketAddress from = (InetSocketAddress) incoming.getSocketAddress();
            if (listener != PacketListener.NONE) {
                byte[] copy = Arrays.copyOfRange(incoming.getData(), incoming.getOffset(), incoming.getOffset() + incoming.getLength());
                listener.onPacket(new PacketEvent(Instant.now(), role, PacketEvent.Direction.RECEIVED, local(), from, copy));
            }
            if (peer == null && from.getAddress().equals(peerHost)) {
                peer = from;   // the client learns the server's TID from its first answer
            }
            if (!from.equals(peer)) {
                // Never answer an ERROR with an ERROR: two links could bounce them forever.
                boolean isError = incoming.getLength() >= 2 && incoming.getData()[incoming.getOffset()] == 0
                        && incoming.getData()[incoming.getOffset() + 1] == 5;
                if (!isError) {
                    answerStranger(from);
                }
                continue;
            }
            heardFromPeer = true;
            return incoming.getLength();
        }
    }

    /** The buffer holding the datagram the last {@link #receiveEncoded} returned, from offset 0. */
    byte[] received() {
        return incoming.getData();
    }

    private void answerStranger(SocketAddress from) throws IOException {
        TftpPacket error = new TftpPacket.ErrorPacket(ErrorCode.UNKNOWN_TID, peer == null
                ? "this port waits for an answer from " + peerHost.getHostAddress() + ", not from you"
                : "this port serves a transfer with " + TftpClient.hostPort(peer) + ", not with you");
        sendTo(error, (InetSocketAddress) from);
    }

    @Override
    public void close() {
        socket.close();
    }
}
