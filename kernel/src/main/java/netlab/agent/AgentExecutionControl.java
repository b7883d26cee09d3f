package netlab.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import jdk.jshell.execution.DirectExecutionControl;
import netlab.display.Display;
import netlab.display.Displayable;

/**
 * Runs JShell snippets in the agent JVM: weaves stop checks into loaded classes, runs each invoke on a fresh
 * virtual thread owned by a {@link Cell}, and stops it on request from the kernel's side channel.
 *
 * <p>Threading: JShell's forwarder calls {@code load}/{@code invoke} from one thread; {@link #stop(long)} is
 * called from the control-socket reader while an invoke runs.
 */
final class AgentExecutionControl extends DirectExecutionControl {

    private final Object lock = new Object();
    /** Puts the agent's own stdout/stderr back if a cell replaced or closed them. */
    private final Runnable restoreStreams;
    private volatile String cellKey = "startup";
    /** Number of the latest invoke; the kernel counts invokes the same way to name the one to stop. */
    private long invokes;
    /** Highest invoke number a stop was requested for (a stop may overtake its invoke on the wire). */
    private long stopRequestedUpTo;
    private Cell running;
    private volatile Object lastValue;

    AgentExecutionControl(Runnable restoreStreams) {
        this.restoreStreams = restoreStreams;
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] woven = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            woven[i] = new ClassBytecodes(cbcs[i].name(), StopCheckWeaver.weave(cbcs[i].bytecodes()));
        }
        super.load(woven);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Cell cell;
        synchronized (lock) {
            cell = new Cell(++invokes, cellKey);
            if (cell.number() <= stopRequestedUpTo) {
                throw new StoppedException();
            }
            running = cell;
        }
        Ownership.started(cell);
        lastValue = null;
        try {
            Future<Object> result = cell.start(() -> doitMethod.invoke(null));
            Object value = awaitUninterruptibly(result);
            if (cell.stopRequested()) {
                throw new StoppedException();
            }
            lastValue = value;
            return valueString(value);
        } catch (ExecutionException e) {
            if (cell.stopRequested()) {
                throw new StoppedException();
            }
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException || cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new InvocationTargetException(cause);
        } finally {
            synchronized (lock) {
                running = null;
            }
            if (cell.stopRequested()) {
                // the reply must not overtake the release the control thread started: ports free first
                Ownership.release(cell.key());
            }
            restoreStreams.run(); // System.setOut(null) or a closed System.out must not break the agent
            System.out.flush();
            System.err.flush();
        }
    }

    private static Object awaitUninterruptibly(Future<Object> result) throws ExecutionException {
        while (true) {
            try {
                return result.get();
            } catch (InterruptedException e) {
                // the forwarder thread is never interrupted on purpose; keep waiting for the cell
            }
        }
    }

    /** Stops invoke number {@code invoke} if it runs, or when it starts if it has not started yet. */
    void stop(long invoke) {
        Cell stopped = null;
        synchronized (lock) {
            stopRequestedUpTo = Math.max(stopRequestedUpTo, invoke);
            if (running != null && running.number() <= invoke) {
                stopped = running;
                stopped.stop();
            }
        }
        if (stopped != null) {
            // a platform thread blocked in accept() or receive() only wakes when its socket closes
            Ownership.release(stopped.key());
        }
    }

    /**
     * The threads and executors of the notebook cell {@code cellKey} that still run, as {@link Lingering}
     * lines ("deadlocked\tthread 'Thread-3' (BLOCKED)"); empty when everything the cell started has ended.
     * The kernel asks this after an interrupt has stopped and released the cell: what still runs then is
     * deaf to interrupts (a monitor deadlock), and only killing the agent ends it.
     */
    String[] liveThreads(String cellKey) {
        return Lingering.of(cellKey).toArray(String[]::new);
    }

    @Override
    public void stop() {
        // JShell's own stop command arrives only between invokes; the kernel uses the control socket.
    }

    /**
     * Answers one of netlab's requests from the kernel's control connection (see {@link AgentProtocol});
     * called between invokes, on the control reader thread.
     */
    String[] answer(String command, String[] args) {
        return switch (command) {
            case AgentProtocol.BEGIN_CELL -> {
                restoreStreams.run();
                OutputBudget.reset(Long.parseLong(args[1]));
                List<String> released = Ownership.release(args[0]);
                ThreadCensus.raise(args[0], args.length > 2 ? Integer.parseInt(args[2]) : 0);
                cellKey = args[0];
                yield released.toArray(String[]::new);
            }
            case AgentProtocol.END_CELL -> {
                System.out.flush();
                System.err.flush();
                yield new String[] {Long.toString(OutputBudget.dropped())};
            }
            case AgentProtocol.RESOURCES -> Ownership.listOpen().toArray(String[]::new);
            case AgentProtocol.CLOSE -> {
                String which = args[0];
                List<String> closed = which.equals("all") ? Ownership.releaseAll()
                        : which.startsWith("cell:") ? Ownership.release(which.substring(5))
                        : Ownership.releasePort(Integer.parseInt(which));
                yield closed.toArray(String[]::new);
            }
            case AgentProtocol.LIVE_THREADS -> liveThreads(args[0]);
            case AgentProtocol.LAST_VALUE_BUNDLE -> lastValueBundle();
            default -> throw new IllegalArgumentException("unknown agent request " + command);
        };
    }

    private String[] lastValueBundle() {
        Object value = lastValue;
        lastValue = null;
        if (!(value instanceof Displayable)) {
            return null;
        }
        try {
            Map<String, String> bundle = Display.bundleOf(value);
            List<String> flat = new ArrayList<>(bundle.size() * 2);
            bundle.forEach((k, v) -> {
                flat.add(k);
                flat.add(v);
            });
            return flat.toArray(String[]::new);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
