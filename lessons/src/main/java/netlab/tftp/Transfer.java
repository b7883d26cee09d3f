package netlab.tftp;

import java.io.IOException;
import java.time.Duration;
import netlab.text.Message;
import netlab.text.Text;

/**
 * The running state of one transfer, shared by the handshake and the block sender or receiver:
 * the link, the agreed options, the retry budget, the counters. Not thread safe; one per transfer.
 */
final class Transfer {

    final Link link;
    final Deadline deadline;
    final int maxRetries;
    /** Retries allowed before the peer's first answer; the server sets it low (see {@link #retry}). */
    int firstAnswerRetries = Integer.MAX_VALUE;
    final ProgressListener progress;
    TransferOptions options;
    long bytes;
    long blocks;
    int retransmissions;
    private long lastProgressNanos;

    Transfer(Link link, TransferOptions options, int maxRetries, Deadline deadline, ProgressListener progress) {
        this.link = link;
        this.options = options;
        this.maxRetries = maxRetries;
        this.deadline = deadline;
        this.progress = progress;
    }

    long timeoutNanos() {
        return options.timeout().toNanos();
    }

    /** Reports progress at most ~10 times a second, and always for {@code force}. */
    void reportProgress(boolean force) {
        if (progress == ProgressListener.NONE) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - lastProgressNanos >= 100_000_000L) {
            lastProgressNanos = now;
            progress.onProgress(bytes, options.transferSize().orElse(-1));
        }
    }

    /** A 16-bit block number on the wire as the absolute block number nearest to {@code reference}. */
    static long absolute(int wire, long reference) {
        int diff = (wire - (int) (reference & 0xFFFF)) & 0xFFFF;
        return reference + (diff >= 0x8000 ? diff - 0x10000 : diff);
    }

    /** The wire number of absolute block {@code block}: after 65,535 comes 0, as in tftp-hpa and atftpd. */
    static int wire(long block) {
        return (int) (block & 0xFFFF);
    }

    /** Throws when the retry budget is spent; otherwise counts one more retry. */
    int retry(int retriesSoFar, Message waitingFor) throws TransferTimeoutException {
        return retry(retriesSoFar, waitingFor, null);
    }

    /**
     * As {@link #retry(int, Message)}; {@code seen} says what the peer sent instead of what we waited for, if
     * anything: then the peer did answer, and the message says so instead of asking whether it runs.
     * Before the peer's first answer the budget is {@link #firstAnswerRetries}: a server gives a request whose
     * sender never answers (half-open, maybe forged) three tries, not its whole budget.
     */
    int retry(int retriesSoFar, Message waitingFor, String seen) throws TransferTimeoutException {
        int budget = link.heardFromPeer() ? maxRetries : Math.min(maxRetries, firstAnswerRetries);
        if (retriesSoFar >= budget) {
            String who = link.peer() == null ? Text.of("tftp.theServer") : TftpClient.hostPort(link.peer());
            long millis = options.timeout().toMillis();
            throw new TransferTimeoutException(seen == null
                    ? Text.of("tftp.retry.silent", who, waitingFor, budget + 1, millis)
                    : Text.of("tftp.retry.stray", who, waitingFor, budget + 1, millis, seen));
        }
        return retriesSoFar + 1;
    }

    /** The peer's ERROR packet as an exception. */
    static PeerErrorException peerError(TftpPacket.ErrorPacket e) {
        return new PeerErrorException(e.errorCode(), e.message());
    }

    /** The exception for a packet that does not belong here; whoever ends the transfer tells the peer. */
    static TftpException illegal(TftpPacket p, String expectedKey) {
        return new TftpException(ErrorCode.ILLEGAL_OPERATION,
                Message.of("tftp.reason.illegal", Message.of(expectedKey), PacketEvent.shown(p)));
    }

    /**
     * Tells the peer why the transfer ends, unless the peer ended it (its ERROR) or vanished (every retry timed
     * out), where RFC 1350 expects no answer. A passed deadline is told with ERROR 0: the peer is likely still
     * there and would otherwise retransmit for its whole retry budget.
     */
    void tellPeer(Exception failure) {
        switch (failure) {
            case PeerErrorException e -> { }
            case DeadlinePassedException e -> link.sendError(ErrorCode.NOT_DEFINED, e.wireText());
            case TransferTimeoutException e -> { }
            case TftpException e -> link.sendError(e.errorCode(), e.wireText());
            default -> link.sendError(ErrorCode.NOT_DEFINED, String.valueOf(failure.getMessage()));
        }
    }

    Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Sends a packet again because the one before went unanswered. */
    void resend(TftpPacket p) throws IOException {
        retransmissions++;
        link.send(p);
    }
}
