package netlab.kernel.jshell;

import java.util.Optional;
import java.util.function.Supplier;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;
import netlab.agent.UncaughtFrames;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Words what a thread that a cell started threw and nobody caught (the agent sends it as {@link UncaughtFrames})
 * as the cell's own exception reads: a line naming the thread, then the same traceback, with the sentence for
 * the exception in the student's language and the frames at the cells' lines.
 *
 * <pre>{@code
 * // new Thread(() -> { String s = null; s.length(); }).start();
 * // zh: 线程 “Thread-0” 因为一个没有被捕获的异常结束了：
 * //     java.lang.NullPointerException: 这个值是 null……
 * //       Cannot invoke "String.length()" because "s" is null
 * //         at lambda (单元格第 1 行)
 * }</pre>
 *
 * <p>It runs on the thread that reads the agent's output, which may be while the shell thread compiles the next
 * cell. The frames of JShell's wrapper classes are translated by JShell's own code, as a cell's exception is; it
 * reads JShell's map of wrapper classes, which the shell thread writes while compiling: a lookup that meets a
 * write can miss (that frame then counts as a library frame), and the map is not changed by it.
 */
final class ThreadFailures {

    /** JShell's members it needs, looked up once per JVM (a grading JVM starts an engine per student). */
    private static final Optional<JShellInternals.Results> RESULTS = results();

    private final Supplier<Session> session;
    private final SnippetOrigins origins;
    private final SessionLanguage language;

    /** {@code session}: the ready session, or null while none is. */
    ThreadFailures(Supplier<Session> session, SnippetOrigins origins, SessionLanguage language) {
        this.session = session;
        this.origins = origins;
        this.language = language;
    }

    private static Optional<JShellInternals.Results> results() {
        try {
            return Optional.of(new JShellInternals.Results());
        } catch (ReflectiveOperationException | RuntimeException e) {
            EngineLog.ENGINE.log(System.Logger.Level.INFO, "threads' exceptions keep the JVM's frames: " + e);
            return Optional.empty();
        }
    }

    /** What {@code report} says, as text for the stderr of cell number {@code cell}, the one running or last run. */
    String describe(UncaughtFrames.Report report, long cell) {
        Lang lang = language.get();
        String head = report.thread().isEmpty() ? Text.in(lang, "kernel.thread.uncaught.unnamed")
                : Text.in(lang, "kernel.thread.uncaught", report.thread());
        return head + "\n" + String.join("\n", translated(report)
                .map(e -> ErrorReports.runtimeError(e, origins, cell, lang).traceback())
                .orElseGet(() -> report.chain().stream().map(t -> t.className() + t.message().map(m -> ": " + m)
                        .orElse("")).toList())) + "\n";
    }

    /** The report as JShell reports a cell's exception, its frames at snippets; empty if that cannot be done. */
    private Optional<JShellException> translated(UncaughtFrames.Report report) {
        Session s = session.get();
        if (s == null || RESULTS.isEmpty() || report.chain().isEmpty()) {
            return Optional.empty();
        }
        ExecutionControl.UserException first = null;
        ExecutionControl.UserException last = null;
        for (UncaughtFrames.Thrown t : report.chain()) {
            ExecutionControl.UserException e = new ExecutionControl.UserException(t.message().orElse(null),
                    t.className(), s.pieces().placed(t.frames().toArray(StackTraceElement[]::new)));
            if (first == null) {
                first = e;
            } else {
                last.initCause(e);
            }
            last = e;
        }
        try {
            return Optional.of(RESULTS.get().exception(s.shell(), first));
        } catch (ReflectiveOperationException | RuntimeException e) {
            EngineLog.ENGINE.log(System.Logger.Level.INFO, "a thread's exception kept the JVM's frames: " + e);
            return Optional.empty();
        }
    }
}
