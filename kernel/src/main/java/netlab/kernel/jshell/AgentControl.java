package netlab.kernel.jshell;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import netlab.agent.AgentLink;
import netlab.agent.AgentProtocol;
import netlab.agent.Control;
import netlab.agent.Control.Reply;
import netlab.agent.ControlCodec;

/**
 * The kernel's end of the agent's control connection (see {@link AgentProtocol}): stops that work while a
 * cell runs, netlab's typed per-cell requests ({@link Control}) and their replies, and the note a dying agent
 * leaves.
 *
 * <p>Threading: {@link #stop}, {@link #send} and {@link #answer} from any thread; one reader thread completes
 * answers.
 */
final class AgentControl {

    /** Requests run between cells and take milliseconds; past this the agent is wedged, not slow. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** The marker of a {@link Control.CellEnd} follows the flushed output it stands behind. */
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(2);

    private final DataOutputStream out;
    private static final Reply GONE = new Control.Failed(Control.Why.GONE, "the agent is gone");

    private final AtomicLong roundTrips = new AtomicLong();
    private final Map<Integer, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final Object syncLock = new Object();
    private int nextId;
    private int lastSync;
    private volatile boolean closed;
    private volatile String note;
    private final CountDownLatch readerDone = new CountDownLatch(1);

    AgentControl(AgentLink control, long pid) {
        this.out = new DataOutputStream(new BufferedOutputStream(control.out()));
        DataInputStream in = new DataInputStream(new BufferedInputStream(control.in()));
        Thread.ofPlatform().daemon().name("netlab-agent-control-" + pid).start(() -> read(in));
    }

    /** Asks the agent to stop notebook cell {@code serial}; works while it runs. */
    void stop(long serial) {
        try {
            synchronized (out) {
                out.writeByte(AgentProtocol.OP_STOP);
                out.writeLong(serial);
                out.flush();
            }
        } catch (IOException e) {
            EngineLog.AGENT.log(System.Logger.Level.DEBUG, "stop not sent, agent gone: " + e);
        }
    }

    /**
     * Sends one request and waits for its reply, never null: a {@link Control.Failed} says why there is none.
     * A {@link Control.CellEnd} returns once the agent's marker behind the cell's flushed output has arrived
     * on the main connection, so all of the cell's output is in by then.
     */
    Reply ask(Control.Request request) {
        return answer(send(request));
    }

    /** A request sent, whose reply {@link #answer} waits for. */
    record Asked(Control.Request request, int id, CompletableFuture<Reply> reply) {
    }

    /**
     * Sends one request and returns at once, so the kernel can work while the agent answers ({@link
     * CellRun#begin}: the cell compiles meanwhile). Requests are answered in the order they were sent, but for
     * {@link Control.EndAfterInvoke}, answered when its invoke returns.
     */
    Asked send(Control.Request request) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        try {
            synchronized (out) {
                if (closed) {
                    return new Asked(request, 0, CompletableFuture.completedFuture(GONE));
                }
                int id = ++nextId;
                pending.put(id, answer);
                roundTrips.incrementAndGet();
                out.writeByte(AgentProtocol.OP_REQUEST);
                out.writeInt(id);
                ControlCodec.write(out, request);
                out.flush();
                return new Asked(request, id, answer);
            }
        } catch (IOException e) {
            return new Asked(request, 0, CompletableFuture.completedFuture(GONE));
        }
    }

    /**
     * The reply to {@code asked}, never null (see {@link #ask}). {@code wait} is how long the agent itself may
     * take: an {@link Control.AwaitQuiet} waits that long on purpose.
     */
    Reply answer(Asked asked) {
        Duration wait = asked.request() instanceof Control.AwaitQuiet q
                ? ANSWER_TIMEOUT.plusMillis(q.millis()) : ANSWER_TIMEOUT;
        try {
            Reply reply = asked.reply().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (asked.request() instanceof Control.CellEnd && !(reply instanceof Control.Failed)) {
                awaitSync(asked.id());
            }
            return reply;
        } catch (ExecutionException e) {
            return GONE;
        } catch (TimeoutException e) {
            EngineLog.AGENT.log(System.Logger.Level.WARNING,
                    "agent did not answer " + asked.request() + " within " + wait);
            return new Control.Failed(Control.Why.TIMED_OUT, asked.request() + " after " + wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Control.Failed(Control.Why.GONE, "interrupted while waiting for " + asked.request());
        }
    }

    /** Requests sent so far: the round trips cells cost besides JShell's own (a test counts them). */
    long roundTrips() {
        return roundTrips.get();
    }

    /** The stream JShell's demultiplexer writes the agent's {@link AgentProtocol#SYNC} markers to. */
    OutputStream syncStream() {
        return new OutputStream() {
            private int bytes;
            private int value;

            @Override
            public void write(int b) {
                value = (value << 8) | (b & 0xFF);
                if (++bytes == Integer.BYTES) {
                    synced(value);
                    bytes = 0;
                    value = 0;
                }
            }
        };
    }

    private void synced(int id) {
        synchronized (syncLock) {
            lastSync = Math.max(lastSync, id);
            syncLock.notifyAll();
        }
    }

    private void awaitSync(int id) throws InterruptedException {
        long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
        synchronized (syncLock) {
            while (lastSync < id && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    EngineLog.AGENT.log(System.Logger.Level.WARNING, "end-of-cell marker " + id + " did not arrive");
                    return;
                }
                syncLock.wait(left);
            }
        }
    }

    /**
     * What the agent said just before it died, or null; waits up to {@code wait} for the connection's end, as a
     * note written just before the agent halted may still be on its way when the process is seen gone.
     */
    String note(Duration wait) {
        try {
            readerDone.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return note;
    }

    private void read(DataInputStream in) {
        try (in) {
            while (true) {
                byte op = in.readByte();
                if (op == AgentProtocol.OP_ANSWER) {
                    int id = in.readInt();
                    Reply answer = ControlCodec.readReply(in);
                    CompletableFuture<Reply> waiting = pending.remove(id);
                    if (waiting != null) {
                        waiting.complete(answer);
                    }
                } else if (op == AgentProtocol.OP_NOTE) {
                    note = ControlCodec.readString(in);
                } else {
                    throw new IOException("unknown control op " + op);
                }
            }
        } catch (IOException e) {
            // agent gone (or the connection corrupt, which ends it the same way)
        } finally {
            closed = true;
            synchronized (out) {
                pending.values().forEach(f -> f.complete(GONE));
                pending.clear();
            }
            synced(Integer.MAX_VALUE);
            readerDone.countDown();
        }
    }
}
