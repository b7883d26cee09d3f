/**
 * The agent: the JVM that runs student code, started and connected to by the kernel's
 * {@code netlab.kernel.jshell} engine ({@link netlab.agent.AgentMain} {@code <port>}).
 *
 * <p>JShell's commands, stdout, stderr, stdin and {@link netlab.agent.DisplayFrames display frames} share
 * one loopback TCP connection (JShell's multiplexed format, TCP_NODELAY); stops travel on a second one
 * ({@link netlab.agent.AgentProtocol}). Each snippet runs on a fresh virtual thread owned by a
 * {@code Cell}; stop checks woven into every loaded class ({@code StopCheckWeaver}) end CPU loops, and
 * interrupting the virtual thread unblocks sleeps and classic socket calls.
 */
package netlab.agent;
