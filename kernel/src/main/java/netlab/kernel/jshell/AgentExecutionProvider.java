package netlab.kernel.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import netlab.agent.AgentProtocol;

/**
 * Starts an agent JVM and gives JShell a {@link KernelExecutionControl} connected to it. The agent starts
 * on its own thread as soon as the provider is made, and JShell gets a {@link StartingExecutionControl}
 * at once, so the kernel builds JShell and compiles while the agent JVM boots. One provider serves one
 * JShell; the engine makes a new one for every restart.
 */
final class AgentExecutionProvider implements ExecutionControlProvider {

    private final StartingExecutionControl control;

    private AgentExecutionProvider(CompletableFuture<KernelExecutionControl> starting) {
        this.control = new StartingExecutionControl(starting);
    }

    /** Starts the agent JVM on its own thread and returns at once. */
    static AgentExecutionProvider starting(EngineOptions options, CellOutput output) {
        CompletableFuture<KernelExecutionControl> starting = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("netlab-agent-start").start(() -> {
            try {
                starting.complete(connect(AgentProcess.start(options), output));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        });
        return new AgentExecutionProvider(starting);
    }

    private static KernelExecutionControl connect(AgentProcess agent, CellOutput output) throws IOException {
        try {
            InputStream in = output.burstAware(agent.main().in());
            // JShell's multiplexer writes a command in 127-byte packets and flushes once per write: buffered, a
            // class to load leaves in one socket write instead of one per packet. With the agent's side buffered
            // too, strace counted ~42 fewer read/write calls per trivial cell in the two JVMs (13,807 + 2,248
            // against 10,360 + 1,873 for a start and 91 cells); wall and CPU per cell moved less than the noise.
            // A whole command leaves in one write since its parts are written with the flushes held (CommandOutput).
            CommandBuffer socket = new CommandBuffer(agent.main().out(), 8 * 1024);
            return (KernelExecutionControl) Util.remoteInputOutput(in, socket,
                    Map.of(AgentProtocol.STDOUT, output.stdout(),
                            AgentProtocol.STDERR, output.stderr(),
                            AgentProtocol.DISPLAY, output.display(),
                            AgentProtocol.UNCAUGHT, output.uncaught(),
                            AgentProtocol.SYNC, agent.control().syncStream()),
                    Map.of(AgentProtocol.STDIN, new StdinBridge(output)),
                    // Util makes an ObjectInputStream; its filter must be set before the first read
                    (objectIn, objectOut) -> new KernelExecutionControl(
                            new CommandOutput((java.io.ObjectOutputStream) objectOut, socket),
                            AgentReplyFilter.replies((java.io.ObjectInputStream) objectIn), agent));
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "netlab-agent";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }

    /**
     * The agent's control once it has connected; waits for it.
     *
     * @throws IOException why the agent did not start
     */
    KernelExecutionControl connected() throws IOException {
        return control.connected();
    }

    /** Why the agent did not start, if that is known already; never waits. */
    IOException startFailure() {
        return control.startFailure();
    }

    /** Closes the agent, now or once it has connected; for a JShell that could not be built. */
    void close() {
        control.close();
    }
}
