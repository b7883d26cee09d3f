package netlab.agent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import netlab.display.Display;

/**
 * The agent JVM's entry point: {@code java netlab.agent.AgentMain <port>|unix:<path>}. Connects back to the
 * kernel (see {@link AgentProtocol}, {@link AgentLink}), wires the student's stdout, stderr, stdin and {@link Display} to the
 * connection, and serves JShell commands until the kernel closes it.
 */
public final class AgentMain {

    private static final long OUTPUT_FLUSH_DELAY_MILLIS = 5;

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java netlab.agent.AgentMain <kernel port>|unix:<socket path>");
            System.exit(2);
        }
        // "main" is the notebook's: cells run on a thread of that name (MainThread); this one forwards JShell's commands
        Thread.currentThread().setName("netlab-agent-main");
        String token = System.getenv().getOrDefault(AgentProtocol.TOKEN_ENV, "");
        AgentLink main = AgentLink.connect(args[0], AgentProtocol.ROLE_MAIN, token);
        AgentLink control = AgentLink.connect(args[0], AgentProtocol.ROLE_CONTROL, token);
        DataOutputStream notes = new DataOutputStream(new BufferedOutputStream(control.out()));
        installDeathNotes(notes);

        StopCheckWeaver.warmUpInBackground();
        AgentExecutionControl ec = new AgentExecutionControl(AgentMain::restoreStreams, AgentMain::flushStudentStreams);

        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put(AgentProtocol.STDOUT, st -> System.setOut(out = studentStream(st)));
        outputs.put(AgentProtocol.STDERR, st -> System.setErr(err = studentStream(st)));
        outputs.put(AgentProtocol.DISPLAY,
                st -> AgentHost.showOn(new AgentDisplaySink(st, AgentMain::flushStudentStreams)));
        outputs.put(AgentProtocol.UNCAUGHT, st -> uncaught = st);
        // the control server starts once the sync stream exists: EndCell answers behind a marker on it
        outputs.put(AgentProtocol.SYNC, st -> new ControlServer(control, notes, ec, st).start());
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put(AgentProtocol.STDIN, System::setIn);
        // System.exit in a cell: hand over what the student printed in its last milliseconds, and end even
        // when a hook of theirs does not
        ExitGuard.install(AgentMain::flushStudentStreams, note -> sendNote(notes, note));
        // JShell's multiplexer flushes after each write, in 127-byte packets, and its demultiplexer reads a
        // packet in four reads: buffered, that is one socket write per write and one read per burst (see
        // netlab.kernel.jshell.AgentExecutionProvider for what strace counted)
        Util.forwardExecutionControlAndIO(ec, new BufferedInputStream(main.in(), 8 * 1024),
                new BufferedOutputStream(main.out(), 8 * 1024), outputs, inputs);
        kernelGone();
    }

    /**
     * The kernel closed its connection, or died: nothing can reach the student any more. Ends the processes
     * the student's cells started before the agent ends, for a kernel killed by signal 9 (the system's
     * out-of-memory killer, {@code kill -9}) no longer ends them, and they would run on, holding their ports, on
     * a server shared by a class. Both connections' readers call it; the second waits for the first's halt.
     */
    static synchronized void kernelGone() {
        ProcessTree.end(ProcessHandle.current().children().toList());
        Runtime.getRuntime().halt(0);
    }

    private static volatile PrintStream out;
    private static volatile PrintStream err;
    /** Where a cell's thread's uncaught exception goes ({@link UncaughtFrames}), once the connection is up. */
    private static volatile OutputStream uncaught;

    /**
     * The student's stdout or stderr: capped per cell ({@link OutputBudget}); {@code close()} only flushes,
     * so {@code System.out.close()} in one cell does not silence the next.
     */
    private static PrintStream studentStream(OutputStream channel) {
        return new PrintStream(OutputBudget.capped(new LazyFlushingOutputStream(channel, OUTPUT_FLUSH_DELAY_MILLIS)),
                false, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                flush();
            }
        };
    }

    /** A cell may have called {@code System.setOut}, with null too: each cell starts and ends with the real streams. */
    private static void restoreStreams() {
        if (out != null && System.out != out) {
            System.setOut(out);
        }
        if (err != null && System.err != err) {
            System.setErr(err);
        }
    }

    /**
     * An Error escaping an agent thread (not a cell's: those are reported as the cell's exception) leaves
     * the agent unusable; say why on the control connection and exit, so the kernel restarts it. What a
     * thread a cell started throws and nobody catches goes to the kernel as data ({@link #reportUncaught}),
     * except the stop of an interrupted cell, which the cell's reply already says.
     */
    private static void installDeathNotes(DataOutputStream notes) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            boolean agentThread = thread.getName().startsWith("netlab-") || thread.getName().equals("output reader");
            if (agentThread && error instanceof VirtualMachineError) {
                sendNote(notes, error instanceof OutOfMemoryError ? AgentProtocol.NOTE_OUT_OF_MEMORY
                        : error.toString());
                Runtime.getRuntime().halt(70);
            }
            if (error instanceof CellStoppedError || reportUncaught(thread, error)) {
                return;
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            error.printStackTrace();
        });
    }

    /** Tells the kernel why the agent is about to die (an {@link AgentProtocol#OP_NOTE}). */
    private static void sendNote(DataOutputStream notes, String note) {
        try {
            synchronized (notes) {
                notes.writeByte(AgentProtocol.OP_NOTE);
                ControlCodec.writeString(notes, note);
                notes.flush();
            }
        } catch (Throwable ignored) {
            // dying anyway
        }
    }

    /** Hands over what the student printed; through netlab's streams, whatever the cell set System.out to. */
    private static void flushStudentStreams() {
        for (PrintStream stream : new PrintStream[] {out, err}) {
            if (stream != null) {
                stream.flush();
            }
        }
    }

    /**
     * Sends what {@code thread} threw to the kernel, after what the thread printed before, within the cell's
     * output budget (a report is sent whole or counted as dropped); false if there is no connection to send it on.
     */
    private static boolean reportUncaught(Thread thread, Throwable error) {
        OutputStream to = uncaught;
        if (to == null) {
            return false;
        }
        flushStudentStreams();
        try {
            byte[] frame = UncaughtFrames.encode(thread.getName(), error); // runs the exception's getMessage()
            if (OutputBudget.takeWhole(frame.length)) {
                synchronized (to) {
                    to.write(frame);
                    to.flush();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
