package netlab.kernel.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;

/**
 * Fresh grading agents, each for one submission, started ahead of need. Making one (an agent JVM booting and
 * loading its classes cold in a fresh sandbox, JShell starting) is mostly waiting for another process; started
 * in the background while the submissions before it are graded, it no longer holds up a grading thread. Each
 * agent has its own new, empty scratch directory (its working directory), and its class path copy is checked
 * before it starts ({@link AgentClasspath#verify}).
 */
public final class GradingAgents implements AutoCloseable {

    /** A fresh agent. Closing it closes the engine and deletes the working directory. */
    public record Agent(JShellEngine engine, Path workDir, EngineOptions options)
            implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
            deleteQuietly(workDir);
        }
    }

    private final EngineOptions base;
    private final GradingLimits limits;
    private final int ahead;
    private final AgentClasspath files;
    private final Consumer<String> notices;
    private final Deque<Future<Agent>> starting = new ArrayDeque<>();
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
    private boolean closed;
    /** The submission whose agent was the first not to start. */
    private final AtomicReference<String> firstNotStarted = new AtomicReference<>();

    /**
     * Keeps {@code ahead} agents starting or ready (0: each is started when taken); their class path and scratch
     * directories come from {@code files}, whose class path is checked before each start; {@code notices} hears
     * (once per change) that it had been changed and was restored.
     */
    public GradingAgents(EngineOptions base, GradingLimits limits, int ahead,
                         AgentClasspath files, Consumer<String> notices) {
        this.base = base;
        this.limits = limits;
        this.ahead = Math.max(0, ahead);
        this.files = files;
        this.notices = notices;
    }

    /** A fresh agent, ready; the caller closes it. Starts the next one in the background. */
    public Agent take() throws IOException {
        Future<Agent> next;
        synchronized (this) {
            if (closed) {
                throw new IOException("grading is over; no more agents");
            }
            while (starting.size() < ahead + 1) {
                starting.add(starter.submit(this::start));
            }
            next = starting.poll();
        }
        try {
            return next.get();
        } catch (ExecutionException e) {
            // started ahead, it may have lost its start to a busy machine: one more try, now, for this submission
            try {
                return start();
            } catch (IOException | RuntimeException again) {
                again.addSuppressed(e.getCause());
                throw again instanceof IOException io ? io : new IOException(again);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a grading agent", e);
        }
    }

    private Agent start() throws IOException {
        if (files.verify()) {
            notices.accept("the agents' class path copy had been changed (by the submission graded before?); "
                    + "it was copied afresh before the next agent started");
        }
        Path workDir = files.newScratch();
        try {
            // every step has a time limit of its own, which stops a compile too and is what its grade says ran out
            EngineOptions options = base.toBuilder().workingDirectory(workDir).heap(limits.heap())
                    .warmStart(false).compileLimit(null).build();
            JShellEngine engine = JShellEngine.start(options);
            engine.agentPid(); // up and connected before it is taken: its start is no step's time
            return new Agent(engine, workDir, options);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(workDir);
            throw e;
        }
    }

    /**
     * Records that no agent started for submission {@code where}: empty the first time, else the submission
     * that had the same trouble first. The teacher reads the sandbox's command and the JVM's output (some 45
     * lines) once, not once per student of a class.
     */
    public Optional<String> notStartedBefore(String where) {
        return Optional.ofNullable(firstNotStarted.compareAndExchange(null, where));
    }

    /** Closes the agents started but not taken. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (Future<Agent> f : starting) {
            try {
                f.get().close();
            } catch (ExecutionException | InterruptedException | RuntimeException e) {
                // it never started: nothing to close
            }
        }
        starter.close();
    }

    /**
     * Deletes {@code dir} and everything in it as far as this user can, making each directory writable first:
     * an agent may leave directories without permissions behind.
     */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                dir.toFile().setWritable(true, true);
                dir.toFile().setExecutable(true, true);
                dir.toFile().setReadable(true, true);
                try (Stream<Path> list = Files.list(dir)) {
                    list.toList().forEach(GradingAgents::deleteQuietly);
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }

}
