package netlab.load;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.runtime.ChildJvm;

/** The helper JVM of {@link Load#hold}: opens the connections, reports progress, holds them until its parent goes. */
final class HoldMain {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Socket> sockets = new ArrayList<>(n);
        AtomicInteger done = new AtomicInteger();
        int[] counts = HeldConnections.connect(port, n, sockets, () -> {
            int d = done.incrementAndGet();
            if (d % 250 == 0) {
                ChildJvm.tell("progress", d);
            }
        });
        ChildJvm.tell("held", counts[0] + " " + counts[1]);
        ChildJvm.ready(counts[0]); // now wait, holding the sockets, until the parent closes our standard input
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
