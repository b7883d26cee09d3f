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
 * <tr><td>{@code Epoll.of(selector)} / {@code Epoll.all()}</td><td>§4.6 the epoll instance behind a Selector (after {@code selectNow()}), or every one of this JVM (virtual-thread pollers too), from /proc/self/fd + fdinfo: watched fds, events, what each is</td></tr>
 * <tr><td>{@code Readiness.simulate(readSize, arrivals...)}</td><td>§4.6 level vs edge triggered (one read, read until EAGAIN): table + SVG timeline; {@code stranded(Trigger.EDGE)}</td></tr>
 * <tr><td>{@code Multiplexers.table()}, {@code Multiplexers.FD_SETSIZE}</td><td>§4.5 select / poll / epoll / kqueue / IOCP / io_uring told correctly</td></tr>
 * <tr><td>{@code Generator.of(out -> { out.yield(v); ... })}</td><td>§4.7 a generator on jdk.internal.vm.Continuation (needs the kernel's --add-exports); an Iterator and Iterable</td></tr>
 * <tr><td>{@code SlowHttp.start(delaysMs...)}</td><td>§4.9 local pages answering after their own delays: {@code url(i)}, {@code urls()}, for the concurrent downloader</td></tr>
 * </table>
 *
 * <pre>{@code
 * EchoServer s = Servers.fixedPool(0, 8);
 * HeldConnections idle = Load.hold(s.port(), 9);
 * idle.answered()    // 8
 * idle.close();
 * s.close();
 * }</pre>
 */
package netlab.servers;
