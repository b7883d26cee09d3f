package netlab.tftp;

import java.io.IOException;
import java.io.OutputStream;
import netlab.text.Message;
import netlab.text.Text;

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
    private final int blockSize;
    private final int windowSize;
    private long expected = 1;          // the next block in order
    private int sinceAck;               // blocks received since our last ACK
    private boolean gapAcknowledged;    // whether we already asked for the block after a gap
    private TftpPacket lastSent;        // what to send again when nothing arrives
    private int strayBlock = -1;        // the wire number of the last DATA that was not the next block, if any
    private int strays;                 // how many such DATA packets arrived since the last progress

    BlockReceiver(Transfer t, OutputStream out, SizeCheck sizeCheck, BeforeFinalAck beforeFinalAck) {
        this.t = t;
        this.out = out;
        this.sizeCheck = sizeCheck;
        this.beforeFinalAck = beforeFinalAck;
        this.blockSize = t.options.blockSize();
        this.windowSize = t.options.windowSize();
    }

    /**
     * Receives until the short final block. {@code solicit} is what we sent last (ACK 0, an OACK), re-sent
     * while nothing arrives; {@code first} is a DATA packet that already arrived, or {@code null}.
     *
     * <p>DATA is read straight from the link's receive buffer and written out from there; only other packets
     * are decoded into objects. A window is acknowledged once, after its last block (RFC 7440).
     */
    void run(TftpPacket solicit, TftpPacket.Data first) throws IOException {
        lastSent = solicit;
        if (first != null && onData(first.block(), first.data(), 0, first.length())) {
            return;
        }
        int retries = 0;
        long timerStart = System.nanoTime();   // since the last progress or (re)send: stragglers do not reset it
        while (true) {
            long left = t.timeoutNanos() - (System.nanoTime() - timerStart);
            int length = left <= 0 ? -1 : t.link.receiveEncoded(left, t.deadline, this::waitingForData);
            if (length < 0) {
                t.deadline.check(waitingForData());
                timerStart = System.nanoTime();
                retries = t.retry(retries, Message.of("tftp.wait.dataBlock", Transfer.wire(expected)), strays());
                t.resend(lastSent);
                sinceAck = 0;
                continue;
            }
            byte[] bytes = t.link.received();
            if (TftpPacket.Data.isData(bytes, length)) {
                long before = expected;
                int header = TftpPacket.Data.HEADER;
                if (onData(TftpPacket.Data.blockOf(bytes), bytes, header, length - header)) {
                    return;
                }
                if (expected > before) {
                    retries = 0;
                    strays = 0;
                    timerStart = System.nanoTime();
                }
                continue;
            }
            switch (TftpPacket.decode(bytes, 0, length)) {
                case TftpPacket.ErrorPacket e -> throw Transfer.peerError(e);
                case TftpPacket.OptionAck o -> {
                    if (t.blocks > 0) {
                        throw Transfer.illegal(o, "tftp.reason.want.data");
                    }
                    t.resend(lastSent);   // our ACK 0 was lost
                }
                case TftpPacket p -> throw Transfer.illegal(p, "tftp.reason.want.data");
            }
        }
    }

    /** What arrived instead of the next block, for the give-up message; {@code null} if nothing did. */
    private String strays() {
        if (strays == 0) {
            return null;
        }
        String received = Text.of("tftp.stray.received", strayBlock, strays, Transfer.wire(expected));
        return Transfer.wire(expected) == 0 && strayBlock == 1
                ? Text.of("tftp.stray.wrapsToOne", received)
                : Text.of("tftp.stray.unplaced", received);
    }

    private Message waitingForData() {
        return Message.of("tftp.wait.data", Transfer.wire(expected));
    }

    /** Handles DATA block {@code wireBlock} whose data are {@code length} bytes of {@code data} from {@code offset}; returns whether it was the last. */
    private boolean onData(int wireBlock, byte[] data, int offset, int length) throws IOException {
        long block = Transfer.absolute(wireBlock, expected);
        if (block == expected) {
            if (length > blockSize) {
                throw new TftpException(ErrorCode.ILLEGAL_OPERATION,
                        Message.of("tftp.reason.blockTooBig", blockSize, wireBlock, length));
            }
            sizeCheck.check(t.bytes + length);
            out.write(data, offset, length);
            t.bytes += length;
            t.blocks++;
            expected++;
            sinceAck++;
            gapAcknowledged = false;
            t.reportProgress(false);
            boolean last = length < blockSize;
            if (last) {
                // the sender may report success once it has our ACK, so the data must be in place first
                beforeFinalAck.run();
            }
            if (last || sinceAck >= windowSize) {
                lastSent = new TftpPacket.Ack(wireBlock);
                t.link.send(lastSent);
                sinceAck = 0;
            }
            if (last) {
                finalAck = lastSent;
                finalBlock = wireBlock;
            }
            return last;
        }
        if (block != expected - 1) {
            strayBlock = wireBlock;
            strays++;
        }
        if (block > expected) {
            if (!gapAcknowledged) {   // one ACK per gap: the sender restarts after it
                lastSent = new TftpPacket.Ack(Transfer.wire(expected - 1));
                t.resend(lastSent);
                gapAcknowledged = true;
                sinceAck = 0;
            }
        } else if (block == expected - 1) {   // our ACK of it was lost
            lastSent = new TftpPacket.Ack(Transfer.wire(expected - 1));
            t.resend(lastSent);
            sinceAck = 0;
        }
        return false;
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
                TftpPacket p = t.link.receive(end - System.nanoTime(), Deadline.NONE, Message.of("tftp.wait.dally"));
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
