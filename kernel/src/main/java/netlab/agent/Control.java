package netlab.agent;

import java.util.List;
import java.util.Map;

/**
 * The requests the kernel sends on the agent's control connection and the replies the agent sends back, as
 * one sealed family each, so neither side passes strings or {@code null} as meaning (see {@link ControlCodec}
 * for the wire form and {@link AgentProtocol} for the frames around it). The agent sends data only: every
 * sentence a student reads about them is worded by the kernel, in the student's language.
 *
 * <pre>{@code
 * BeginCell(serial, key, limit, threads) → Began(released) // a cell starts; what its last run left was closed
 * EndCell                       → Ended(dropped, value) // after the cell's last byte of output
 * EndAfterInvoke(className)     → Ended(dropped, value) // the same, once that invoke has returned
 * AwaitQuiet(key, millis)       → Quiet | StillRunning(lingerers)
 * ListOpen                      → Open(resources)
 * ReleasePort(port) | ReleaseAll → Released(what)
 * ReadFile(path)                → FileBytes(bytes) | Unreadable(reason, detail)
 * any                           → Failed(why, detail)   // never null
 * }</pre>
 */
public final class Control {

    private Control() {
    }

    /** What the kernel asks; each is answered by exactly one {@link Reply}. */
    public sealed interface Request permits BeginCell, CellEnd, AwaitQuiet, ListOpen, ReleasePort, ReleaseAll,
            ReadFile {
    }

    /** The requests that end a cell: answered with {@link Ended} behind the cell's last byte of output. */
    public sealed interface CellEnd extends Request permits EndCell, EndAfterInvoke {
    }

    /**
     * Cell number {@code serial} with identity {@code key} (the front end's cell id) starts: reset the output
     * budget to {@code outputLimit} bytes, the thread caps to {@code threads} ({@code %%threads}; 0 for the
     * defaults) and release what the key's previous run left open. A stop for {@code serial} stops every invoke
     * of this cell, also those that start after it.
     */
    public record BeginCell(long serial, String key, long outputLimit, int threads) implements Request {
    }

    /** The cell ended: flush its output, then answer behind its last byte. */
    public record EndCell() implements CellEnd {
    }

    /**
     * The cell ends with the invoke of class {@code className}, its last command: once that invoke has returned
     * (at once if it has), flush the cell's output, then answer behind its last byte, as {@link EndCell} does. Sent
     * with the invoke, so the agent ends the cell as the invoke returns instead of when the kernel has read its
     * answer and asked.
     */
    public record EndAfterInvoke(String className) implements CellEnd {
    }

    /**
     * Wait, at most {@code millis}, until every thread and executor cell {@code key} started has ended, or
     * until all that remain are deadlocked (which no wait ends).
     */
    public record AwaitQuiet(String key, long millis) implements Request {
    }

    /** What cells opened and is still open. */
    public record ListOpen() implements Request {
    }

    /** Close what uses local {@code port}. */
    public record ReleasePort(int port) implements Request {
    }

    /** Close everything cells opened. */
    public record ReleaseAll() implements Request {
    }

    /**
     * The bytes of file {@code path}, read by the agent with student code's rights (and, when grading, inside its
     * sandbox), a relative path from its working directory, the notebook's folder: what {@code %load} runs.
     */
    public record ReadFile(String path) implements Request {
    }

    /** What the agent answers. */
    public sealed interface Reply permits Began, Ended, Quiet, StillRunning, Open, Released, FileBytes, Unreadable,
            Failed {
    }

    /** {@code released}: what the cell's previous run left open and was closed, stopped or ended now. */
    public record Began(List<Resource> released) implements Reply {
        public Began {
            released = List.copyOf(released);
        }
    }

    /**
     * The cell's output is all sent: {@code droppedBytes} it wrote over its budget, and the MIME bundle of
     * its last value when that value is {@code Displayable} (empty otherwise).
     */
    public record Ended(long droppedBytes, Map<String, String> valueBundle) implements Reply {
        public Ended {
            valueBundle = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valueBundle));
        }
    }

    /** Everything the cell started has ended. */
    public record Quiet() implements Reply {
    }

    /**
     * What the cell started and still runs when the wait was over: the first few, and how many {@code more}
     * (a C10K cell may leave 10,000 threads; nobody reads more than a screen of them).
     */
    public record StillRunning(List<Lingerer> lingerers, int more) implements Reply {
        public StillRunning {
            lingerers = List.copyOf(lingerers);
        }

        public StillRunning(List<Lingerer> lingerers) {
            this(lingerers, 0);
        }

        /** True when every one is deadlocked: no wait can end them. */
        public boolean allDeadlocked() {
            return more == 0 && lingerers.stream().allMatch(Lingerer::deadlocked);
        }
    }

    /**
     * A thread (its name and {@link Thread.State} name) or an executor (its class's simple name and its
     * running tasks) that still runs; {@code deadlocked} when the JVM finds it in a lock cycle.
     */
    public record Lingerer(boolean thread, String name, String state, boolean deadlocked, int activeTasks) {
    }

    /** What is open: one per resource. */
    public record Open(List<OpenResource> resources) implements Reply {
        public Open {
            resources = List.copyOf(resources);
        }
    }

    /** A resource a cell opened: what it is, and the key of the cell that opened it. */
    public record OpenResource(Resource resource, String cellKey) {
    }

    /** What was closed, stopped or ended. */
    public record Released(List<Resource> what) implements Reply {
        public Released {
            what = List.copyOf(what);
        }
    }

    /**
     * One thing a cell opened, as data; the kernel words it in the student's language. {@code port} is the
     * local port of a socket or channel (0 for none); {@code name} is a thread's name, an executor's class, a
     * process's command, a connected TCP socket's peer "host:port", another resource's class (else empty);
     * {@code number} is a process's pid, or how many for {@link Kind#THREADS} and {@link Kind#STARTED_PROCESSES}.
     */
    public record Resource(Kind kind, int port, String name, long number, State state) {
        public Resource {
            java.util.Objects.requireNonNull(kind);
            java.util.Objects.requireNonNull(name);
            java.util.Objects.requireNonNull(state);
        }
    }

    /** What a {@link Resource} is. */
    public enum Kind {
        TCP_SERVER_SOCKET, TCP_SERVER_CHANNEL, ASYNC_TCP_SERVER_CHANNEL, TCP_SOCKET, TCP_CHANNEL, ASYNC_TCP_CHANNEL,
        UDP_SOCKET, UDP_CHANNEL, SELECTOR, THREAD, EXECUTOR, PROCESS,
        /** {@code number} threads, counted rather than named (a cell may start 100,000). */
        THREADS,
        /** {@code number} processes that the released processes had started themselves. */
        STARTED_PROCESSES,
        /** Any other closeable a cell opened; {@code name} is its class. */
        OTHER
    }

    /** Where a {@link Resource} is. */
    public enum State {
        /** Still open (or running). */
        OPEN,
        /** Stopped by a release, but its thread or executor has not ended yet. */
        STOPPED_STILL_RUNNING,
        /** Closed, stopped or ended just now. */
        RELEASED
    }

    /** The file's bytes, at most {@link #MOST_FILE_BYTES}; equal to another with the same bytes. */
    public record FileBytes(byte[] bytes) implements Reply {

        @Override
        public boolean equals(Object o) {
            return o instanceof FileBytes other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "FileBytes[" + bytes.length + " bytes]";
        }
    }

    /** The most bytes of a file {@link ReadFile} answers with: a notebook with its pictures is far less. */
    public static final int MOST_FILE_BYTES = 16 << 20;

    /**
     * The file could not be read, and why; {@code detail} is the JDK's exception, its simple class name and
     * message, for {@link Unreadable.Reason#OTHER} (empty otherwise).
     */
    public record Unreadable(Reason reason, String detail) implements Reply {

        /** Why a file could not be read. */
        public enum Reason {
            MISSING, DENIED, DIRECTORY,
            /** A device, pipe or socket: reading one may never end. */
            NOT_A_FILE,
            /** Larger than {@link #MOST_FILE_BYTES}. */
            TOO_LARGE,
            OTHER
        }
    }

    /** No answer: why, and a detail for the kernel's log (never shown to a student as is). */
    public record Failed(Why why, String detail) implements Reply {
    }

    /** Why a request got no real answer. */
    public enum Why {
        /** The agent could not answer it (its handler threw). */
        REFUSED,
        /** The agent is gone (exited, killed, or the connection closed). */
        GONE,
        /** The agent did not answer in time: it is wedged. */
        TIMED_OUT
    }
}
