package netlab.tftp;

import java.io.IOException;
import java.io.InputStream;
import netlab.text.Message;

/**
 * Sends a stream as DATA blocks and waits for ACKs: lockstep with window size 1 (RFC 1350), or
 * {@code windowSize} blocks per ACK (RFC 7440). Used by the client's put and the server's answer to an RRQ.
 *
 * <p>Only a timeout makes it send again. A duplicate ACK is ignored: re-sending DATA for it would double
 * every later packet (the "Sorcerer's Apprentice" bug of RFC 1123 §4.2.3.1). An ACK inside the window that
 * is not its last block means the receiver missed the next one, so the window restarts after it (RFC 7440).
 */
final class BlockSender {

    private static final int HEADER = TftpPacket.Data.HEADER;

    private final Transfer t;
    private final InputStream in;
    private final int blockSize;
    private final int windowSize;
    private final byte[][] window;    // block b lives in window[b % windowSize], as its DATA datagram, until acknowledged
    private final int[] lengths;      // data bytes in each slot, without the 4-byte header
    private long loaded;              // the highest block read from the stream
    private long lastBlock = -1;      // the final (short) block, once read
    private long highestSent;

    BlockSender(Transfer t, InputStream in) {
        this.t = t;
        this.in = in;
        this.blockSize = t.options.blockSize();
        this.windowSize = t.options.windowSize();
        this.window = new byte[windowSize][];   // slots are allocated when first used: small files stay small
        this.lengths = new int[windowSize];
    }

    /** Sends everything; returns when the last block is acknowledged. */
    void run() throws IOException {
        long base = 1;        // the oldest block not yet acknowledged
        long next = 1;        // the next block to send
        int retries = 0;
        long timerStart = System.nanoTime();
        while (true) {
            long windowEnd = base + windowSize - 1;
            if (next <= windowEnd && (lastBlock < 0 || next <= lastBlock)) {
                timerStart = System.nanoTime();
            }
            while (next <= windowEnd && (lastBlock < 0 || next <= lastBlock)) {
                sendBlock(next++);
            }
            // The timer runs from the last send, not the last packet: a stream of duplicate ACKs must not
            // postpone the retransmission forever.
            long left = t.timeoutNanos() - (System.nanoTime() - timerStart);
            long oldest = base;
            TftpPacket p = left <= 0 ? null
                    : t.link.receive(left, t.deadline, () -> Message.of("tftp.wait.ack", Transfer.wire(oldest)));
            if (p == null) {
                t.deadline.check(Message.of("tftp.wait.ack", Transfer.wire(base)));
                retries = t.retry(retries, Message.of("tftp.wait.ackOfBlock", Transfer.wire(base)));
                next = base;  // send the window again
                continue;
            }
            switch (p) {
                case TftpPacket.Ack ack -> {
                    long acked = Transfer.absolute(ack.block(), base - 1);
                    if (acked >= base && acked < next) {
                        t.blocks += acked - base + 1;
                        base = acked + 1;
                        retries = 0;
                        t.reportProgress(false);
                        if (acked == lastBlock) {
                            return;
                        }
                        next = Math.max(next, base);
                        if (acked < next - 1) {
                            next = base;   // the receiver saw a gap: go back to the block after its ACK
                        }
                    }
                    // any other ACK is a duplicate or a straggler: ignore it
                }
                case TftpPacket.ErrorPacket e -> throw Transfer.peerError(e);
                case TftpPacket.OptionAck o -> {
                    // a repeated OACK: our first DATA crossed it; the timeout logic will recover
                }
                default -> throw Transfer.illegal(p, "tftp.reason.want.ack");
            }
        }
    }

    /**
     * Sends block {@code block}, reading it from the stream the first time. Each slot holds the whole DATA
     * datagram (header and data) and is sent from where it lies: no packet object and no copy per block.
     */
    private void sendBlock(long block) throws IOException {
        int slot = (int) (block % windowSize);
        byte[] datagram = window[slot];
        if (block > loaded) {
            if (datagram == null) {
                datagram = window[slot] = new byte[HEADER + blockSize];
            }
            int n = in.readNBytes(datagram, HEADER, blockSize);
            TftpPacket.Data.writeHeader(datagram, Transfer.wire(block));
            lengths[slot] = n;
            loaded = block;
            t.bytes += n;
            if (n < blockSize) {
                lastBlock = block;
            }
        }
        if (block <= highestSent) {
            t.retransmissions++;
        }
        highestSent = Math.max(highestSent, block);
        t.link.sendEncoded(datagram, HEADER + lengths[slot]);
    }
}
