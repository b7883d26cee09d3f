package netlab.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import netlab.runtime.ChildJvm;

/**
 * §4.2: one worker process of several (prefork, like nginx or Apache). Java cannot {@code fork()}, so each worker is
 * a whole JVM; all of them bind the same port with SO_REUSEPORT and the Linux kernel spreads new connections among
 * them. Each serves one client at a time, like a forked child; a crash costs only that process.
 */
final class Worker {

    public static void main(String[] args) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setOption(StandardSocketOptions.SO_REUSEPORT, true); // before bind: several sockets, one port
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 4096);
        ChildJvm.ready(listener.getLocalPort()); // tells the parent the port; exits when the parent goes
        while (true) {
            try (Socket client = listener.accept(); InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buffer = new byte[1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // that client reset: serve the next one
            }
        }
    }
}
