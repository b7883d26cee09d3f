package netlab.kernel.protocol;

/** A kernel over an in-memory transport with a fake engine, and a front end to talk to it. */
final class TestKernel implements AutoCloseable {

    final FakeEngine engine = new FakeEngine();
    final InMemoryTransport transport = new InMemoryTransport();
    final KernelServer server = KernelServer.start(transport, engine);
    final FrontEnd client = new FrontEnd(transport);

    @Override
    public void close() {
        server.close();
    }
}
