package netlab.agent;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes {@code System.exit} in a cell end the agent even when one of the student's shutdown hooks never returns
 * ({@code Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (true) {} }))}): the JVM waits for every
 * hook before it halts, so the cell, and every cell queued behind it, would wait until the student pressed stop.
 * The agent's own hook hands over what the cell printed and has what the student's hooks print handed over as
 * it is written; should they still run after {@link AgentProtocol#EXIT_GRACE}, a daemon thread tells the kernel
 * why ({@link AgentProtocol#NOTE_EXIT_HOOK_STUCK}) and halts. When the hooks finish first, the JVM ends with the
 * status the cell gave it, and the daemon thread with it.
 */
final class ExitGuard {

    /** The status of an exit the guard had to force; the kernel words it by the note, not by this number. */
    static final int FORCED_STATUS = 71;

    private ExitGuard() {
    }

    /**
     * Registers the agent's shutdown hook: {@code flush} hands over the student's output, {@code note} reaches the
     * kernel.
     */
    static void install(Runnable flush, Consumer<String> note) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LazyFlushingOutputStream.flushEveryWrite();
            flush.run();
            Thread.ofPlatform().daemon().name("netlab-exit-guard").start(() -> guard(note));
        }, "netlab-flush-on-exit"));
    }

    private static void guard(Consumer<String> note) {
        try {
            TimeUnit.NANOSECONDS.sleep(AgentProtocol.EXIT_GRACE.toNanos());
        } catch (InterruptedException e) {
            // nobody interrupts this thread; halting now is what it is for either way
        }
        note.accept(AgentProtocol.NOTE_EXIT_HOOK_STUCK);
        Runtime.getRuntime().halt(FORCED_STATUS);
    }
}
