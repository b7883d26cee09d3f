package netlab.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;

/**
 * {@code execute_request}: the kernel's bookkeeping around {@link Engine#execute} (like xeus's
 * {@code xinterpreter::execute_request}): the execution count, {@code execute_input}, the result or error on
 * iopub, user expressions, history, and the reply. Runs on the shell thread only.
 */
final class ExecuteHandler {

    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    private final Engine engine;
    private final Messages messages;
    private final Transport transport;
    private final OutputStreams output;
    private final StdinBridge stdin;
    private final History history;
    private int executionCount;

    ExecuteHandler(Engine engine, Messages messages, Transport transport, OutputStreams output,
                   StdinBridge stdin, History history) {
        this.engine = engine;
        this.messages = messages;
        this.transport = transport;
        this.output = output;
        this.stdin = stdin;
        this.history = history;
    }

    /** What the dispatcher sends back, and whether queued executes must now be aborted. */
    record Result(Object reply, boolean abortQueued) {
    }

    Result execute(Message request) {
        JsonObject content = request.content();
        String code = Json.string(content, "code", "");
        boolean silent = Json.bool(content, "silent", false);
        boolean storeHistory = !silent && Json.bool(content, "store_history", true);
        boolean allowStdin = Json.bool(content, "allow_stdin", true);
        boolean stopOnError = Json.bool(content, "stop_on_error", true);

        if (storeHistory) {
            executionCount++;
        }
        int count = executionCount;
        output.startCell(request);
        if (!silent) {
            publish(request, "execute_input", new Content.ExecuteInput(code, count));
        }

        CellContext cell = new CellContext(request, storeHistory ? OptionalInt.of(count) : OptionalInt.empty(),
                allowStdin, output, stdin);
        ExecuteOutcome outcome = run(code, cell);
        output.flush(); // every byte of the cell's output goes out before its reply

        if (outcome instanceof ExecuteOutcome.Success(Optional<MimeBundle> result)) {
            if (!silent && result.isPresent()) {
                MimeBundle bundle = result.get();
                output.publishInOrder("execute_result",
                        new Content.ExecuteResult(count, bundle.data(), bundle.metadata()));
            }
            if (storeHistory) {
                history.add(count, code, result.map(MimeBundle::plainText).orElse(null));
            }
            // jupyter console leaves on this payload (JShell's /exit); notebooks ignore it
            List<Object> payload = cell.exitAsked() ? List.of(Map.of("source", "ask_exit", "keepkernel", false)) : List.of();
            return new Result(new Content.ExecuteOk("ok", count, userExpressions(Json.child(content, "user_expressions")),
                    payload), false);
        }
        Content.Error error = asError(outcome);
        output.publishInOrder("error", error.published());
        if (storeHistory) {
            history.add(count, code, null);
        }
        return new Result(new Content.ExecuteError(count, error), stopOnError && !silent);
    }

    /** The reply for an execute_request that was queued behind a failed cell and is not run. */
    Content.Aborted aborted() {
        return new Content.Aborted(executionCount);
    }

    private ExecuteOutcome run(String code, CellContext io) {
        try {
            return engine.execute(code, io);
        } catch (RuntimeException e) {
            ProtocolLog.LOG.log(Level.SEVERE, "the engine failed while running a cell", e);
            String why = Text.of("kernel.engine.failed", e);
            return new ExecuteOutcome.Failure("KernelError", why, List.of(RED + "KernelError: " + why + RESET));
        }
    }

    private Map<String, Object> userExpressions(JsonObject expressions) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : expressions.entrySet()) {
            String expression = entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString() : "";
            ExecuteOutcome outcome;
            try {
                outcome = engine.evaluate(expression);
            } catch (RuntimeException e) {
                outcome = new ExecuteOutcome.Failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                        List.of(e.toString()));
            }
            values.put(entry.getKey(), outcome instanceof ExecuteOutcome.Success(Optional<MimeBundle> result)
                    ? new Content.UserExpressionValue(result.orElse(MimeBundle.text("")))
                    : asError(outcome));
        }
        return values;
    }

    static Content.Error asError(ExecuteOutcome outcome) {
        return switch (outcome) {
            case ExecuteOutcome.Failure f -> new Content.Error(f.ename(), f.evalue(), f.traceback());
            case ExecuteOutcome.Interrupted i -> oneLiner("Interrupted", i.message());
            case ExecuteOutcome.EngineRestarted r -> oneLiner("EngineRestarted", r.message());
            case ExecuteOutcome.Success s -> throw new IllegalArgumentException("a success is not an error");
        };
    }

    private static Content.Error oneLiner(String ename, String message) {
        return new Content.Error(ename, message, List.of(RED + ename + ": " + message + RESET));
    }

    private void publish(Message parent, String type, Object content) {
        transport.send(Transport.Channel.IOPUB, messages.publish(parent, type, content));
    }
}
