package netlab.agent;

import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import netlab.agent.Control.Kind;
import netlab.agent.Control.OpenResource;
import netlab.agent.Control.Resource;
import netlab.agent.Control.State;

/**
 * Which cell opened which socket, channel, selector, thread or executor in the agent, so a stop, a re-run of
 * the same cell, or {@code %close} releases them. A cell is named by its key (JupyterLab's cell id, or a
 * hash of its source), which outlives the cell's invokes.
 *
 * <p>Thread-safe: cells and their threads register from anywhere; the control reader releases.
 */
final class Ownership {

    /** One tracked object and the cell that opened it. */
    record Entry(Object resource, Cell cell) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();
    /**
     * {@link #ENTRIES} is pruned of closed and ended resources when it reaches this size, which then doubles:
     * pruning on every track would cost a cell starting 100,000 virtual threads 10^10 checks.
     */
    private static int pruneAt = 64;
    /**
     * Every cell (invoke) per key not yet released: a thread inherits the cell it was constructed in, which
     * may be an earlier invoke of the same notebook cell than the one that started it, so a release stops
     * them all.
     */
    private static final java.util.Map<String, List<Cell>> CELLS = new java.util.HashMap<>();
    /**
     * Threads and executors a release stopped that had not ended then, with their cell: after an interrupt
     * the kernel asks whether they have ended since ({@link Lingering}), and kills the agent if they do not.
     */
    private static final List<Entry> STOPPING = new ArrayList<>();
    /** Held for a whole release, so a second release waits until the ports of the first are free. */
    private static final Object RELEASING = new Object();

    private Ownership() {
    }

    /** Records {@code resource} as opened by the cell of the calling thread; ignored outside cells. */
    static void track(Object resource) {
        Cell cell = Cell.current();
        if (cell == null || resource == null) {
            return;
        }
        synchronized (ENTRIES) {
            if (ENTRIES.size() >= pruneAt) {
                ENTRIES.removeIf(e -> !isOpen(e.resource()));
                pruneAt = Math.max(64, 2 * ENTRIES.size());
            }
            ENTRIES.add(new Entry(resource, cell));
        }
    }

    /** Records a new invoke of its key, so releasing the key stops it too. */
    static void started(Cell cell) {
        synchronized (ENTRIES) {
            CELLS.computeIfAbsent(cell.key(), k -> new ArrayList<>()).add(cell);
        }
    }

    /**
     * Stops the cells of {@code key} and closes what they opened; returns what was released (the UDP socket
     * on port 7788, 3 threads), as data the kernel words.
     */
    static List<Resource> release(String key) {
        List<Cell> cells;
        synchronized (ENTRIES) {
            cells = CELLS.remove(key);
        }
        if (cells != null) {
            stop(cells);
        }
        return releaseMatching(e -> e.cell().key().equals(key));
    }

    /** Stops the cells and remembers those whose own code still runs, so a check after the stop sees whether it ends. */
    private static void stop(List<Cell> cells) {
        cells.forEach(Cell::stop);
        synchronized (ENTRIES) {
            for (Cell c : cells) {
                c.run().ifPresent(run -> STOPPING.add(new Entry(run, c)));
            }
        }
    }

    /**
     * Interrupts the threads recorded as started by {@code cell} itself that still run: those of a check's case
     * that was stopped ({@link CellScope}), whose cell's key is not released.
     */
    static void interruptThreads(Cell cell) {
        List<Thread> threads = new ArrayList<>();
        synchronized (ENTRIES) {
            for (Entry e : ENTRIES) {
                if (e.cell() == cell && e.resource() instanceof Thread t && t.isAlive()) {
                    threads.add(t);
                }
            }
        }
        threads.forEach(Thread::interrupt);
    }

    /** Closes what uses local {@code port}; returns what was closed. */
    static List<Resource> releasePort(int port) {
        return releaseMatching(e -> portOf(e.resource()) == port);
    }

    static List<Resource> releaseAll() {
        List<Cell> cells = new ArrayList<>();
        synchronized (ENTRIES) {
            CELLS.values().forEach(cells::addAll);
            CELLS.clear();
        }
        stop(cells);
        return releaseMatching(e -> true);
    }

    private static List<Resource> releaseMatching(java.util.function.Predicate<Entry> which) {
        synchronized (RELEASING) {
            return releaseMatchingLocked(which);
        }
    }

    private static List<Resource> releaseMatchingLocked(java.util.function.Predicate<Entry> which) {
        List<Entry> chosen = new ArrayList<>();
        synchronized (ENTRIES) {
            // one pass (removeAll of a list is quadratic, and a cell may own 100,000 threads)
            ENTRIES.removeIf(e -> which.test(e) && chosen.add(e));
        }
        List<Resource> released = new ArrayList<>();
        int threads = 0;
        // what was open is seen before anything is stopped: stopping the first entry's cell ends its other threads
        List<Boolean> open = chosen.stream().map(e -> isOpen(e.resource())).toList();
        List<ProcessHandle> processes = new ArrayList<>();
        List<Entry> stopping = new ArrayList<>();
        java.util.Set<Cell> stopped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // per entry only what it needs: a cell may own 100,000 threads, and the reply to an interrupt waits for this
        for (int i = 0; i < chosen.size(); i++) {
            Entry e = chosen.get(i);
            if (stopped.add(e.cell())) {
                e.cell().stop();
            }
            Object r = e.resource();
            if (r instanceof Process p) {
                processes.add(p.toHandle()); // ended together below: one grace period, not one each
                continue;
            }
            boolean wasOpen = open.get(i);
            if (r instanceof Thread || r instanceof ExecutorService) {
                close(r);
                if (wasOpen) {
                    stopping.add(e); // interrupted or shut down; whether it ends is seen later
                    if (r instanceof Thread) {
                        threads++;
                    } else {
                        released.add(resourceOf(r, State.RELEASED));
                    }
                }
                continue;
            }
            Resource what = resourceOf(r, State.RELEASED);
            java.net.InetSocketAddress bound = listeningAddress(r);
            close(r);
            if (wasOpen && bound != null) {
                awaitFree(r, bound);
            }
            if (wasOpen) {
                released.add(what);
            }
        }
        synchronized (ENTRIES) {
            STOPPING.addAll(stopping);
        }
        if (threads > 0) {
            released.add(new Resource(Kind.THREADS, 0, "", threads, State.RELEASED));
        }
        List<Resource> names = processes.stream().map(h -> resourceOf(h, State.RELEASED)).toList(); // while they run
        List<ProcessHandle> ended = ProcessTree.end(processes);
        int roots = 0;
        for (int i = 0; i < processes.size(); i++) {
            if (ended.contains(processes.get(i))) {
                released.add(names.get(i));
                roots++;
            }
        }
        int started = ended.size() - roots;
        if (started > 0) {
            released.add(new Resource(Kind.STARTED_PROCESSES, 0, "", started, State.RELEASED));
        }
        return released;
    }

    /** Everything still open with the cell that opened it, and what was stopped but still runs. */
    static List<OpenResource> listOpen() {
        List<OpenResource> lines = new ArrayList<>();
        synchronized (ENTRIES) {
            ENTRIES.removeIf(e -> !isOpen(e.resource()));
            STOPPING.removeIf(e -> !stillRuns(e.resource()));
            for (Entry e : ENTRIES) {
                lines.add(new OpenResource(resourceOf(e.resource(), State.OPEN), e.cell().key()));
            }
            for (Entry e : STOPPING) {
                lines.add(new OpenResource(resourceOf(e.resource(), State.STOPPED_STILL_RUNNING), e.cell().key()));
            }
        }
        return lines;
    }

    /**
     * The threads and executors of {@code key}'s cells that still run: those a release stopped and that
     * have not ended yet, and those started since.
     */
    static List<Object> running(String key) {
        // a set (threads and executors are equal only to themselves), in order: a stopped cell may leave 100,000
        // virtual threads, and a list's contains() would be quadratic
        java.util.Set<Object> running = new java.util.LinkedHashSet<>();
        synchronized (ENTRIES) {
            STOPPING.removeIf(e -> !stillRuns(e.resource()));
            for (List<Entry> list : List.of(STOPPING, ENTRIES)) {
                for (Entry e : list) {
                    Object r = e.resource();
                    if (e.cell().key().equals(key) && stillRuns(r)) {
                        running.add(r);
                    }
                }
            }
        }
        return new ArrayList<>(running);
    }

    /**
     * A started thread that has not ended, a cell's own code that has not, or an executor that has not terminated
     * (an unstarted thread does not run).
     */
    private static boolean stillRuns(Object r) {
        return switch (r) {
            case Thread t -> t.isAlive();
            case Cell.Run run -> run.goesOn();
            case ExecutorService x -> !x.isTerminated();
            default -> false;
        };
    }

    static boolean isOpen(Object r) {
        return switch (r) {
            case Socket s -> !s.isClosed();
            case ServerSocket s -> !s.isClosed();
            case DatagramSocket s -> !s.isClosed();
            case Selector s -> s.isOpen();
            case Channel c -> c.isOpen();
            case Thread t -> t.isAlive() || t.getState() == Thread.State.NEW;
            case Process p -> p.isAlive();
            case ExecutorService x -> !x.isTerminated();
            case AutoCloseable c -> true;
            default -> false;
        };
    }

    /** Local port of a socket or channel, or -1. */
    static int portOf(Object r) {
        try {
            return switch (r) {
                case Socket s -> s.getLocalPort();
                case ServerSocket s -> s.getLocalPort();
                case DatagramSocket s -> s.getLocalPort();
                case NetworkChannel c when c.getLocalAddress() instanceof java.net.InetSocketAddress a -> a.getPort();
                default -> -1;
            };
        } catch (Exception e) {
            return -1;
        }
    }

    /** What {@code r} is, as data: the UDP socket on port 7788, the thread named worker ... */
    static Resource resourceOf(Object r, State state) {
        int port = Math.max(portOf(r), 0);
        return switch (r) {
            case ServerSocket s -> new Resource(Kind.TCP_SERVER_SOCKET, port, "", 0, state);
            case ServerSocketChannel c -> new Resource(Kind.TCP_SERVER_CHANNEL, port, "", 0, state);
            case AsynchronousServerSocketChannel c -> new Resource(Kind.ASYNC_TCP_SERVER_CHANNEL, port, "", 0, state);
            case Socket s -> new Resource(Kind.TCP_SOCKET, port, s.getInetAddress() != null
                    ? s.getInetAddress().getHostAddress() + ":" + s.getPort() : "", 0, state);
            case SocketChannel c -> new Resource(Kind.TCP_CHANNEL, port, "", 0, state);
            case AsynchronousSocketChannel c -> new Resource(Kind.ASYNC_TCP_CHANNEL, port, "", 0, state);
            case DatagramSocket s -> new Resource(Kind.UDP_SOCKET, port, "", 0, state);
            case DatagramChannel c -> new Resource(Kind.UDP_CHANNEL, port, "", 0, state);
            case Selector s -> new Resource(Kind.SELECTOR, 0, "", 0, state);
            case Thread t -> new Resource(Kind.THREAD, 0, t.getName(), 0, state);
            case Cell.Run run -> new Resource(Kind.THREAD, 0, run.thread().getName(), 0, state);
            case ExecutorService x -> new Resource(Kind.EXECUTOR, 0, x.getClass().getSimpleName(), 0, state);
            case Process p -> resourceOf(p.toHandle(), state);
            case ProcessHandle h -> new Resource(Kind.PROCESS, 0, h.info().command()
                    .map(c -> String.valueOf(Path.of(c).getFileName())).orElse(""), h.pid(), state);
            default -> new Resource(Kind.OTHER, 0, r.getClass().getSimpleName(), 0, state);
        };
    }

    /** The address a server or UDP socket listens on, or null for other resources. */
    private static java.net.InetSocketAddress listeningAddress(Object r) {
        try {
            java.net.SocketAddress a = switch (r) {
                case ServerSocket s -> s.getLocalSocketAddress();
                case DatagramSocket s -> s.getLocalSocketAddress();
                case ServerSocketChannel c -> c.getLocalAddress();
                case DatagramChannel c -> c.getLocalAddress();
                default -> null;
            };
            return a instanceof java.net.InetSocketAddress i && i.getPort() > 0 ? i : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Waits (up to half a second) until the port is really free: a socket closed while a virtual thread is
     * blocked in it releases its file descriptor only when that thread wakes up, a moment after close()
     * returns. Without this wait, re-running a server cell could meet "Address already in use".
     */
    private static void awaitFree(Object r, java.net.InetSocketAddress address) {
        long deadline = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (r instanceof ServerSocket || r instanceof ServerSocketChannel) {
                    try (ServerSocket probe = new ServerSocket()) {
                        probe.setReuseAddress(true);
                        probe.bind(address);
                    }
                } else {
                    try (DatagramSocket probe = new DatagramSocket(address)) {
                        probe.getLocalPort();
                    }
                }
                return;
            } catch (java.io.IOException busy) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void close(Object r) {
        try {
            switch (r) {
                case Thread t -> t.interrupt();
                case ExecutorService x -> x.shutdownNow();
                case AutoCloseable c -> c.close();
                default -> { }
            }
        } catch (Exception e) {
            // releasing anyway; a failed close leaves nothing we could do better
        }
    }
}
