package netlab.servers;

import java.util.ArrayList;
import java.util.List;
import netlab.runtime.ChildJvm;

/** The parent of the {@link Worker} processes: starts them on one port and ends them on {@link #close}. */
final class WorkerProcesses implements EchoServer {

    /** Small JVMs: a worker needs little heap and starts faster with the client compiler only. */
    static final List<String> WORKER_JVM = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    private final List<ChildJvm> workers = new ArrayList<>();
    private final int port;

    WorkerProcesses(int port, int count) {
        try {
            // the first worker picks the port (when asked for 0); the others bind the same one
            workers.add(ChildJvm.start(Worker.class, WORKER_JVM, List.of(String.valueOf(port))));
            this.port = workers.getFirst().awaitReady();
            for (int i = 1; i < count; i++) {
                workers.add(ChildJvm.start(Worker.class, WORKER_JVM, List.of(String.valueOf(this.port))));
            }
            for (ChildJvm w : workers.subList(1, workers.size())) {
                w.awaitReady();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Model model() {
        return Model.WORKER_PROCESSES;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public List<ProcessHandle> processes() {
        return workers.stream().map(ChildJvm::handle).toList();
    }

    @Override
    public void close() {
        workers.forEach(ChildJvm::close);
    }

    @Override
    public String toString() {
        return Model.WORKER_PROCESSES.label() + " :" + port + " " + processes().stream().map(ProcessHandle::pid).toList();
    }
}
