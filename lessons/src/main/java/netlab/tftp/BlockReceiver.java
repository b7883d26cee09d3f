package netlab.tftp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives DATA blocks into a stream and acknowledges them: every block in lockstep, or once per window
 * (RFC 7440). Used by the client's get and the server's answer to a WRQ.
 *
 * <p>A duplicate of the last block received is acknowledged again (our ACK may have been lost); older
 * duplicates are ignored. A block from the future means one went missing: the receiver acknowledges the
 * last block it has, once, so the sender restarts from there.
 */
final class BlockReceiver {

    /** Bytes accepted before the receiver gives up with error 3; a server sets it from its size cap. */
    interface SizeCheck {
        void check(long bytes) throws TftpException;
    }

    /** Runs after the last block arrives and before it is acknowledged, e.g. to put the file in place. */
    interface BeforeFinalAck {
        void run() throws IOException;
    }

    private final Transfer t;
    private final OutputStream out;
    private final SizeCheck sizeCheck;
    private TftpPacket finalAck;
    private int finalBlock;

    private final BeforeFinalAck beforeFinalAck;

    BlockReceiver(Transfer t, OutputStream out, SizeCheck sizeCheck, BeforeFinalAck beforeFinalAck) {
        this.t = t;
        this.out = out;
        this.sizeCheck = sizeCheck;
        this.beforeFinalAck = beforeFinalAck;
    }

    /**
     * Receives until the short final block. {@code solicit} is what we sent last (ACK 0, an OACK), re-sent
     * while nothing arrives; {@code first} is a DATA packet that already arrived, or {@code null}.
     */
    void run(TftpPacket solicit, TftpPacket.Data first) throws IOException {
        int blockSize = t.options.blockSize();
        int windowSize = t.options.windowSize();
        long expected = 1;
        int sinceAck = 0;
        boolean gapAcknowledged = false;
        TftpPacket lastSent = solicit;
        int retries = 0;
        TftpPacket p = first;
        long timerStart = System.nanoTime();   // since the last progress or (re)send: stragglers do not reset it
        while (true) {
            if (p == null) {
                long left = t.timeoutNanos() - (System.nanoTime() - timerStart);
                p = left <= 0 ? null : t.link.receive(left, t.deadline, "waiting for DATA " + Transfer.wire(expected));
            }
            if (p == null) {
                t.deadline.check("waiting for DATA " + Transfer.wire(expected));
                timerStart = System.nanoTime();
                retries = t.retry(retries, "waiting for DATA block " + Transfer.wire(expected));
                t.resend(lastSent);
                sinceAck = 0;
                continue;
            }
            switch (p) {
                case TftpPacket.Data d -> {
                    long block = Transfer.absolute(d.block(), expected);
                    if (block == expected) {
                        if (d.length() > blockSize) {
                            throw Transfer.illegal(d, "at most " + blockSize + " data bytes (the agreed blksize)");
                        }
                        sizeCheck.check(t.bytes + d.length());
                        d.writeTo(out);
                        t.bytes += d.length();
                        t.blocks++;
                        expected++;
                        sinceAck++;
                        retries = 0;
                        gapAcknowledged = false;
                        timerStart = System.nanoTime();
                        t.reportProgress(false);
                        boolean last = d.length() < blockSize;
                        if (last) {
                            // the sender may report success once it has our ACK, so the data must be in place first
                            beforeFinalAck.run();
                        }
                        if (last || sinceAck >= windowSize) {
                            lastSent = new TftpPacket.Ack(d.block());
                            t.link.send(lastSent);
                            sinceAck = 0;
                        }
                        if (last) {
                            finalAck = lastSent;
                            finalBlock = d.block();
                            return;
                        }
                    } else if (block > expected) {
                        if (!gapAcknowledged) {
                            lastSent = new TftpPacket.Ack(Transfer.wire(expected - 1));
                            t.resend(lastSent);
                            gapAcknowledged = true;
                            sinceAck = 0;
                        }
                    } else if (block == expected - 1) {
                        lastSent = new TftpPacket.Ack(Transfer.wire(expected - 1));
                        t.resend(lastSent);
                        sinceAck = 0;
                    }
                }
                case TftpPacket.ErrorPacket e -> throw Transfer.peerError(e);
                case TftpPacket.OptionAck o -> {
                    if (t.blocks > 0) {
                        throw Transfer.illegal(p, "DATA");
                    }
                    t.resend(lastSent);   // our ACK 0 was lost
                }
                default -> throw Transfer.illegal(p, "DATA");
            }
            p = null;
        }
    }

    /**
     * Waits one timeout after the final ACK to answer a repeated final DATA (our ACK was lost), so the sender
     * does not fail a transfer that succeeded. A server dallies after it has stored the file.
     */
    void dally() {
        if (finalAck == null) {
            return;
        }
        try {
            long end = System.nanoTime() + t.timeoutNanos();
            while (System.nanoTime() < end) {
                TftpPacket p = t.link.receive(end - System.nanoTime(), Deadline.NONE, "dallying after the final ACK");
                if (p instanceof TftpPacket.Data d && d.block() == finalBlock) {
                    t.resend(finalAck);
                } else if (p == null) {
                    return;
                }
            }
        } catch (IOException e) {
            // the file is complete; a problem while dallying does not change that
        }
    }
}
