/**
 * The agent: the JVM that runs student code, started and connected to by the kernel's
 * {@code netlab.kernel.jshell} engine ({@link netlab.agent.AgentMain} {@code <port>}).
 *
 * <p>JShell's commands, stdout, stderr, stdin and {@link netlab.agent.DisplayFrames display frames} share
 * one loopback TCP connection (JShell's multiplexed format, TCP_NODELAY); stops travel on a second one
 * ({@link netlab.agent.AgentProtocol}). Each snippet runs on a fresh virtual thread owned by a
 * {@code Cell}; stop checks woven into the loaded classes ({@code StopCheckWeaver}: every class but a snippet's
 * wrapper with no loop) end CPU loops, and interrupting the virtual thread unblocks sleeps and classic socket
 * calls. A check's case runs as a cell of its own under the check's ({@code CellScope}, the course library's
 * {@link netlab.runtime.StopScope}), so a case that times out is stopped alone and the check goes on.
 *
 * <p>{@code ResourceWeaver} also rewrites snippet bytecode so sockets, channels, selectors, executors and
 * started threads are recorded with the notebook cell that opened them ({@code Ownership}; the course
 * library reports its own through {@code netlab.runtime.Resources}). Interrupting a cell, re-running it
 * (same JupyterLab {@code cellId}, or same source) or {@code %close} closes them, so their ports are free.
 * Output per cell is capped here ({@code OutputBudget}), before it reaches the kernel. What a release could
 * not end (threads deadlocked on monitors) is reported by {@code Lingering}, so the kernel restarts the agent
 * instead of replying "interrupted"; {@code ThreadCensus} counts every thread a cell causes to be created,
 * however it is created, and refuses those beyond the cap.
 */
package netlab.agent;
