package netlab.servers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** §4.1: one loop serves one client at a time; the next one waits in the accept queue until this one leaves. */
final class IterativeServer extends BlockingServer {

    IterativeServer(int port) {
        super(Model.ITERATIVE, port);
    }

    @Override
    void serve(ServerSocket listener) throws IOException {
        while (true) {
            Socket client = accept(listener);
            echo(client); // returns only when this client closes: everyone else waits
        }
    }
}
