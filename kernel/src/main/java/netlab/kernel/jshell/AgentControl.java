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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netlab.agent.AgentLink;
import netlab.agent.AgentProtocol;

/**
 * The kernel's end of the agent's control connection (see {@link AgentProtocol}): stops that work while a
 * cell runs, netlab's per-cell requests and their answers, and the note a dying agent leaves.
 *
 * <p>Threading: {@link #stop} and {@link #request} from any thread; one reader thread completes answers.
 */
final class AgentControl {

    private static final System.Logger LOG = System.getLogger("netlab.engine.agent");
    /** Requests run between cells and take milliseconds; past this the agent is wedged, not slow. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** The marker of {@link AgentProtocol#END_CELL} follows the flushed output it stands behind. */
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(2);

    private final DataOutputStream out;
    private final Map<Integer, CompletableFuture<String[]>> pending = new ConcurrentHashMap<>();
    private final Object syncLock = new Object();
    private int nextId;
    private int lastSync;
    private volatile boolean closed;
    private volatile String note;

    AgentControl(AgentLink control, long pid) {
        this.out = new DataOutputStream(new BufferedOutputStream(control.out()));
        DataInputStream in = new DataInputStream(new BufferedInputStream(control.in()));
        Thread.ofPlatform().daemon().name("netlab-agent-control-" + pid).start(() -> read(in));
    }

    /** Asks the agent to stop invoke number {@code invoke}; works while it runs. */
    void stop(long invoke) {
        try {
            synchronized (out) {
                out.writeByte(AgentProtocol.OP_STOP);
                out.writeLong(invoke);
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "stop not sent, agent gone: " + e);
        }
    }

    /**
     * Sends one request and waits for its answer; null when the agent answered none, died or did not answer
     * in time (the caller's agent-death handling takes it from there).
     */
    String[] request(String command, String... args) {
        return request(false, command, args);
    }

    /**
     * Ends the cell ({@link AgentProtocol#END_CELL}) and returns its answer once the agent's marker behind the
     * cell's flushed output has arrived on the main connection, so all of the cell's output is in by then.
     */
    String[] endCell() {
        return request(true, AgentProtocol.END_CELL);
    }

    private String[] request(boolean awaitSync, String command, String... args) {
        CompletableFuture<String[]> answer = new CompletableFuture<>();
        int id;
        try {
            synchronized (out) {
                id = ++nextId;
                pending.put(id, answer);
                if (closed) {
                    pending.remove(id);
                    return null;
                }
                out.writeByte(AgentProtocol.OP_REQUEST);
                out.writeInt(id);
                AgentProtocol.writeString(out, command);
                AgentProtocol.writeStrings(out, args);
                out.flush();
            }
            String[] result = answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (awaitSync) {
                awaitSync(id);
            }
            return result;
        } catch (IOException | ExecutionException e) {
            return null;
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "agent did not answer " + command + " within " + ANSWER_TIMEOUT);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
                    LOG.log(System.Logger.Level.WARNING, "end-of-cell marker " + id + " did not arrive");
                    return;
                }
                syncLock.wait(left);
            }
        }
    }

    /** What the agent said just before it died, or null. */
    String note() {
        return note;
    }

    private void read(DataInputStream in) {
        try (in) {
            while (true) {
                byte op = in.readByte();
                if (op == AgentProtocol.OP_ANSWER) {
                    int id = in.readInt();
                    String[] answer = AgentProtocol.readStrings(in);
                    CompletableFuture<String[]> waiting = pending.remove(id);
                    if (waiting != null) {
                        waiting.complete(answer);
                    }
                } else if (op == AgentProtocol.OP_NOTE) {
                    note = AgentProtocol.readString(in);
                } else {
                    throw new IOException("unknown control op " + op);
                }
            }
        } catch (IOException e) {
            // agent gone (or the connection corrupt, which ends it the same way)
        } finally {
            closed = true;
            synchronized (out) {
                pending.values().forEach(f -> f.complete(null));
                pending.clear();
            }
            synced(Integer.MAX_VALUE);
        }
    }
}
