package netlab.kernel.jshell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import netlab.agent.Control;

/**
 * One cell's life, and the only place its stop state lives: begin → pieces → end, or stop → release → quiet,
 * else kill. Every deadline of the run is one timer on the engine's {@link Watchdog}: the time limit (the
 * {@code %timeout} or the grader's step limit) stops the cell as an interrupt does, and the grace period after
 * a stop kills the agent if the cell's code still runs then, or, if javac is still compiling the cell then,
 * stops the compile ({@link CompileStop}) and waits one more grace period. javac compiling for the engine's whole
 * compile limit stops the cell as a time limit does, whatever the cell's timeout. The agent releases what a stopped
 * cell opened once, when the stop reaches it (see netlab.agent.AgentExecutionControl).
 *
 * <pre>{@code
 * CellRun run = new CellRun(serial, limit, grace, compileLimit, watchdog);
 * run.begin(session, key, limits, threads, released);           // BeginCell; the time limit starts
 * ... evaluate, checking run.stopped() between pieces ...
 * long quietFor = run.awaitingQuiet();                          // the grace left; no kill from now on
 * run.end();
 * }</pre>
 *
 * <p>Threading: the shell thread runs the cell; {@link #interrupt()} comes from any thread, and the watchdog
 * calls the deadlines. All state is guarded by this object's lock; requests to the agent are sent outside it
 * except the stop, which must follow the {@code BeginCell} it names on the control connection.
 */
final class CellRun {

    /** What stopped the cell. */
    enum Cause {
        /** The student's (or the front end's) interrupt. */
        INTERRUPT,
        /** The {@code %timeout} or {@code NETLAB_CELL_TIMEOUT} of the session. */
        TIMEOUT,
        /** The grader's time limit for one step. */
        TIME_LIMIT,
        /** javac compiled the cell for the whole compile limit ({@link EngineOptions#compileLimit}). */
        COMPILE_LIMIT
    }

    /** A time limit on the run, and which kind it is. */
    record Limit(Duration after, Cause cause) {
        /** The earlier of two limits; either may be null. */
        static Limit earlier(Limit a, Limit b) {
            return a == null ? b : b == null ? a : a.after.compareTo(b.after) <= 0 ? a : b;
        }
    }

    private enum Stage { WAITING, BEGUN, QUIETING, ENDED }

    /** How many looks at the cell's thread the compile limit is divided into ({@link #lookForCompile}). */
    private static final int COMPILE_LOOKS = 12;

    private final long serial;
    /** Guarded by this object's lock: the session's {@code %timeout} joins it in {@link #begin}. */
    private Limit limit;
    private final Duration grace;
    private final Duration compileLimit;
    private final Watchdog watchdog;
    /** The engine thread that runs the cell, and compiles it. */
    private final Thread cellThread = Thread.currentThread();
    private final List<Future<?>> timers = new ArrayList<>();
    private Stage stage = Stage.WAITING;
    private Session session;
    private Cause stoppedBy;
    private long stoppedAt;
    private boolean killed;
    /** Whether the stop ended javac's compile of the cell ({@link CompileStop}) rather than code in the agent. */
    private boolean compileStopped;
    /** Looks in a row that found the cell's thread in javac ({@link #lookForCompile}). */
    private int compilingLooks;
    /** Awaits the answer to BeginCell, once ({@link Session#askBeforeNextCommand}); engine thread only. */
    private Runnable began = () -> { };

    /**
     * A run numbered {@code serial}, made on the engine thread that will run it; {@code limit} (or null: the
     * grader's step limit, known before the cell's magic lines run) counts from {@link #begin}, so the start of a
     * new agent (a JVM in a fresh sandbox, under a loaded machine) is not the cell's time.
     */
    CellRun(long serial, Limit limit, Duration grace, Duration compileLimit, Watchdog watchdog) {
        this.serial = serial;
        this.limit = limit;
        this.grace = grace;
        this.compileLimit = compileLimit;
        this.watchdog = watchdog;
    }

    /**
     * Tells the agent the cell starts in {@code session} and returns without waiting for its answer: the cell
     * compiles meanwhile. The answer is awaited before the agent gets the cell's first command (what the key's
     * last run left open is closed by then; {@link Session#askBeforeNextCommand}), or by {@link #awaitBegan} at
     * the cell's end in case none came; it hands what the agent closed to {@code released}.
     * A stop that came while the agent was still being started is sent right after. The session's {@code limits}
     * are read now, after the cell's magic lines ran: a {@code %timeout} or {@code %output_limit} at the top of a
     * cell holds for that cell's code too.
     */
    void begin(Session session, String key, CellLimits limits, int threads,
               Consumer<List<Control.Resource>> released) {
        Runnable awaitAnswer = session.askBeforeNextCommand(
                new Control.BeginCell(serial, key, limits.outputLimit(), threads),
                reply -> {
                    if (reply instanceof Control.Began b) {
                        released.accept(b.released());
                    }
                });
        boolean stopNow;
        synchronized (this) {
            this.session = session;
            stage = Stage.BEGUN;
            stopNow = stoppedBy != null;
            Duration timeout = limits.timeout();
            limit = Limit.earlier(limit, timeout == null ? null : new Limit(timeout, Cause.TIMEOUT));
            if (limit != null && !stopNow) {
                timers.add(watchdog.after(limit.after(), this::limitReached));
            }
            if (!stopNow && compileLimit != null) {
                timers.add(watchdog.after(compileLook(), this::lookForCompile));
            }
        }
        began = awaitAnswer;
        if (stopNow) {
            stopInAgent();
        }
    }

    /** Waits, once, for the agent's answer to this cell's {@code BeginCell}; see {@link #begin}. Engine thread. */
    void awaitBegan() {
        began.run();
    }

    /** Stops the cell: the user's interrupt. Returns at once; never waits for the cell. */
    void interrupt() {
        stop(Cause.INTERRUPT);
    }

    /** The time limit is up: stops the cell as an interrupt does. Called by the watchdog. */
    void limitReached() {
        Cause cause;
        synchronized (this) {
            cause = limit.cause();
        }
        stop(cause);
    }

    /**
     * One look at whether the cell's thread is in javac, {@value #COMPILE_LOOKS} times over the compile limit:
     * found compiling at every look of the limit, the cell is stopped, and the grace period's end stops the compile
     * ({@link #killIfStillRunning}). A cell of many short compiles is seldom in javac at every look of a minute; one
     * that is, is stopped for what it is doing. The thread's stack is read, a pause of microseconds.
     */
    private void lookForCompile() {
        synchronized (this) {
            if (stage != Stage.BEGUN || stoppedBy != null) {
                return;
            }
            compilingLooks = CompileStop.compiling(cellThread) ? compilingLooks + 1 : 0;
            if (compilingLooks < COMPILE_LOOKS) {
                timers.removeIf(Future::isDone); // a cell that runs for an hour looks 720 times
                timers.add(watchdog.after(compileLook(), this::lookForCompile));
                return;
            }
        }
        stop(Cause.COMPILE_LIMIT);
    }

    /** The time between two looks; not {@code Duration.dividedBy}, whose BigDecimal a cell would pay for. */
    private Duration compileLook() {
        return Duration.ofNanos(compileLimit.toNanos() / COMPILE_LOOKS);
    }

    private void stop(Cause cause) {
        synchronized (this) {
            if (stoppedBy != null || stage == Stage.QUIETING || stage == Stage.ENDED) {
                return;
            }
            stoppedBy = cause;
            stoppedAt = System.nanoTime();
            if (stage == Stage.WAITING) {
                return; // sent by begin(); the cell checks stopped() before it runs anything
            }
        }
        stopInAgent();
    }

    private void stopInAgent() {
        Session s;
        synchronized (this) {
            s = session;
            timers.add(watchdog.after(grace, this::killIfStillRunning));
        }
        s.agent().control().stop(serial);
    }

    /**
     * The grace period is over and the cell has not returned. If the cell's thread is compiling now, javac is
     * stopped ({@link CompileStop}: some code keeps it busy for minutes, where an ordinary compile was let finish)
     * and given one more grace period; else only killing the agent ends the cell's code. Under the lock, so the
     * thread is marked only while the cell runs: {@link #end} unmarks it after the stage has changed.
     */
    private void killIfStillRunning() {
        Session s;
        synchronized (this) {
            if (stage != Stage.BEGUN) {
                return;
            }
            if (!compileStopped && CompileStop.stopIfCompiling(cellThread)) {
                compileStopped = true;
                timers.add(watchdog.after(grace, this::killIfStillRunning));
                return;
            }
            killed = true;
            s = session;
        }
        EngineLog.ENGINE.log(System.Logger.Level.INFO, "cell did not stop within " + grace
                + "; killing agent " + s.agent().pid());
        s.agent().kill();
    }

    /** True once the cell was told to stop: run no further piece. */
    synchronized boolean stopped() {
        return stoppedBy != null;
    }

    /** What stopped it, or null. */
    synchronized Cause stoppedBy() {
        return stoppedBy;
    }

    /** True when the stop ended javac's compile of the cell: the part being compiled did not run. */
    synchronized boolean compileStopped() {
        return compileStopped;
    }

    /** True when the grace period ran out and the agent was killed. */
    synchronized boolean killed() {
        return killed;
    }

    /**
     * The cell's time limit, when it (not the user) stopped the cell; else null. The compile limit is not the cell's:
     * a cell it stopped did not run out of the time its student or grader gave it, and its sentence says why it
     * stopped ({@link #compileLimit}).
     */
    synchronized Duration stoppedByLimit() {
        return stoppedBy == Cause.TIMEOUT || stoppedBy == Cause.TIME_LIMIT ? limit.after() : null;
    }

    /** How long javac may compile the cell before it is stopped ({@link Cause#COMPILE_LIMIT}); null: no limit. */
    Duration compileLimit() {
        return compileLimit;
    }

    Duration grace() {
        return grace;
    }

    /**
     * The cell's code has returned after a stop; what it started may still run. From now on the watchdog
     * kills nothing: the caller asks the agent to wait for quiet for the grace left (returned, in
     * milliseconds, at least 0) and kills it itself if it is not quiet by then.
     */
    synchronized long awaitingQuiet() {
        stage = Stage.QUIETING;
        long from = stoppedAt != 0 ? stoppedAt : System.nanoTime();
        return Math.max(0, (from + grace.toNanos() - System.nanoTime()) / 1_000_000);
    }

    /**
     * The cell's code returned without a stop: from now on a stop is ignored, so the outcome the caller
     * reports and what the agent did agree. False if a stop came first: then the cell counts as stopped.
     */
    synchronized boolean finishUnlessStopped() {
        if (stoppedBy != null) {
            return false;
        }
        stage = Stage.QUIETING;
        return true;
    }

    /** The run is over: no deadline fires any more. */
    void end() {
        List<Future<?>> cancelled;
        Session s;
        boolean marked;
        synchronized (this) {
            stage = Stage.ENDED;
            cancelled = List.copyOf(timers);
            s = session;
            marked = compileStopped;
        }
        cancelled.forEach(t -> t.cancel(false));
        if (marked) { // only a cell whose compile was stopped touches CompileStop: other cells' ends stay as they were
            CompileStop.release(cellThread);
        }
        if (s != null) {
            s.control().openGate();
        }
    }
}
