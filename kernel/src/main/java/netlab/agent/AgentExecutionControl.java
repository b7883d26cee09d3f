package netlab.agent;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;
import netlab.runtime.Causes;

/**
 * Runs JShell snippets in the agent JVM: weaves stop checks into loaded classes, runs each invoke as a {@link Cell}
 * on the notebook's {@link MainThread} (the text of a value {@code /vars} shows too), and stops the notebook cell
 * the kernel names.
 *
 * <p>The agent's side of a cell's life is here and only here: which notebook cell runs ({@link #begin}),
 * whether it was stopped, and the one release a stop makes. The kernel names the cell to stop by the serial
 * {@link Control.BeginCell} gave it; begin and stop travel on the same ordered control connection, so a stop
 * never overtakes its cell's begin, and no invoke counters need to agree across the two JVMs.
 *
 * <p>Threading: JShell's forwarder calls {@code load}/{@code invoke} from one thread; {@link #begin},
 * {@link #afterInvokeOf} and {@link #stop(long)} come from the control reader, the last two also while an invoke
 * runs.
 */
final class AgentExecutionControl extends DirectExecutionControl {

    private final Object lock = new Object();
    /**
     * Puts the agent's own stdout/stderr back if a cell replaced them ({@code System.setOut}): a replacement lasts
     * for the cell that made it, as the student's own code expects (capturing what a method prints), and ends
     * with it, so the next cell prints to the notebook again.
     */
    private final Runnable restoreStreams;
    /** Flushes the agent's own stdout/stderr, whatever the cell made {@code System.out}. */
    private final Runnable flushStreams;
    private final MainThread main = new MainThread();
    private long cellSerial;
    private String cellKey = "startup";
    /** The release a stop of the current cell started; done once its sockets are closed. Null until stopped. */
    private CompletableFuture<Void> released;
    private Cell running;
    private volatile Object lastValue;
    /** The class of the invoke that returned last; guarded by {@link #lock}. Piece classes are never invoked twice. */
    private String lastReturned = "";
    /** What runs once the invoke of its class returns; guarded by {@link #lock}, null when nothing waits. */
    private AfterInvoke afterInvoke;

    private record AfterInvoke(String className, Runnable action) {
    }

    AgentExecutionControl(Runnable restoreStreams, Runnable flushStreams) {
        this.restoreStreams = restoreStreams;
        this.flushStreams = flushStreams;
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

    /**
     * Notebook cell {@code serial} with identity {@code key} starts: releases what the key's previous run left
     * open and answers what was released.
     */
    List<Control.Resource> begin(long serial, String key) {
        synchronized (lock) {
            cellSerial = serial;
            cellKey = key;
            released = null;
        }
        restoreStreams.run();
        lastValue = null;
        return Ownership.release(key);
    }

    /** The cell's last invoke has ended: the agent's own streams are System.out and System.err again, flushed. */
    void endOutput() {
        restoreStreams.run();
        flushStreams.run();
    }

    /**
     * Runs {@code action} once the invoke of class {@code className} has returned, however it ended (with a value,
     * thrown, stopped, or its class missing): at once if it has, else on the forwarder's thread as it returns,
     * before its answer is written. One action waits at a time: a later one takes its place.
     */
    void afterInvokeOf(String className, Runnable action) {
        synchronized (lock) {
            if (!className.equals(lastReturned)) {
                afterInvoke = new AfterInvoke(className, action);
                return;
            }
        }
        action.run();
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            return super.invoke(className, methodName);
        } finally {
            AfterInvoke due = null;
            synchronized (lock) {
                lastReturned = className;
                if (afterInvoke != null && afterInvoke.className().equals(className)) {
                    due = afterInvoke;
                    afterInvoke = null;
                }
            }
            if (due != null) {
                due.action().run();
            }
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        boolean piece = doitMethod.getDeclaringClass().getSimpleName().startsWith(AgentProtocol.PIECE_CLASS_PREFIX);
        Shown shown = asCell(() -> shown(doitMethod.invoke(null), piece));
        lastValue = shown.value();
        return shown.text();
    }

    /**
     * Runs {@code body}, student code, as the current cell's: on the main thread, stoppable by
     * {@link #stop(long)}; what it throws is rethrown, an {@code Error} inside an {@link InvocationTargetException}.
     */
    private <T> T asCell(Callable<T> body) throws Exception {
        Cell cell;
        CompletableFuture<Void> release;
        synchronized (lock) {
            if (released != null) {
                throw new StoppedException(); // the cell was stopped between two of its snippets
            }
            cell = new Cell(cellKey);
            running = cell;
        }
        Ownership.started(cell);
        try {
            T value = CarrierWatch.await(cell.start(main, body));
            if (cell.stopRequested()) {
                throw new StoppedException();
            }
            return value;
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
                release = released;
            }
            if (release != null) {
                release.join(); // the reply must not overtake the release the stop started: ports free first
            }
            flushStreams.run(); // what the invoke printed goes before its answer; not System.out: it may be null
        }
    }

    /**
     * What a cell threw, as the kernel receives it: JShell's copy of the exception and its causes, made from the
     * chain {@link Causes#of} walks. JShell's own copy follows {@code getCause()} by recursion and calls
     * {@code getMessage()} unguarded, so a chain that loops ({@code a.initCause(b)} where {@code b}'s cause is
     * {@code a}), one thousands deep, or a student's class whose {@code getMessage} throws ended the agent and every
     * variable with it. A cause JShell could not resolve ends the chain, as in JShell.
     */
    @Override
    protected String throwConvertedInvocationException(Throwable thrown) throws RunException, InternalException {
        List<Throwable> chain = Causes.of(thrown);
        if (chain.isEmpty()) {
            throw new InternalException("an invocation failed without an exception");
        }
        RunException sent = null;
        for (Throwable t : chain.reversed()) {
            if (t instanceof SPIResolutionException unresolved) {
                sent = new ResolutionException(unresolved.id(), ThrownParts.frames(t));
            } else {
                RunException cause = sent;
                sent = new UserException(ThrownParts.message(t), t.getClass().getName(), ThrownParts.frames(t));
                sent.initCause(cause);
            }
        }
        throw sent;
    }

    /** A cell's value and its text as JShell shows it. */
    private record Shown(Object value, String text) {
    }

    /**
     * {@code value} with its text, made on the cell's own thread: a {@code toString} the student wrote runs as
     * their code does, stoppable by an interrupt. What it throws is the cell's exception when the value is a
     * {@code piece}'s, which the notebook shows (JShell made it an internal error, and the cell showed nothing);
     * a declaration's value is not shown, and JShell goes on without its text, as it did.
     */
    private static Shown shown(Object value, boolean piece) throws Exception {
        try {
            return new Shown(value, ValueText.of(value));
        } catch (Exception | Error thrown) {
            if (piece) {
                throw new InvocationTargetException(thrown);
            }
            throw thrown;
        }
    }

    /**
     * JShell's, with a value's text as {@link ValueText} writes it ({@code /vars} shows it), written as the
     * current cell's code runs: a {@code toString} that never returns is stopped by the cell's stop.
     */
    @Override
    public String varValue(String className, String varName) throws RunException, InternalException {
        Object value;
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InternalException(e.toString());
        }
        try {
            return asCell(() -> ValueText.of(value));
        } catch (StoppedException e) {
            throw e;
        } catch (InvocationTargetException e) {
            return throwConvertedInvocationException(e.getCause());
        } catch (Exception e) {
            return throwConvertedInvocationException(e);
        }
    }

    /**
     * Stops notebook cell {@code serial}: the invoke running now and any later one of the same cell, then
     * closes what the cell opened — once, however many stops arrive. A stop for an older cell is ignored.
     */
    void stop(long serial) {
        CompletableFuture<Void> release;
        String key;
        synchronized (lock) {
            if (serial != cellSerial || released != null) {
                return;
            }
            release = released = new CompletableFuture<>();
            key = cellKey;
            if (running != null) {
                running.stop();
            }
        }
        try {
            // a platform thread blocked in accept() or receive() only wakes when its socket closes
            Ownership.release(key);
        } finally {
            release.complete(null);
        }
    }

    /** The last invoke's value, once: the kernel shows it richly when it is {@code Displayable}. */
    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    @Override
    public void stop() {
        // JShell's own stop command arrives only between invokes; the kernel uses the control socket.
    }
}
