package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A load and an invoke in one exchange, against the JDK's own end of JShell's streaming protocol
 * ({@code Util.forwardExecutionControl}, what the agent runs) forwarding to a fake agent: the JDK reads the load
 * this writes, and this reads the JDK's replies.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoadThenInvokeTest {

    private static final ExecutionControl.ClassBytecodes[] CLASSES = {
        new ExecutionControl.ClassBytecodes("REPL.$JShell$netlabValue1", new byte[] {1, 2, 3})};

    private final FakeAgent agent = new FakeAgent();
    private PipedInputStream agentIn;
    private ObjectOutputStream stream;
    private CommandBuffer socket;
    private CommandOutput out;
    private AgentReplyFilter.Replies replies;
    private StreamingExecutionControl jshell;
    private Thread forwarder;

    @BeforeEach
    void connect() throws IOException {
        agentIn = new PipedInputStream(64 * 1024);
        socket = new CommandBuffer(new PipedOutputStream(agentIn), 8 * 1024);
        stream = new ObjectOutputStream(socket);
        out = new CommandOutput(stream, socket);
        out.flush();
        PipedInputStream kernelIn = new PipedInputStream(64 * 1024);
        PipedOutputStream agentOut = new PipedOutputStream(kernelIn);
        forwarder = Thread.ofPlatform().daemon().start(() -> {
            try {
                ObjectOutputStream replyOut = new ObjectOutputStream(agentOut);
                replyOut.flush();
                Util.forwardExecutionControl(agent, new ObjectInputStream(agentIn), replyOut);
            } catch (IOException e) {
                agent.calls.add("forwarder failed: " + e);
            } finally {
                try {
                    agentOut.close(); // the kernel reads the end of the stream, as from an agent's closed socket
                } catch (IOException e) {
                    agent.calls.add("close failed: " + e);
                }
            }
        });
        replies = AgentReplyFilter.replies(new ObjectInputStream(kernelIn));
        jshell = new StreamingExecutionControl(out, replies);
    }

    @AfterEach
    void close() throws InterruptedException {
        jshell.close();
        forwarder.join(5_000);
    }

    private Optional<String> loadThenInvoke() throws Exception {
        return LoadThenInvoke.run(out, replies, CLASSES,
                () -> jshell.invoke("REPL.$JShell$netlabValue1", DirectRun.DO_IT));
    }

    @Test
    void bothCommandsLeaveTogetherAndTheInvokeAnswers() throws Exception {
        assertEquals(Optional.of("2"), loadThenInvoke());
        assertEquals(List.of("load REPL.$JShell$netlabValue1 with the invoke already sent",
                "invoke REPL.$JShell$netlabValue1.do_it$"), agent.calls);
        assertEquals("again", jshell.varValue("C", "again"), "the stream is in step after the exchange");
    }

    /**
     * An object stream keeps what it wrote and its reader what it read, so that an object written again goes as a
     * reference: without a reset, the classes of every snippet a session ran stayed in both JVMs. An array the agent
     * receives as the very one it received before shows the two streams remembered it. With no bytes allowed
     * between resets, every command forgets what the ones before it sent, JShell's own loads too.
     */
    @Test
    void theStreamsForgetTheClassesOnceSentJShellsOwnLoadsToo() throws Exception {
        KernelExecutionControl kernel = new KernelExecutionControl(new CommandOutput(stream, socket, 0), replies, null);
        assertEquals(Optional.of("2"), kernel.loadAndInvoke(CLASSES, CLASSES[0].name(), DirectRun.DO_IT, false));
        assertEquals(Optional.of("2"), kernel.loadAndInvoke(CLASSES, CLASSES[0].name(), DirectRun.DO_IT, false));
        kernel.load(CLASSES);
        kernel.load(CLASSES);
        assertEquals(4, agent.received.size());
        for (int i = 1; i < agent.received.size(); i++) {
            assertNotSame(agent.received.get(i - 1), agent.received.get(i), "load " + (i + 1) + " came as a reference");
        }
    }

    /** Under the limit the classes go again as a reference; a command past it forgets them in both JVMs. */
    @Test
    void theStreamsRememberWhatWasSentUntilTheLimit() throws Exception {
        KernelExecutionControl kernel = new KernelExecutionControl(out, replies, null);
        kernel.load(CLASSES);
        kernel.load(CLASSES);
        assertSame(agent.received.get(0), agent.received.get(1), "under the limit: a reference");
        kernel.load(new ExecutionControl.ClassBytecodes[] {new ExecutionControl.ClassBytecodes(
                "REPL.$JShell$netlabValue2", new byte[(int) CommandOutput.FORGET_AFTER_BYTES])});
        kernel.load(CLASSES);
        assertNotSame(agent.received.get(0), agent.received.get(3), "past the limit: the classes again");
    }

    @Test
    void aLoadThatFailedRanNothing() throws Exception {
        agent.loadFails = true;
        agent.classMissing = true;
        assertEquals(Optional.empty(), loadThenInvoke());
        assertEquals("again", jshell.varValue("C", "again"));
    }

    @Test
    void whatRanDespiteAFailedLoadIsWhatHappened() throws Exception {
        agent.loadFails = true;
        assertEquals(Optional.of("2"), loadThenInvoke());
    }

    @Test
    void whatTheCodeThrewReadsAsJShellReadsIt() throws Exception {
        agent.invokeThrows = true;
        ExecutionControl.UserException thrown = assertThrows(ExecutionControl.UserException.class,
                this::loadThenInvoke);
        assertEquals("java.lang.IllegalStateException", thrown.causeExceptionClass());
        assertEquals("no port", thrown.getMessage());
        assertEquals("again", jshell.varValue("C", "again"));
    }

    @Test
    void anAgentThatEndsAtTheLoadEndsTheExchange() {
        agent.loadEndsAgent = true;
        assertThrows(ExecutionControl.EngineTerminationException.class, this::loadThenInvoke);
    }

    /** The agent's side as the forwarder calls it: records calls, fails as a test asks. */
    private final class FakeAgent implements ExecutionControl {
        final List<String> calls = new ArrayList<>();
        final List<ClassBytecodes[]> received = new ArrayList<>();
        boolean loadFails;
        boolean classMissing;
        boolean invokeThrows;
        boolean loadEndsAgent;

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException, EngineTerminationException {
            String sent;
            try {
                // the invoke's ~50 bytes behind the load, not only the one of the reset's marker
                sent = agentIn.available() > 8 ? " with the invoke already sent" : " alone";
            } catch (IOException e) {
                sent = " (" + e + ")";
            }
            calls.add("load " + cbcs[0].name() + sent);
            received.add(cbcs);
            if (loadEndsAgent) {
                throw new EngineTerminationException("out of memory");
            }
            if (loadFails) {
                throw new ClassInstallException("load: bad class", new boolean[cbcs.length]);
            }
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, InternalException {
            calls.add("invoke " + className + "." + methodName);
            if (classMissing) {
                throw new InternalException("java.lang.ClassNotFoundException: " + className);
            }
            if (invokeThrows) {
                throw new UserException("no port", "java.lang.IllegalStateException", new StackTraceElement[0]);
            }
            return "2";
        }

        @Override
        public String varValue(String className, String varName) {
            return varName;
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
            throw new NotImplementedException("redefine");
        }

        @Override
        public void addToClasspath(String path) {
        }

        @Override
        public void stop() {
        }

        @Override
        public Object extensionCommand(String command, Object arg) throws NotImplementedException {
            throw new NotImplementedException(command);
        }

        @Override
        public void close() {
        }
    }
}
