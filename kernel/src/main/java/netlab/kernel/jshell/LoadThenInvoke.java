package netlab.kernel.jshell;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.util.Optional;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;
import jdk.jshell.spi.ExecutionControl.RunException;

/**
 * A class load and the invoke after it, sent to the agent as one exchange. JShell's streaming protocol answers
 * each command before the next is written: the agent's forwarder sat idle while its answer to the load crossed to
 * the kernel, the kernel's thread woke to read it and wrote the invoke, and the agent's threads woke again to read
 * that. Written back to back, both commands leave in one socket write ({@link CommandOutput}) and the agent runs
 * the invoke as soon as the load is done; the kernel reads the two replies in turn. Measured (the kernel's time
 * from the load's write to the invoke's reply, {@code 1 + 1} in a fresh kernel, means per 100 cells, two kernels
 * each): cells 1-100 3.9-4.0 against 4.4-4.8 ms, cells 101-200 2.5-2.6 against 3.0-3.5 ms, cells 201-300 2.1-2.3
 * against 2.4-2.6 ms.
 *
 * <p>The load is written as {@code StreamingExecutionControl.load} writes one (JShell's command prefix, the
 * command's name, the classes as one object) and its reply read as JShell reads one (a status, then what
 * {@code ExecutionControlForwarder} writes for it); {@code LoadThenInvokeTest} holds both to the JDK's own classes.
 * The invoke is JShell's own call, which writes the command and reads its reply however it ended.
 *
 * <p>When the load fails, the agent still runs the invoke that follows it. The class it names is then missing,
 * or, if only a class it uses failed, the code runs and fails where it uses it: either way what the invoke
 * answers is what happened, and nothing ran twice.
 */
final class LoadThenInvoke {

    // jdk.jshell.execution.RemoteCodes: the JDK's, package-private
    private static final int COMMAND_PREFIX = 0xC03DC03D;
    private static final String CMD_LOAD = "CMD_LOAD";
    private static final int RESULT_SUCCESS = 100;
    private static final int RESULT_TERMINATED = 101;
    private static final int RESULT_NOT_IMPLEMENTED = 102;
    private static final int RESULT_INTERNAL_PROBLEM = 103;
    private static final int RESULT_CLASS_INSTALL_EXCEPTION = 106;

    /** The invoke JShell sends: its own {@code invoke(className, methodName)}. */
    @FunctionalInterface
    interface Invoke {
        String run() throws RunException, EngineTerminationException, InternalException;
    }

    private LoadThenInvoke() {
    }

    /**
     * Loads {@code classes} and runs {@code invoke} on the command stream {@code out}, whose replies
     * {@code replies} reads.
     *
     * @return what the invoke answered; empty when the load failed and nothing of it ran
     */
    static Optional<String> run(ObjectOutput out, AgentReplyFilter.Replies replies, ClassBytecodes[] classes,
            Invoke invoke) throws RunException, EngineTerminationException, InternalException {
        try {
            out.writeInt(COMMAND_PREFIX);
            out.writeUTF(CMD_LOAD);
            out.writeObject(classes); // not flushed: the invoke's flush sends both
        } catch (IOException e) {
            throw new EngineTerminationException("the agent's connection failed: " + e);
        }
        LoadReply load = new LoadReply();
        replies.beforeNextReply(load::read);
        try {
            return Optional.of(invoke.run());
        } catch (InternalException e) {
            if (load.failed) {
                return Optional.empty(); // the class was not there to run
            }
            throw e;
        }
    }

    /** The agent's reply to a load: success, or a failure whose words are read past. */
    private static final class LoadReply {
        boolean failed;

        void read(ObjectInputStream in) throws IOException {
            int status = in.readInt();
            switch (status) {
                case RESULT_SUCCESS -> { }
                case RESULT_TERMINATED, RESULT_NOT_IMPLEMENTED, RESULT_INTERNAL_PROBLEM -> {
                    failed = true;
                    in.readUTF();
                }
                case RESULT_CLASS_INSTALL_EXCEPTION -> {
                    failed = true;
                    in.readUTF();
                    try {
                        in.readObject(); // which classes were installed
                    } catch (ClassNotFoundException e) {
                        throw new IOException(e);
                    }
                }
                default -> throw new IOException("the agent answered a load with status " + status);
            }
        }
    }
}
