package netlab.kernel.jshell;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Holds the engine's one session and the restart that is building its replacement. A new agent JVM takes
 * 0.3–1 s to start; building it on its own thread lets the reply to a killed cell go out as soon as the old
 * agent is dead, while everything that needs the session afterwards {@link #await() waits} for it.
 *
 * <p>Only one thread starts restarts (the engine's shell thread), and it awaits a restart under way before
 * it starts another, so two agents are never built at once; {@link #begin} refuses to overlap anyway.
 * {@link #close} may come from any thread, also in the middle of a restart: the session that restart builds
 * is then closed, never kept, so its agent does not outlive the engine.
 *
 * <pre>{@code
 * SessionSlot<Session> slot = new SessionSlot<>(Session::close);
 * slot.begin(() -> startSession());   // returns at once
 * Session s = slot.await();           // the new session, or null if it could not be started
 * }</pre>
 *
 * @param <S> the session type
 */
final class SessionSlot<S> {

    /** Builds a session; may fail with any exception, which {@link #failure()} then reports. */
    @FunctionalInterface
    interface Starter<S> {
        S start() throws Exception;
    }

    private final Consumer<S> closer;
    private S current;
    private CompletableFuture<Void> pending;
    private Exception failure;
    private boolean closed;

    SessionSlot(Consumer<S> closer) {
        this.closer = closer;
    }

    /** The ready session, without waiting: null while a restart is under way, after it failed, or after close. */
    synchronized S current() {
        return current;
    }

    /**
     * Starts building a session on its own thread and returns at once; the current session (if any) is
     * forgotten, not closed — {@code starter} tears the old one down as it sees fit.
     *
     * @return false, starting nothing, if the slot is closed (a shutdown came while a cell was killed)
     * @throws IllegalStateException if a restart is still under way (await it first)
     */
    synchronized boolean begin(Starter<S> starter) {
        if (closed) {
            return false;
        }
        if (pending != null) {
            throw new IllegalStateException("a session is still being started; await it before starting another");
        }
        current = null;
        failure = null;
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending = done;
        Thread.ofPlatform().daemon().name("netlab-session-restart").start(() -> build(starter, done));
        return true;
    }

    private void build(Starter<S> starter, CompletableFuture<Void> done) {
        S built = null;
        Exception failed = null;
        try {
            built = starter.start();
        } catch (Exception e) {
            failed = e;
        }
        boolean orphan;
        synchronized (this) {
            orphan = closed;
            if (!orphan) {
                current = built;
                failure = failed;
            }
            pending = null;
        }
        try {
            if (orphan && built != null) {
                closer.accept(built); // closed while it started: its agent must not outlive the engine
            }
        } finally {
            done.complete(null);
        }
    }

    /**
     * The session once any restart under way has finished: the new session, or null if it failed (see
     * {@link #failure()}) or the slot is closed. Returns null at once if the calling thread is interrupted.
     */
    S await() {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            waiting = pending;
        }
        if (waiting != null) {
            try {
                waiting.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw new AssertionError("build() never completes its future exceptionally", e);
            }
        }
        return current();
    }

    /**
     * Waits at most {@code limit} for a restart under way, if any, to finish. Returns at once if the calling
     * thread is interrupted (keeping its interrupt status).
     */
    void await(Duration limit) {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            waiting = pending;
        }
        if (waiting != null) {
            try {
                waiting.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new AssertionError("build() never completes its future exceptionally", e);
            } catch (TimeoutException e) {
                // still starting: the caller goes on without it
            }
        }
    }

    /** Why the last restart failed, or null if it did not (or none has run). */
    synchronized Exception failure() {
        return failure;
    }

    /**
     * Closes the current session and, if a restart is under way, waits up to {@code wait} for it so its new
     * session is closed too before this returns (a kernel exits right after closing its engine). If it takes
     * longer, its thread closes the session when it is built. Closing twice does nothing more.
     */
    void close(Duration wait) {
        S s;
        CompletableFuture<Void> waiting;
        synchronized (this) {
            closed = true;
            s = current;
            current = null;
            waiting = pending;
        }
        if (s != null) {
            closer.accept(s);
        }
        if (waiting != null) {
            try {
                waiting.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the restart thread still closes what it builds
            }
        }
    }
}
