/**
 * Chapter 4's load harness: many clients (virtual threads) against one echo server on loopback, measuring latency,
 * throughput and what serving cost (threads, memory, CPU time of the server's processes).
 *
 * <h2>API</h2>
 * <table>
 * <tr><th>call</th><th>what it does</th></tr>
 * <tr><td>{@code Load.run(server, clients, requestsEach, think)}</td><td>loads an {@code EchoServer}, shows a progress bar, returns a {@link netlab.load.LoadReport} (a table)</td></tr>
 * <tr><td>{@code Load.run(port, clients, requestsEach, think)}</td><td>the same against any echo server on loopback {@code port} (a student's); measures this JVM</td></tr>
 * <tr><td>{@code Load.plan(clients, requestsEach, think).deadline(d).quiet().run(server)}</td><td>the same with a deadline (default 30 s) and without the progress bar</td></tr>
 * <tr><td>{@code Load.hold(port, n)}</td><td>n idle connections that each got one echo; &gt; 1000 are held by a helper JVM (C10K); {@link netlab.load.HeldConnections#answered()} shows a starved pool</td></tr>
 * <tr><td>{@code Load.compare(clients, requestsEach, think)}</td><td>every {@code Model} in its own JVM under the same load: the chapter's final table + SVG bars ({@link netlab.load.Comparison})</td></tr>
 * <tr><td>{@code Load.compare(List.of(models), plan)}</td><td>the same for some models</td></tr>
 * <tr><td>{@code Load.sweep(server, requestsEach, think, 1, 2, 4, 8)}</td><td>latency against clients for one server: table + SVG line plot ({@link netlab.load.Sweep})</td></tr>
 * <tr><td>{@code report.p50() p99() max() perSecond() peakServed() threads() rssMiB() cpuSeconds() answered() unanswered()}</td><td>the measures of one run</td></tr>
 * </table>
 *
 * <pre>{@code
 * try (EchoServer s = Servers.virtualThreads(0)) {
 *     Load.run(s, 20, 50, Duration.ofMillis(1));
 * }
 * }</pre>
 */
package netlab.load;
