package netlab.agent;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import netlab.agent.Control.Reply;
import netlab.display.Display;
import netlab.display.Displayable;

/**
 * The agent's end of the control connection (see {@link AgentProtocol}): stops at once, requests in order,
 * each answered by one typed {@link Reply}. When the kernel goes away, the agent goes too.
 */
final class ControlServer {

    private final AgentLink control;
    private final DataOutputStream answers;
    private final AgentExecutionControl cells;
    private final OutputStream sync;

    /**
     * {@code answers} is shared with the death notes and written under its own lock; {@code sync} is the main
     * connection's marker stream, behind which {@link Control.EndCell} answers.
     */
    ControlServer(AgentLink control, DataOutputStream answers, AgentExecutionControl cells, OutputStream sync) {
        this.control = control;
        this.answers = answers;
        this.cells = cells;
        this.sync = sync;
    }

    void start() {
        Thread reader = new Thread(this::serve, "netlab-control");
        reader.setDaemon(true);
        reader.start();
    }

    private void serve() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(control.in()))) {
            while (true) {
                byte op = in.readByte();
                if (op == AgentProtocol.OP_STOP) {
                    cells.stop(in.readLong());
                } else if (op == AgentProtocol.OP_REQUEST) {
                    int id = in.readInt();
                    Control.Request request = ControlCodec.readRequest(in);
                    if (request instanceof Control.EndAfterInvoke after) {
                        // answered as the invoke returns (now, if it has): this thread must stay free for stops
                        cells.afterInvokeOf(after.className(), () -> answerLater(request, id));
                    } else {
                        send(id, answerSafely(request, id));
                    }
                } else {
                    throw new IOException("unknown control op " + op);
                }
            }
        } catch (IOException e) {
            AgentMain.kernelGone();
        }
    }

    private void send(int id, Reply reply) throws IOException {
        synchronized (answers) {
            answers.writeByte(AgentProtocol.OP_ANSWER);
            answers.writeInt(id);
            ControlCodec.write(answers, reply);
            answers.flush();
        }
    }

    /** Answers on another thread than this server's: a connection gone there ends the agent as it does here. */
    private void answerLater(Control.Request request, int id) {
        try {
            send(id, answerSafely(request, id));
        } catch (IOException e) {
            AgentMain.kernelGone();
        }
    }

    private Reply answerSafely(Control.Request request, int id) throws IOException {
        try {
            return answer(request, id);
        } catch (RuntimeException e) {
            // a request the agent cannot answer must not take the control connection down with it
            System.getLogger("netlab.agent").log(System.Logger.Level.WARNING, "request " + request + " failed", e);
            return new Control.Failed(Control.Why.REFUSED, e.toString());
        }
    }

    private Reply answer(Control.Request request, int id) throws IOException {
        return switch (request) {
            case Control.BeginCell b -> {
                OutputBudget.reset(b.outputLimit());
                ThreadCensus.raise(b.key(), b.threads());
                yield new Control.Began(cells.begin(b.serial(), b.key()));
            }
            case Control.CellEnd e -> endCell(id); // EndAfterInvoke: once its invoke has returned (serve)
            case Control.AwaitQuiet q -> {
                yield Lingering.awaitQuiet(q.key(), q.millis());
            }
            case Control.ListOpen l -> new Control.Open(Ownership.listOpen());
            case Control.ReleasePort p -> new Control.Released(Ownership.releasePort(p.port()));
            case Control.ReleaseAll a -> new Control.Released(Ownership.releaseAll());
            case Control.ReadFile r -> FileReading.read(r.path());
        };
    }

    /** Ends the cell's output; the answer follows a marker behind the output's last byte on the main connection. */
    private Reply endCell(int id) throws IOException {
        cells.endOutput();
        sync.write(ByteBuffer.allocate(Integer.BYTES).putInt(id).array());
        sync.flush();
        return new Control.Ended(OutputBudget.dropped(), bundleOf(cells.takeLastValue()));
    }

    /**
     * The rich form of a {@code Displayable} value; empty for any other value, if making it fails, or if a part is
     * longer than a control frame carries (then the value shows as its text).
     */
    private static Map<String, String> bundleOf(Object value) {
        if (!(value instanceof Displayable)) {
            return Map.of();
        }
        try {
            Map<String, String> bundle = Display.bundleOf(value);
            return bundle.values().stream().allMatch(ControlCodec::fits) ? bundle : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
