package netlab.kernel.jshell;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;

/**
 * JShell as it comes: its stock JDI remote engine, one snippet at a time, no restart, no display channel.
 * It exists only as the baseline of the kernel benchmark ({@code netlab kernel --engine=jdi}), so the figures
 * compare netlab's agent with what plain JShell gives through the very same protocol layer.
 */
public final class JdiBaselineEngine implements Engine {

    private final JShell shell;
    private final CodeAssist assist;
    private volatile CellIO io = CellOutput.DISCARD;

    private JdiBaselineEngine(EngineOptions options) {
        shell = JShell.builder()
                .executionEngine("jdi")
                .out(new PrintStream(forward(CellIO::stdout), true, StandardCharsets.UTF_8))
                .err(new PrintStream(forward(CellIO::stderr), true, StandardCharsets.UTF_8))
                .in(new ByteArrayInputStream(new byte[0]))
                .compilerOptions("--class-path", options.studentClasspathString())
                .remoteVMOptions("--class-path", options.agentClasspathString(), "-Xmx" + options.heap())
                .build();
        assist = new CodeAssist(shell, LessonsJavadoc.on(options.studentClasspath()), options::language);
        for (String snippet : options.startup()) {
            shell.eval(snippet);
        }
    }

    /** Starts JShell's default engine with the class paths and startup snippets of {@code options}. */
    public static JdiBaselineEngine start(EngineOptions options) {
        return new JdiBaselineEngine(options);
    }

    private OutputStream forward(java.util.function.BiConsumer<CellIO, String> sink) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.accept(io, new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
    }

    /** The benchmark's baseline has no time limits: it measures JShell's stock engine, not netlab's. */
    @Override
    public ExecuteOutcome execute(String code, CellIO cellIO, java.time.Duration timeLimit) {
        throw new UnsupportedOperationException("the JDI baseline engine has no time limits");
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO cellIO) {
        io = cellIO;
        assist.forgetSignatures();
        try {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = code;
            Optional<MimeBundle> last = Optional.empty();
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                String source = info.completeness().isComplete() ? info.source() : remaining;
                remaining = info.completeness().isComplete() ? info.remaining() : "";
                last = Optional.empty();
                for (SnippetEvent event : shell.eval(source)) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        String message = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null))
                                .findFirst().orElse("does not compile");
                        return new ExecuteOutcome.Failure("CompilationError", message, List.of(message));
                    }
                    if (event.exception() != null) {
                        Throwable e = event.exception();
                        String name = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
                        return new ExecuteOutcome.Failure(name, String.valueOf(e.getMessage()),
                                List.of(name + ": " + e.getMessage()));
                    }
                    if (event.value() != null && event.snippet().kind() == Snippet.Kind.EXPRESSION
                            || event.value() != null && event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                        last = Optional.of(MimeBundle.text(event.value()));
                    }
                }
            }
            return new ExecuteOutcome.Success(code.strip().endsWith(";") ? Optional.empty() : last);
        } finally {
            io = CellOutput.DISCARD;
        }
    }

    @Override
    public Completion complete(String code, int cursor) {
        return assist.complete(code, cursor);
    }

    @Override
    public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
        return assist.inspect(code, cursor, detailLevel);
    }

    @Override
    public IsComplete isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public ExecuteOutcome evaluate(String expression) {
        return execute(expression, CellOutput.DISCARD);
    }

    @Override
    public void interrupt() {
        shell.stop();
    }

    /** Ready once constructed: {@link #start} returns after JShell and its JVM have started. */
    @Override
    public void awaitReady(java.time.Duration limit) {
    }

    @Override
    public LanguageFacts languageFacts() {
        return new LanguageFacts("java", System.getProperty("java.version"), "text/x-java-source", ".jshell",
                "java", "java", "JShell (JDI engine) — benchmark baseline", List.of());
    }

    @Override
    public void close() {
        shell.close();
    }
}
