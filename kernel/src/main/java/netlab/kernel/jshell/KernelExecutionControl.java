package netlab.kernel.jshell;

import java.io.IOException;
import java.util.Optional;
import jdk.jshell.execution.StreamingExecutionControl;
import netlab.agent.Control;

/**
 * The kernel's end of JShell's execution SPI: JShell's streaming protocol to the agent, plus the one thing
 * JShell does not tell its caller — that the agent is gone —, a piece's load and invoke in one exchange
 * ({@link #loadAndInvoke}), and a stream that forgets the classes it sent ({@link #forgetObjectsSent}).
 * Stops and netlab's per-cell requests travel on the control connection ({@link AgentControl}), never on
 * JShell's command stream, whose extension commands some JDK builds no longer forward; a cell's stop state lives
 * in its {@link CellRun}, not here.
 *
 * <p>Threading: JShell calls from the engine thread; {@link #terminated()} from any thread.
 */
final class KernelExecutionControl extends StreamingExecutionControl {

    private static final Runnable OPEN = () -> { };

    private final CommandOutput out;
    private final AgentReplyFilter.Replies replies;
    private final AgentProcess agent;
    private volatile boolean terminated;
    /** Runs once before the agent's next command; see {@link #beforeNextCommand}. Engine thread only. */
    private Runnable gate = OPEN;
    /** The cell's end asked with its last invoke, while no command followed it; engine thread only. */
    private Optional<AgentControl.Asked> endAsked = Optional.empty();

    KernelExecutionControl(CommandOutput out, AgentReplyFilter.Replies replies, AgentProcess agent) {
        super(out, replies);
        this.out = out;
        this.replies = replies;
        this.agent = agent;
    }

    AgentProcess agent() {
        return agent;
    }

    boolean terminated() {
        return terminated || !agent.isAlive();
    }

    /**
     * {@code gate} runs once, before the next command JShell sends the agent (or never, if another gate takes
     * its place first): a cell's {@code BeginCell} answer must be in before the agent loads the cell's first
     * class, since the ports the cell's last run held are free only then ({@link CellRun#begin}). A gate is a
     * cell's beginning: an end an earlier cell asked for and never took is not this cell's.
     */
    void beforeNextCommand(Runnable gate) {
        this.gate = gate;
        endAsked = Optional.empty();
    }

    /** Takes away a gate {@link #beforeNextCommand} set and no command passed: its cell is over. */
    void openGate() {
        gate = OPEN;
    }

    /** Before each command to the agent: the gate, then the stream may forget what the commands before it sent. */
    private void beforeCommand() {
        Runnable g = gate;
        gate = OPEN;
        g.run();
        endAsked = Optional.empty(); // the cell went on after the invoke it was to end with
        forgetObjectsSent();
    }

    /**
     * Ends the command stream's memory of the objects written to it, in both JVMs: an object stream keeps every
     * object it wrote, and its reader every object it read, so that one written again goes as a reference; JShell
     * never resets its stream, so the classes of every snippet a session ran stayed in the kernel's heap and, as
     * received, in the agent's (1,401 class files in each JVM after 400 cells and five 200-declaration cells; live
     * heap after a full collection 16.19 against 15.94 MB in the kernel, 4.30 against 4.21 MB in the agent, and
     * growing with every cell of a long session). The reset, one byte, leaves with the command
     * ({@link CommandOutput}); a load after it sends the classes' descriptions again, a few hundred bytes, and the
     * agent's object stream looks each of them up again: reset before every command, that took 0.1-0.15 ms of
     * each {@code 1 + 1} cell between the agent reading the command and its load starting. So the stream is reset
     * once {@link CommandOutput#FORGET_AFTER_BYTES} have gone since the last reset: what either JVM holds stays
     * bounded, and a trivial cell pays for the lookups about once in 80.
     */
    private void forgetObjectsSent() {
        try {
            out.forgetObjectsPastLimit();
        } catch (IOException e) {
            terminated = true; // the connection is gone: the command says so
        }
    }

    @Override
    public String invoke(String classname, String methodname)
            throws RunException, EngineTerminationException, InternalException {
        beforeCommand();
        try {
            return super.invoke(classname, methodname);
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        beforeCommand();
        try {
            super.load(cbcs);
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    /**
     * Loads {@code classes} and invokes {@code className.methodName} in one exchange with the agent
     * ({@link LoadThenInvoke}). When the invoke {@code endsCell}, the cell's end is asked with it
     * ({@link Control.EndAfterInvoke}): the agent ends the cell as the invoke returns, and its answer is on its way
     * while the kernel reads the invoke's ({@link #takeEndAsked}), where asking once the value was in cost a
     * {@code 1 + 1} cell 0.26-0.48 ms more (the kernel and agent traced, medians of cells 1-200 and 201-400).
     *
     * @return what the invoke answered; empty when the load failed and nothing of it ran
     */
    Optional<String> loadAndInvoke(ClassBytecodes[] classes, String className, String methodName, boolean endsCell)
            throws RunException, EngineTerminationException, InternalException {
        beforeCommand();
        if (endsCell) {
            endAsked = Optional.of(agent.control().send(new Control.EndAfterInvoke(className)));
        }
        try {
            return LoadThenInvoke.run(out, replies, classes, () -> super.invoke(className, methodName));
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    /**
     * The cell's end asked with its last invoke, once: empty if none was, or if a command to the agent followed it
     * (JShell ran the piece after its load failed), and then the cell's end is still to be asked.
     */
    Optional<AgentControl.Asked> takeEndAsked() {
        Optional<AgentControl.Asked> asked = endAsked;
        endAsked = Optional.empty();
        return asked;
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        beforeCommand();
        super.redefine(cbcs);
    }

    @Override
    public String varValue(String classname, String varname)
            throws RunException, EngineTerminationException, InternalException {
        beforeCommand();
        return super.varValue(classname, varname);
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        beforeCommand();
        super.addToClasspath(path);
    }

    @Override
    public void stop() {
        // JShell's own stop is not used: CellRun stops a cell on the control connection
    }

    @Override
    public void close() {
        super.close();
        agent.close();
    }
}
