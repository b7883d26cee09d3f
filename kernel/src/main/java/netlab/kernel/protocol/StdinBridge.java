package netlab.kernel.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import netlab.kernel.engine.CellIO.StdinUnavailableException;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * {@code input_request} out on stdin, {@code input_reply} back: one question at a time (a second reader
 * waits its turn). An interrupt or shutdown cancels the wait, so a cell blocked on input can be stopped.
 */
final class StdinBridge {

    private final Transport transport;
    private final Messages messages;
    private final ReentrantLock turn = new ReentrantLock(true);
    private volatile Pending pending;

    private record Pending(String requestId, CompletableFuture<String> answer) {
    }

    /** Why a wait ended without an answer: worded by the waiting reader, in its cell's language. */
    private static final class Cancelled extends Exception {
        final netlab.text.Message why;

        Cancelled(netlab.text.Message why) {
            super(why.key(), null, false, false);
            this.why = why;
        }
    }

    StdinBridge(Transport transport, Messages messages) {
        this.transport = transport;
        this.messages = messages;
    }

    /** Asks the front end that sent {@code executeRequest}; blocks until it answers or the wait is cancelled. */
    String readLine(Message executeRequest, String prompt, boolean password) throws StdinUnavailableException {
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StdinUnavailableException(Text.of("kernel.stdin.interrupted"));
        }
        try {
            Message request = messages.toStdin(executeRequest, "input_request",
                    new Content.InputRequest(prompt == null ? "" : prompt, password));
            Pending waiting = new Pending(request.id(), new CompletableFuture<>());
            pending = waiting;
            transport.send(Transport.Channel.STDIN, request);
            return waiting.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StdinUnavailableException(Text.of("kernel.stdin.interrupted"));
        } catch (ExecutionException e) {
            throw new StdinUnavailableException(e.getCause() instanceof Cancelled cancelled
                    ? cancelled.why.in(Lang.current()) : String.valueOf(e.getCause().getMessage()));
        } finally {
            pending = null;
            turn.unlock();
        }
    }

    /**
     * An {@code input_reply} arrived (stdin delivery thread). jupyter_client's {@code input()} sends it without a
     * parent header, so a reply with no parent answers the waiting request; one with another parent is stale.
     */
    void onReply(Message reply) {
        Pending waiting = pending;
        String parentId = Json.string(reply.parentHeader(), "msg_id", "");
        if (waiting == null || !(parentId.isEmpty() || waiting.requestId().equals(parentId))) {
            ProtocolLog.LOG.info(() -> "ignored an input_reply that answers no waiting input_request (parent '"
                    + parentId + "')");
            return;
        }
        waiting.answer().complete(Json.string(reply.content(), "value", ""));
    }

    /**
     * Ends the current wait, if any, with {@code why} as the cell's error message. It is worded by the reader that
     * waited, not here: an interrupt comes on another thread, which reads no cell's language.
     */
    void cancel(netlab.text.Message why) {
        Pending waiting = pending;
        if (waiting != null) {
            waiting.answer().completeExceptionally(new Cancelled(why));
        }
    }
}
