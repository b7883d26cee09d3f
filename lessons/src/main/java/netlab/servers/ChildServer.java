package netlab.servers;

import java.util.ArrayList;
import java.util.List;
import netlab.runtime.ChildJvm;

/** A model served by a JVM of its own ({@link ServeMain}): what the comparison measures. */
final class ChildServer implements EchoServer {

    private final Model model;
    private final ChildJvm jvm;
    private final int port;

    ChildServer(Model model, List<String> jvmOptions) {
        this.model = model;
        this.jvm = ChildJvm.start(ServeMain.class, jvmOptions, List.of(model.name(), "0"));
        this.port = jvm.awaitReady();
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public int port() {
        return port;
    }

    /** The child JVM and the processes it started (the workers of {@link Model#WORKER_PROCESSES}). */
    @Override
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(jvm.handle());
        jvm.handle().descendants().forEach(all::add);
        return all;
    }

    @Override
    public void close() {
        jvm.close();
    }

    @Override
    public String toString() {
        return model.label() + " :" + port + " (pid " + jvm.handle().pid() + ")";
    }
}
