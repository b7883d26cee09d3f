package netlab.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import netlab.kernel.engine.Engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

/**
 * A running Jupyter kernel: the protocol layer (messaging protocol 5.3) driving one {@link Engine}.
 *
 * <pre>{@code
 * KernelServer server = KernelServer.start(Path.of(connectionFile), engine);
 * server.interruptOnSigint();   // SIGINT from jupyter_client (interrupt_mode "signal") or Ctrl-C
 * server.awaitShutdown();       // returns after shutdown_request: replies sent, engine and sockets closed
 * System.exit(0);
 * }</pre>
 *
 * <p>The server owns the engine: it calls {@link Engine#close()} exactly once, on shutdown or {@link #close()}.
 * Thread-safe.
 */
public final class KernelServer implements AutoCloseable {

    private final Engine engine;
    private final Transport transport;
    private final KernelCore core;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private KernelServer(Engine engine, Transport transport) {
        this.engine = engine;
        this.transport = transport;
        this.core = new KernelCore(engine, transport, new Messages(), this::shutdownInBackground);
    }

    /**
     * Reads a Jupyter connection file, binds its five sockets and starts answering.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a connection file, or names an unknown transport
     *     or signature scheme
     */
    public static KernelServer start(Path connectionFile, Engine engine) throws IOException {
        KernelConnectionProperties connection;
        try {
            connection = connection(Files.readString(connectionFile));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Expected a Jupyter connection file (JSON with ip, shell_port, "
                    + "key, …) at " + connectionFile + " but could not read it: " + e.getMessage(), e);
        }
        if (connection == null) {
            throw new IllegalArgumentException("The connection file " + connectionFile + " is empty.");
        }
        return start(ZmtpTransport.bind(connection), engine);
    }

    /**
     * A connection file's fields, or null for an empty file. Read with the protocol layer's JSON parser, not the
     * basekernel's {@code KernelConnectionProperties.parse}, which makes a Gson of its own and binds the file to its
     * fields by reflection while the session starts on the same cores. A missing field reads as Gson read it
     * (null, port 0); a port that is no number throws.
     */
    static KernelConnectionProperties connection(String json) {
        JsonElement root = JsonParser.parseString(json);
        if (root.isJsonNull()) {
            return null;
        }
        JsonObject file = root.getAsJsonObject();
        return new KernelConnectionProperties(Json.string(file, "ip", null), port(file, "control_port"),
                port(file, "shell_port"), port(file, "stdin_port"), port(file, "hb_port"), port(file, "iopub_port"),
                Json.string(file, "transport", null), Json.string(file, "signature_scheme", null),
                Json.string(file, "key", null));
    }

    private static int port(JsonObject file, String key) {
        JsonElement port = file.get(key);
        return port == null || port.isJsonNull() ? 0 : port.getAsInt();
    }

    /** Starts answering on any transport (in-memory in tests, ZeroMQ in production). */
    public static KernelServer start(Transport transport, Engine engine) {
        KernelServer server = new KernelServer(engine, transport);
        transport.start(server.core);
        server.core.announceStarting();
        return server;
    }

    /** Stops the running cell and any wait for input, as an interrupt_request does. */
    public void interrupt() {
        core.interrupt();
    }

    /** Makes SIGINT interrupt the running cell instead of ending the JVM. */
    public void interruptOnSigint() {
        SigintInterrupter.install(this::interrupt);
    }

    /** Blocks until the kernel has shut down (after a shutdown_request or {@link #close()}). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Like {@link #awaitShutdown()}, giving up after {@code timeout}; true if the kernel has shut down. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Shuts down now: closes the engine (once) and the transport, then releases {@link #awaitShutdown()}. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            core.stop();
            engine.close();
        } catch (RuntimeException e) {
            ProtocolLog.LOG.log(Level.WARNING, "the engine failed to close cleanly", e);
        } finally {
            transport.close();
            stopped.countDown();
            ProtocolLog.LOG.info("kernel shut down");
        }
    }

    /** After shutdown_reply: the delivery thread that answered must return before its socket can close. */
    private void shutdownInBackground() {
        Thread.ofPlatform().name("netlab-shutdown").start(this::close);
    }
}
