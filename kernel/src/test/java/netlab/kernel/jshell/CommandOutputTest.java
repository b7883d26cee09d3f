package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands written as the kernel writes them: an object stream over JShell's own multiplexer (which flushes after
 * every write it passes on) over the kernel's buffer, counting the socket writes that reach the connection.
 */
class CommandOutputTest {

    private static final ClassBytecodes[] CLASSES = {new ClassBytecodes("REPL.$JShell$netlabValue1", new byte[300])};

    private final Socket socket = new Socket();
    private final CommandBuffer buffer = new CommandBuffer(socket, 8 * 1024);
    private ObjectOutputStream stream;
    private CommandOutput out;

    @BeforeEach
    void connect() throws Exception {
        stream = new ObjectOutputStream(jshellMultiplexer(buffer));
        out = new CommandOutput(stream, buffer, 0); // a reset before every command
        out.flush();
        socket.sends.clear();
    }

    @Test
    void aLoadAndTheInvokeAfterItLeaveInOneSocketWriteWithTheResetBeforeThem() throws IOException {
        out.forgetObjectsPastLimit();
        assertEquals(0, socket.sends.size(), "the reset waits for its command");
        writeLoad(out);
        out.writeInt(0xC03DC03D);
        out.writeUTF("CMD_INVOKE");
        out.writeUTF("REPL.$JShell$netlabValue1");
        out.writeUTF("do_it$");
        out.flush();
        assertEquals(1, socket.sends.size());
    }

    /** Why: the JDK's object stream over its multiplexer sends the same load in parts, each in a socket write. */
    @Test
    void jshellsOwnStreamSendsALoadInParts() throws IOException {
        stream.reset();
        writeLoad(stream);
        stream.flush();
        assertTrue(socket.sends.size() >= 3, socket.sends.size() + " writes");
    }

    /** The bytes that leave are the JDK's own: an object stream reads the reset and the commands back. */
    @Test
    void whatLeavesReadsAsTheJdkWroteIt() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        CommandBuffer direct = new CommandBuffer(plain, 8 * 1024);
        CommandOutput commands = new CommandOutput(new ObjectOutputStream(direct), direct, 1000);
        commands.flush();
        for (int i = 0; i < 6; i++) { // a load is about 450 bytes: resets before the third and the fifth
            commands.forgetObjectsPastLimit();
            writeLoad(commands);
            commands.flush();
        }
        ObjectInputStream agent = new ObjectInputStream(new ByteArrayInputStream(plain.toByteArray()));
        for (int i = 0; i < 6; i++) {
            assertEquals(0xC03DC03D, agent.readInt());
            assertEquals("CMD_LOAD", agent.readUTF());
            assertEquals(CLASSES[0].name(), ((ClassBytecodes[]) agent.readObject())[0].name());
        }
    }

    /**
     * The stream forgets the objects it wrote (and its reader what it read) only once the limit has been written
     * since the last reset: until then an object written again goes as a reference to the first.
     */
    @Test
    void theStreamIsResetOnceTheLimitHasBeenWritten() throws IOException {
        CommandOutput limited = new CommandOutput(stream, buffer, 2000);
        int first = loadSize(limited, CLASSES);
        assertTrue(first > CLASSES[0].bytecodes().length, first + " bytes: the classes themselves");
        assertTrue(loadSize(limited, CLASSES) < first / 4, "under the limit, the same classes go as a reference");
        while (buffer.written() < 2000) {
            loadSize(limited, new ClassBytecodes[] {new ClassBytecodes("REPL.$JShell$netlabValue2", new byte[300])});
        }
        int again = loadSize(limited, CLASSES);
        assertTrue(again >= first, again + " bytes: past the limit the stream was reset, and the classes go again");
        assertTrue(loadSize(limited, CLASSES) < first / 4, "and the count starts again");
    }

    @Test
    void writesOutsideAHoldLeaveAtOnce() throws IOException {
        buffer.write(new byte[] {1, 2, 3});
        buffer.flush();
        assertEquals(1, socket.sends.size(), "an stdin answer on the same connection is not held back");
    }

    /** The bytes a load of {@code classes} after {@link CommandOutput#forgetObjectsPastLimit} sends. */
    private int loadSize(CommandOutput commands, ClassBytecodes[] classes) throws IOException {
        socket.sends.clear();
        commands.forgetObjectsPastLimit();
        commands.writeInt(0xC03DC03D);
        commands.writeUTF("CMD_LOAD");
        commands.writeObject(classes);
        commands.flush();
        assertEquals(1, socket.sends.size());
        return socket.sends.getFirst().length;
    }

    /** A load as {@code StreamingExecutionControl.load} writes one, without its flush. */
    private static void writeLoad(java.io.ObjectOutput to) throws IOException {
        to.writeInt(0xC03DC03D);
        to.writeUTF("CMD_LOAD");
        to.writeObject(CLASSES);
    }

    private static OutputStream jshellMultiplexer(OutputStream socket) throws ReflectiveOperationException {
        Constructor<?> multiplexer = Class.forName("jdk.jshell.execution.MultiplexingOutputStream")
                .getDeclaredConstructor(String.class, OutputStream.class);
        multiplexer.setAccessible(true);
        return (OutputStream) multiplexer.newInstance("$command", socket);
    }

    /** The connection's end: each flush that reaches it is one socket write, recorded with what it sent. */
    private static final class Socket extends OutputStream {
        final List<byte[]> sends = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            if (pending.size() > 0) {
                sends.add(pending.toByteArray());
                pending.reset();
            }
        }
    }
}
