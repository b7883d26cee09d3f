package netlab.kernel.jshell;

import java.io.IOException;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;

/**
 * JShell's command stream to the agent, written so that each command leaves in one socket write. JShell's object
 * stream writes through its multiplexer, which flushes the socket after every write it passes on, and the object
 * stream passes on a command in parts (a block's header, its data, each object), and a reset before a command
 * ({@link #forgetObjectsPastLimit}) alone; the agent's reader woke for each part. Here every part is written with
 * the buffer's flushes held ({@link CommandBuffer}), and the command's own flush sends them all, a load and the
 * invoke after it ({@link LoadThenInvoke}) together. Measured ({@code /proc/PID/io}, cells 51-250 of
 * {@code 1 + 1}, two kernels each): the kernel's write calls 13.1-13.2 per cell against 21.2-21.3, the agent's
 * reads 3.0 against 4.3-4.5; the cell's wall time moved less than the run-to-run spread.
 */
final class CommandOutput implements ObjectOutput {

    /**
     * What the connection carries between two resets of the stream ({@link #forgetObjectsPastLimit}), and so about
     * the most of the classes sent that each JVM's object stream holds: a trivial cell's load is 0.8 KB, so the
     * stream is reset about every 80 such cells.
     */
    static final long FORGET_AFTER_BYTES = 64 * 1024;

    private final ObjectOutputStream stream;
    private final CommandBuffer socket;
    private final long forgetAfterBytes;
    private long writtenAtReset;

    /** {@code stream} writes through JShell's multiplexer into {@code socket}, the agent's main connection. */
    CommandOutput(ObjectOutputStream stream, CommandBuffer socket) {
        this(stream, socket, FORGET_AFTER_BYTES);
    }

    CommandOutput(ObjectOutputStream stream, CommandBuffer socket, long forgetAfterBytes) {
        this.stream = stream;
        this.socket = socket;
        this.forgetAfterBytes = forgetAfterBytes;
    }

    /**
     * Ends the stream's memory of the objects written so far, in both JVMs (see
     * {@link KernelExecutionControl#forgetObjectsSent}), once what was written since the last reset reaches the
     * limit; the reset leaves with the next command.
     */
    void forgetObjectsPastLimit() throws IOException {
        if (socket.written() - writtenAtReset >= forgetAfterBytes) {
            socket.holdingFlushes(stream::reset);
            writtenAtReset = socket.written();
        }
    }

    @Override
    public void flush() throws IOException {
        socket.holdingFlushes(stream::flush);
        socket.flush();
    }

    @Override
    public void writeObject(Object obj) throws IOException {
        socket.holdingFlushes(() -> stream.writeObject(obj));
    }

    @Override
    public void write(int b) throws IOException {
        socket.holdingFlushes(() -> stream.write(b));
    }

    @Override
    public void write(byte[] b) throws IOException {
        socket.holdingFlushes(() -> stream.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        socket.holdingFlushes(() -> stream.write(b, off, len));
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        socket.holdingFlushes(() -> stream.writeBoolean(v));
    }

    @Override
    public void writeByte(int v) throws IOException {
        socket.holdingFlushes(() -> stream.writeByte(v));
    }

    @Override
    public void writeShort(int v) throws IOException {
        socket.holdingFlushes(() -> stream.writeShort(v));
    }

    @Override
    public void writeChar(int v) throws IOException {
        socket.holdingFlushes(() -> stream.writeChar(v));
    }

    @Override
    public void writeInt(int v) throws IOException {
        socket.holdingFlushes(() -> stream.writeInt(v));
    }

    @Override
    public void writeLong(long v) throws IOException {
        socket.holdingFlushes(() -> stream.writeLong(v));
    }

    @Override
    public void writeFloat(float v) throws IOException {
        socket.holdingFlushes(() -> stream.writeFloat(v));
    }

    @Override
    public void writeDouble(double v) throws IOException {
        socket.holdingFlushes(() -> stream.writeDouble(v));
    }

    @Override
    public void writeBytes(String s) throws IOException {
        socket.holdingFlushes(() -> stream.writeBytes(s));
    }

    @Override
    public void writeChars(String s) throws IOException {
        socket.holdingFlushes(() -> stream.writeChars(s));
    }

    @Override
    public void writeUTF(String s) throws IOException {
        socket.holdingFlushes(() -> stream.writeUTF(s));
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
