package netlab.kernel.jshell;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import netlab.agent.AgentLink;
import netlab.agent.AgentMain;
import netlab.agent.AgentProtocol;

/**
 * One agent JVM: starts it, accepts its two connections (see {@link AgentProtocol}), hands the control
 * connection to an {@link AgentControl} and says in one sentence how it died.
 */
final class AgentProcess implements AutoCloseable {

    private static final int KEPT_OUTPUT_LINES = 30;
    /** A note the agent wrote just before it ended reaches the kernel within this of the process's end. */
    private static final Duration NOTE_WAIT = Duration.ofMillis(500);

    private final Process process;
    private final AgentLink main;
    private final AgentLink control;
    private final AgentControl agentControl;
    private final Deque<String> lastOutput;
    private final AgentDescendants descendants;

    private AgentProcess(Process process, String token, AgentLink main, AgentLink control, Deque<String> lastOutput) {
        this.process = process;
        this.descendants = new AgentDescendants(process, token);
        this.main = main;
        this.control = control;
        this.agentControl = new AgentControl(control, process.pid());
        this.lastOutput = lastOutput;
    }

    /** Starts an agent JVM and waits until it has connected back. */
    static AgentProcess start(EngineOptions options) throws IOException {
        String token = HexFormat.of().formatHex(randomBytes());
        try (Listener listener = options.unixSocket() ? new UnixListener(options.workingDirectory())
                : new TcpListener()) {
            ProcessBuilder pb = new ProcessBuilder(command(options, listener.address()));
            pb.environment().put(AgentProtocol.TOKEN_ENV, token);
            pb.redirectErrorStream(true);
            if (options.workingDirectory() != null) {
                pb.directory(options.workingDirectory().toFile());
            }
            Process process = pb.start();
            Deque<String> lastOutput = new ArrayDeque<>();
            Thread pump = Thread.ofPlatform().daemon().name("netlab-agent-log-" + process.pid())
                    .start(() -> pumpLog(process, lastOutput));
            // A dead agent never connects: close the listener so accept() gives up at once.
            process.onExit().thenRun(() -> closeQuietly(listener));
            long deadline = System.nanoTime() + options.agentStartTimeout().toNanos();
            try {
                AgentLink main = accept(listener, AgentProtocol.ROLE_MAIN, token, deadline);
                AgentLink control = accept(listener, AgentProtocol.ROLE_CONTROL, token, deadline);
                return new AgentProcess(process, token, main, control, lastOutput);
            } catch (IOException e) {
                boolean exited = !process.isAlive(); // before it is killed: else still starting, out of time
                // through its handle: Process.destroyForcibly also closes our end of its output, and the log
                // pump may not have read what a JVM that died at once printed ("Invalid maximum heap size")
                process.toHandle().destroyForcibly();
                String output = waitForOutput(process, pump, lastOutput);
                throw new AgentStartFailure(exited ? OptionalInt.of(process.exitValue()) : OptionalInt.empty(),
                        options.agentStartTimeout(), pb.command(), output, e);
            }
        }
    }

    /** Where the agent connects to: loopback TCP, or a Unix domain socket for an agent without the host's network. */
    private interface Listener extends AutoCloseable {
        /** The agent's command-line argument naming it. */
        String address();

        /** The next connection, or a timeout at {@code deadline}. */
        AgentLink accept(long deadline) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class TcpListener implements Listener {
        private final ServerSocket server = AgentPort.bind(4);

        TcpListener() throws IOException {
        }

        @Override
        public String address() {
            return Integer.toString(server.getLocalPort());
        }

        @Override
        public AgentLink accept(long deadline) throws IOException {
            server.setSoTimeout((int) Math.max(1, Math.min(millisLeft(deadline), Integer.MAX_VALUE)));
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.max(1, Math.min(millisLeft(deadline), 5000)));
            return AgentLink.of(s);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /**
     * A socket file in the agent's working directory, open to every user (a grading agent may run as another
     * user), gone once both connections are made: the agent finds it by its relative name.
     */
    private static final class UnixListener implements Listener {
        private static final String NAME = "agent.sock";
        private final Path path;
        private final ServerSocketChannel server;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        UnixListener(Path dir) throws IOException {
            if (dir == null) {
                throw new IOException("a Unix domain socket for the agent needs its working directory");
            }
            path = dir.resolve(NAME);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(path), 4);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the agent runs as this user there anyway
            }
        }

        @Override
        public String address() {
            return AgentLink.UNIX_PREFIX + NAME;
        }

        @Override
        public AgentLink accept(long deadline) throws IOException {
            // a channel's accept has no timeout: close it at the deadline
            Thread timer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(Math.max(1, millisLeft(deadline)));
                    closeQuietly(server);
                } catch (InterruptedException e) {
                    // accepted in time
                }
            });
            try {
                SocketChannel channel = server.accept();
                return AgentLink.of(channel, "kernel");
            } catch (java.nio.channels.ClosedChannelException e) {
                throw new SocketTimeoutException("the agent did not connect in time");
            } finally {
                timer.interrupt();
            }
        }

        /**
         * Once only: the agent's exit closes the listener a second time, maybe long after its start, when a
         * restarted agent in the same directory has bound its own {@code agent.sock} there; deleting that one
         * left the new agent "No such file or directory" to connect to.
         */
        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                server.close();
                Files.deleteIfExists(path);
            }
        }
    }

    private static long millisLeft(long deadline) {
        return Duration.ofNanos(deadline - System.nanoTime()).toMillis();
    }

    /**
     * The agent's command line. Serial GC and no perf-data file suit a small single-user JVM. Measured with
     * {@code AgentStartupBench} (15 runs): C1-only ({@code -XX:TieredStopAtLevel=1}) saved ~30 ms of a
     * ~140 ms restart and ~4 MB RSS but made a CPU-bound cell 2x slower, and an auto-created AppCDS archive
     * gave no measurable gain over the JDK's default CDS archive — so neither is used by default; both can
     * be added through {@link EngineOptions#jvmOptions()}.
     * <p>
     * {@code -Xms16m}: without it the initial heap is 1/64 of the machine's memory (384 MB on a 24 GB server,
     * 1 GB on a 64 GB one) with a young generation a third of that, and eden pages stay resident once a cell
     * has touched them: the agent held 74-76 MB after a 200-declaration cell, 62 MB with 16 MB to start from
     * (the heap still grows to {@code -Xmx} when a cell needs it).
     * <p>
     * {@code -XX:TrimNativeHeapInterval=2000}: the agent's C2 compilations free their arenas into glibc,
     * which keeps them; a periodic {@code malloc_trim} brought the agent from 67-77 MB to 57-59 MB RSS after
     * the kernel benchmark's latency run. Each trim took 0.2-4 ms of a background thread, a few up to 55 ms
     * at load 10, every 2 s. {@code -XX:ArchiveRelocationMode=0}: the JDK's CDS archive mapped where it was
     * made for, not relocated (the default, which rewrites its pointers), so 6 of its 13.5 resident MB stay
     * pages of the file shared by every agent on the machine instead of private copies (the kernel's AOT
     * cache the same way, see {@code KernelLaunch}). Student code runs in this JVM with every right Java
     * gives it; randomising where class metadata lies does not stand between it and anything.
     */
    static List<String> command(EngineOptions options, String address) {
        List<String> cmd = new ArrayList<>(jvmCommand(options));
        cmd.add(AgentMain.class.getName());
        cmd.add(address);
        return cmd;
    }

    /**
     * The agent's {@code java} and its options, without the main class: {@link #command} adds that, and the
     * agent's AOT cache is created with this ({@code netlab.kernel.cli.ClassArchive}), so it matches the JVM
     * that maps it.
     */
    static List<String> jvmCommand(EngineOptions options) {
        List<String> cmd = new ArrayList<>(options.launcher());
        cmd.add(options.javaHome().resolve("bin").resolve("java").toString());
        cmd.add("-Xmx" + options.heap());
        cmd.add("-Xms16m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-XX:TrimNativeHeapInterval=2000");
        cmd.add("-XX:+UnlockDiagnosticVMOptions");
        cmd.add("-XX:ArchiveRelocationMode=0");
        cmd.add("-Dstdout.encoding=UTF-8");
        cmd.add("-Dstderr.encoding=UTF-8");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-D" + netlab.text.Lang.PROPERTY + "=" + options.language().tag());
        cmd.addAll(EngineOptions.JDK_EXPORTS);
        cmd.addAll(options.jvmOptions());
        cmd.add("-cp");
        cmd.add(options.agentClasspathString());
        return List.copyOf(cmd);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static AgentLink accept(Listener listener, byte role, String token, long deadline) throws IOException {
        while (true) {
            if (millisLeft(deadline) <= 0) {
                throw new SocketTimeoutException("the agent did not connect in time");
            }
            AgentLink link = listener.accept(deadline);
            try {
                DataInputStream in = new DataInputStream(link.in());
                if (in.readInt() == AgentProtocol.HELLO && in.readByte() == role && in.readUTF().equals(token)) {
                    if (link.closer() instanceof Socket s) {
                        s.setSoTimeout(0);
                    }
                    return link;
                }
                EngineLog.AGENT.log(System.Logger.Level.WARNING, "ignored a local connection that is not our agent");
            } catch (IOException e) {
                EngineLog.AGENT.log(System.Logger.Level.WARNING,
                        "ignored a local connection that is not our agent: " + e);
            }
            link.close();
        }
    }

    /**
     * The agent's raw output, bounded and escaped ({@link AgentOutputPump}), to its own logger at DEBUG: student
     * code writes it, and at INFO it reached the teacher's console while grading (clear-screen sequences, forged
     * progress lines). {@code -Djava.util.logging.config.file} with {@code netlab.engine.agent.output.level = FINE}
     * shows it; an agent that fails to start says its last lines in the failure anyway.
     */
    private static void pumpLog(Process process, Deque<String> lastOutput) {
        long pid = process.pid();
        try (var in = process.getInputStream()) {
            AgentOutputPump.pump(in, line -> EngineLog.AGENT_OUTPUT.log(System.Logger.Level.DEBUG,
                    () -> "agent " + pid + " " + line), lastOutput, KEPT_OUTPUT_LINES);
        } catch (IOException e) {
            // process gone
        }
    }

    /** Everything the dead agent printed: the pump ends when the process's output pipe closes. */
    private static String waitForOutput(Process process, Thread pump, Deque<String> lastOutput) {
        try {
            process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lastOutput) {
            return String.join("\n", lastOutput);
        }
    }

    AgentLink main() {
        return main;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** Stops, requests and the death note, on the control connection. */
    AgentControl control() {
        return agentControl;
    }

    void kill() {
        process.destroyForcibly();
    }

    /** Waits up to {@code timeout} for the process to end; true if it has. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** How the agent died, as data the kernel words in the student's language (see {@link AgentDeath}). */
    AgentDeath death() {
        String note = agentControl.note(process.isAlive() ? Duration.ZERO : NOTE_WAIT);
        if (AgentProtocol.NOTE_OUT_OF_MEMORY.equals(note)) {
            return new AgentDeath.OutOfMemory();
        }
        if (AgentProtocol.NOTE_EXIT_HOOK_STUCK.equals(note)) {
            return new AgentDeath.ExitHookStuck(AgentProtocol.EXIT_GRACE);
        }
        if (process.isAlive()) {
            return new AgentDeath.Unresponsive();
        }
        int status = process.exitValue();
        if (status > 128 && status < 160) {
            return new AgentDeath.Signal(status - 128);
        }
        return new AgentDeath.Exit(status);
    }

    @Override
    public void close() {
        closeQuietly(main);
        closeQuietly(control);
        if (!awaitExit(Duration.ofSeconds(1))) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(2));
        }
        descendants.end(); // now, not when the exit is noticed: the kernel may be about to exit itself
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
