package netlab.servers;

import netlab.runtime.ChildJvm;

/** A child JVM serving one model, so its threads, memory and CPU time are the server's alone. Arguments: MODEL port. */
final class ServeMain {

    public static void main(String[] args) throws InterruptedException {
        EchoServer server = Servers.start(Model.valueOf(args[0]), Integer.parseInt(args[1]));
        ChildJvm.ready(server.port());
        Thread.currentThread().join(); // serves until the parent closes our standard input
    }
}
