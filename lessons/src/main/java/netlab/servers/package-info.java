/**
 * Chapter 4's echo servers, one small class per model, all on loopback, and what lies under them.
 *
 * <h2>API</h2>
 * <table>
 * <tr><th>call</th><th>what it does</th></tr>
 * <tr><td>{@code Servers.iterative(port)}</td><td>§4.1 one client at a time</td></tr>
 * <tr><td>{@code Servers.workers(port, n)}</td><td>§4.2 n worker JVMs sharing the port with SO_REUSEPORT</td></tr>
 * <tr><td>{@code Servers.threadPerConnection(port)}</td><td>§4.3 a platform thread per connection</td></tr>
 * <tr><td>{@code Servers.fixedPool(port, threads)}</td><td>§4.3 a fixed pool: the (threads+1)th idle client starves</td></tr>
 * <tr><td>{@code Servers.busyPoll(port)}</td><td>§4.4 one thread polling non-blocking sockets (burns a core)</td></tr>
 * <tr><td>{@code Servers.selector(port)}</td><td>§4.5 one thread in a {@code Selector} (epoll)</td></tr>
 * <tr><td>{@code Servers.virtualThreads(port)}</td><td>§4.10 a virtual thread per connection</td></tr>
 * <tr><td>{@code Servers.start(model, port)} / {@code Servers.inOwnProcess(model)}</td><td>any {@link netlab.servers.Model}, here or in a JVM of its own</td></tr>
 * <tr><td>{@code Servers.source(model)}</td><td>the model's class source, shown in the notebook; {@code .lines()} counts its code</td></tr>
 * <tr><td>{@code server.port() model() processes() close()}</td><td>every {@link netlab.servers.EchoServer}</td></tr>
 * </table>
 *
 * <pre>{@code
 * try (EchoServer s = Servers.fixedPool(0, 8); HeldConnections idle = Load.hold(s.port(), 9)) {
 *     idle.answered()    // 8
 * }
 * }</pre>
 */
package netlab.servers;
