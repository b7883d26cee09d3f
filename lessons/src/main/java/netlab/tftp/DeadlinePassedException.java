package netlab.tftp;

import netlab.text.Message;

/**
 * The whole-transfer deadline passed. Unlike a peer that stopped answering, the peer may still be there and
 * would retransmit for its whole retry budget, so whoever gives up tells it with ERROR 0 (see
 * {@link Transfer#tellPeer}).
 */
final class DeadlinePassedException extends TransferTimeoutException {

    DeadlinePassedException(Message reason) {
        super(reason);
    }
}
