package netlab.kernel.protocol;

import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine the tests control. A cell is lines of commands: {@code print T}, {@code err T}, {@code value T},
 * {@code fail}, {@code block} (until interrupted), {@code gate} (until the test opens it), {@code input P},
 * {@code input-zh P} (read by a student of Chinese), {@code spam N}, {@code display ID}, {@code update ID},
 * {@code clear}, {@code later T} (prints T from a background thread once {@link #releaseLater} is called),
 * {@code number} (records the run's execution count as the engine is given it), {@code restart}, {@code throw}.
 */
final class FakeEngine implements Engine {

    final List<String> executed = new CopyOnWriteArrayList<>();
    /** What {@code number} saw: the execution count each such run was given. */
    final List<OptionalInt> numbers = new CopyOnWriteArrayList<>();
    final AtomicInteger interrupts = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final Semaphore gate = new Semaphore(0);
    final CountDownLatch blocking = new CountDownLatch(1);
    private final CountDownLatch later = new CountDownLatch(1);
    private volatile CountDownLatch interrupted = new CountDownLatch(1);
    volatile RuntimeException completeFailure;
    /** Counted down when the engine has "finished starting"; a test replaces it to hold the start back. */
    volatile CountDownLatch started = new CountDownLatch(0);

    @Override
    public ExecuteOutcome execute(String code, CellIO io, java.time.Duration timeLimit) {
        throw new UnsupportedOperationException("the protocol layer never sets a time limit");
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        executed.add(code);
        interrupted = new CountDownLatch(1);
        ExecuteOutcome outcome = ExecuteOutcome.Success.empty();
        for (String line : code.lines().toList()) {
            String command = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
            String argument = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
            switch (command) {
                case "print" -> io.stdout(argument + "\n");
                case "err" -> io.stderr(argument + "\n");
                case "value" -> outcome = new ExecuteOutcome.Success(Optional.of(MimeBundle.text(argument)));
                case "fail" -> {
                    return new ExecuteOutcome.Failure("BoomError", "boom", List.of("BoomError: boom", "  at line 1"));
                }
                case "restart" -> {
                    return new ExecuteOutcome.EngineRestarted("The agent died; variables were reset.");
                }
                case "throw" -> throw new IllegalStateException("engine bug");
                case "block" -> {
                    blocking.countDown();
                    if (await(interrupted)) {
                        return new ExecuteOutcome.Interrupted("stopped the loop");
                    }
                }
                case "gate" -> acquire();
                case "spam" -> {
                    for (int i = 0; i < Integer.parseInt(argument); i++) {
                        io.stdout(i % 10 == 9 ? "x\n" : "x");
                    }
                }
                case "input" -> {
                    try {
                        io.stdout("got " + io.readLine(argument, false) + "\n");
                    } catch (CellIO.StdinUnavailableException e) {
                        return new ExecuteOutcome.Failure("StdinUnavailable", e.getMessage(), List.of(e.getMessage()));
                    }
                }
                case "input-zh" -> { // a cell whose student reads Chinese (%lang zh), in a JVM that started in English
                    try {
                        io.stdout("got " + Lang.readBy(() -> Lang.ZH, () -> io.readLine(argument, false)) + "\n");
                    } catch (CellIO.StdinUnavailableException e) {
                        return new ExecuteOutcome.Failure("StdinUnavailable", e.getMessage(), List.of(e.getMessage()));
                    }
                }
                case "number" -> numbers.add(io.executionCount());
                case "display" -> io.display(MimeBundle.text("shown " + argument), argument, false);
                case "update" -> io.display(MimeBundle.text("updated " + argument), argument, true);
                case "clear" -> io.clearOutput(true);
                case "later" -> Thread.ofPlatform().start(() -> {
                    await(later);
                    io.stdout(argument);
                });
                default -> throw new IllegalArgumentException("FakeEngine does not know '" + command + "'");
            }
        }
        return outcome;
    }

    void releaseLater() {
        later.countDown();
    }

    @Override
    public Completion complete(String code, int cursor) {
        if (completeFailure != null) {
            throw completeFailure;
        }
        return new Completion(cursor - 3, cursor, List.of(
                new Completion.Match("println", "method", "void println(String)"),
                new Completion.Match("printf", "method", null)));
    }

    @Override
    public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
        return code.startsWith("known") ? Optional.of(MimeBundle.text("docs of " + code + " at " + cursor))
                : Optional.empty();
    }

    @Override
    public IsComplete isComplete(String code) {
        return switch (code) {
            case "for (;;) {" -> new IsComplete(IsComplete.Status.INCOMPLETE, "    ");
            case "int x = ;" -> IsComplete.of(IsComplete.Status.INVALID);
            case "???" -> IsComplete.of(IsComplete.Status.UNKNOWN);
            default -> IsComplete.of(IsComplete.Status.COMPLETE);
        };
    }

    @Override
    public ExecuteOutcome evaluate(String expression) {
        return expression.equals("boom")
                ? new ExecuteOutcome.Failure("BoomError", "cannot evaluate boom", List.of("BoomError"))
                : new ExecuteOutcome.Success(Optional.of(MimeBundle.text(expression.toUpperCase())));
    }

    @Override
    public void interrupt() {
        interrupts.incrementAndGet();
        interrupted.countDown();
    }

    @Override
    public void awaitReady(java.time.Duration limit) {
        try {
            started.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public LanguageFacts languageFacts() {
        return new LanguageFacts("java", "25", "text/x-java", ".jshell", "text/x-java", "java",
                "fake engine banner", List.of(new LanguageFacts.HelpLink("JDK docs", "https://docs.oracle.com")));
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        interrupted.countDown();
    }

    private void acquire() {
        try {
            if (!gate.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
