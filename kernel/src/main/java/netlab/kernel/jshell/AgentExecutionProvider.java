package netlab.kernel.jshell;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import netlab.agent.AgentProtocol;

/**
 * Gives JShell a {@link KernelExecutionControl} connected to a freshly started agent JVM. One provider
 * serves one JShell; the engine makes a new one for every restart. The agent and its control are kept so
 * the engine can stop cells and tell how the agent died.
 */
final class AgentExecutionProvider implements ExecutionControlProvider {

    private final EngineOptions options;
    private final CellOutput output;
    private volatile KernelExecutionControl control;
    private volatile IOException startFailure;

    AgentExecutionProvider(EngineOptions options, CellOutput output) {
        this.options = options;
        this.output = output;
    }

    @Override
    public String name() {
        return "netlab-agent";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        AgentProcess agent;
        try {
            agent = AgentProcess.start(options);
        } catch (IOException e) {
            startFailure = e;
            throw e;
        }
        InputStream in = output.burstAware(agent.main().in());
        // JShell's multiplexer writes a command in 127-byte packets and flushes once per write: buffered, a
        // class to load leaves in one socket write instead of one per packet. With the agent's side buffered too,
        // strace counted ~42 fewer read/write calls per trivial cell in the two JVMs (13,807 + 2,248 against
        // 10,360 + 1,873 for a start and 91 cells); wall and CPU per cell moved less than this machine's noise.
        OutputStream out = new BufferedOutputStream(agent.main().out(), 8 * 1024);
        KernelExecutionControl ec = (KernelExecutionControl) Util.remoteInputOutput(in, out,
                Map.of(AgentProtocol.STDOUT, output.stdout(),
                        AgentProtocol.STDERR, output.stderr(),
                        AgentProtocol.DISPLAY, output.display(),
                        AgentProtocol.SYNC, agent.control().syncStream()),
                Map.of(AgentProtocol.STDIN, new StdinBridge(output)),
                (objectIn, objectOut) -> new KernelExecutionControl(objectOut, objectIn, agent));
        control = ec;
        return ec;
    }

    /** The control JShell got, or null if the agent has not been started (or failed to start). */
    KernelExecutionControl control() {
        return control;
    }

    IOException startFailure() {
        return startFailure;
    }
}
