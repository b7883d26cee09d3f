/**
 * Ports, this machine's socket table, UDP, TCP and DNS, for chapters 1 and 2 of the course.
 *
 * <pre>{@code
 * Ports.number("tftp")                                   // 69
 * SocketTable.read().port(7788)                          // netstat -an, for one port
 * Server echo = Udp.echoServer(0);                       // background echo server; echo.close() stops it
 * UdpEndpoint u = Udp.bind(0);  u.send("hi", "127.0.0.1", echo.port());  u.receive(Duration.ofSeconds(2));
 * TcpConnection c = Tcp.connect("127.0.0.1", 7788, Duration.ofSeconds(2));
 * TcpLab.backlog(2, 5, Duration.ofMillis(300))           // what listen(backlog) does on Linux
 * Dns.lookup("localhost")
 * }</pre>
 *
 * <p>Every handle ({@link netlab.net.UdpEndpoint}, {@link netlab.net.TcpConnection}, {@link netlab.net.TcpListener},
 * {@link netlab.net.Server}) is {@code AutoCloseable}; every blocking call has a form taking a
 * {@link java.time.Duration} timeout that throws {@link netlab.net.TimedOutException}. I/O failures are unchecked
 * ({@link java.io.UncheckedIOException}) with messages naming the address, the port and what to try. Text is
 * UTF-8 unless a charset is set ({@link netlab.net.Encodings#GBK}). No class here shares a name with
 * {@code java.net}, so {@code import java.net.*; import netlab.net.*;} works.
 */
package netlab.net;
