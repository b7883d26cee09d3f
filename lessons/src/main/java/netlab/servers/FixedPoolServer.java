package netlab.servers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import netlab.runtime.Resources;

/**
 * §4.3 (b): a fixed pool of platform threads. A connection holds its thread until the client leaves, so with all
 * threads held by idle clients, client N+1 is accepted by the kernel but never answered: starvation.
 */
final class FixedPoolServer extends BlockingServer {

    private final ExecutorService pool;

    FixedPoolServer(int port, int threads) {
        super(Model.FIXED_POOL, port);
        pool = Resources.track(Executors.newFixedThreadPool(threads));
    }

    @Override
    void serve(ServerSocket listener) throws IOException {
        while (true) {
            Socket client = accept(listener);
            pool.execute(() -> echo(client)); // queued until one of the pool's threads is free
        }
    }

    @Override
    public void close() {
        super.close();
        pool.shutdownNow();
    }
}
