package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.Engine;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;
import netlab.kernel.protocol.Transport.Channel;

import static java.util.Map.entry;

/**
 * Receives every request, wraps it in busy/idle status and answers it through a dispatch table. Every
 * request gets a reply; a failure is an error reply, never a dead thread. Knows nothing of Java: it calls
 * {@link Engine}.
 */
final class KernelCore implements Transport.Receiver {

    /** What a handler answers: reply content (null for none) and what to do once idle has been published. */
    record Reply(Object content, Runnable afterIdle) {
        static final Reply NONE = new Reply(null, null);

        static Reply of(Object content) {
            return new Reply(content, null);
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Message request);
    }

    /**
     * How long kernel_info on the shell channel waits for the engine to finish starting. Front ends take its
     * reply for "ready": JupyterLab shows the kernel idle, nbclient and jupyter_client's wait_for_ready send the
     * first cell at once. Answered before the engine had started, that cell waited for the rest of the start
     * and then ran cold ({@code bench/kernel-bench}, medians of 5 kernels, quiet machine: kernel_info 489 ms
     * after launch, then the first cell 327 ms; waiting for the start, 646 ms and then 32 ms; ipykernel 855 and
     * 14 ms). Bounded well under the clients' own patience (60 s in jupyter_client and nbclient), for a server
     * where a whole class starts at once: past it the reply goes out and the first cell waits for the rest.
     * kernel_info on the control channel never waits: control stays responsive.
     */
    static final Duration READY_WAIT = Duration.ofSeconds(10);

    private final Engine engine;
    private final Transport transport;
    private final Messages messages;
    private final OutputStreams output;
    private final StdinBridge stdin;
    private final History history = new History();
    private final ExecuteHandler execute;
    private final Runnable shutdown;
    private final String implementationVersion;
    private final Map<String, Handler> shell;
    private final Map<String, Handler> control;

    /** {@code shutdown} runs once a shutdown_request has been answered. */
    KernelCore(Engine engine, Transport transport, Messages messages, Runnable shutdown) {
        this.engine = engine;
        this.transport = transport;
        this.messages = messages;
        this.output = new OutputStreams(transport, messages);
        this.stdin = new StdinBridge(transport, messages);
        this.execute = new ExecuteHandler(engine, messages, transport, output, stdin, history);
        this.shutdown = shutdown;
        String version = KernelCore.class.getPackage().getImplementationVersion();
        this.implementationVersion = version == null ? "dev" : version;

        // Engine calls (execute, complete, …) only ever happen on the shell thread; control stays responsive.
        shell = Map.ofEntries(
                entry("execute_request", this::execute),
                entry("kernel_info_request", request -> {
                    // made while the engine starts, not after: from ready to the reply sent 1.8-2.2 against 4.3-7 ms
                    JsonObject info = Json.object(kernelInfo());
                    engine.awaitReady(READY_WAIT);
                    return Reply.of(info);
                }),
                entry("complete_request", this::complete),
                entry("inspect_request", this::inspect),
                entry("is_complete_request", this::isComplete),
                entry("history_request", request -> Reply.of(history.answer(request.content()))),
                entry("comm_info_request", request -> Reply.of(new Content.CommInfo("ok", Map.of()))),
                entry("comm_open", this::commOpen),
                entry("comm_msg", this::ignoreComm),
                entry("comm_close", this::ignoreComm),
                entry("shutdown_request", this::shutdown));
        control = Map.ofEntries(
                entry("kernel_info_request", request -> Reply.of(kernelInfo())),
                entry("interrupt_request", this::interrupt),
                entry("shutdown_request", this::shutdown),
                entry("debug_request", request -> Reply.of(Content.Error.of("DebuggerUnsupported",
                        "netlab has no debugger; kernel_info_reply says debugger: false."))));
    }

    OutputStreams output() {
        return output;
    }

    /** Stops the running cell and any wait for input (interrupt_request, SIGINT). */
    void interrupt() {
        stdin.cancel(netlab.text.Message.of("kernel.stdin.interrupted"));
        engine.interrupt();
    }

    /** Cancels a wait for input and publishes pending output; used on shutdown. */
    void stop() {
        stdin.cancel(netlab.text.Message.of("kernel.stdin.shutdown"));
        output.close();
    }

    void announceStarting() {
        transport.send(Channel.IOPUB, messages.publish(null, "status", new Content.Status("starting")));
    }

    @Override
    public void receive(Channel channel, Message request) {
        if (channel == Channel.STDIN) {
            if (request.type().equals("input_reply")) {
                stdin.onReply(request);
            } else {
                ProtocolLog.LOG.warning(() -> "ignored a " + request.type()
                        + " on stdin; only input_reply belongs there");
            }
            return;
        }
        publishStatus("busy", request);
        Reply reply = answer(channel == Channel.CONTROL ? control : shell, channel, request);
        if (reply.content() != null) {
            transport.send(channel, messages.reply(request, replyType(request.type()), reply.content()));
        }
        publishStatus("idle", request);
        if (reply.afterIdle() != null) {
            reply.afterIdle().run();
        }
    }

    private Reply answer(Map<String, Handler> table, Channel channel, Message request) {
        String type = request.type();
        boolean isRequest = type.endsWith("_request");
        if (request.malformed() != null) {
            ProtocolLog.LOG.warning(() -> "malformed " + type + " on " + channel + ": " + request.malformed());
            return isRequest ? Reply.of(Content.Error.of("BadRequest", "The " + type + " could not be read: "
                    + request.malformed())) : Reply.NONE;
        }
        Handler handler = table.get(type);
        if (handler == null) {
            ProtocolLog.LOG.warning(() -> "unknown message type '" + type + "' on " + channel + "; known here: "
                    + table.keySet().stream().sorted().toList());
            return isRequest ? Reply.of(Content.Error.of("UnknownMessageType", "netlab does not handle "
                    + type + " on the " + channel.name().toLowerCase() + " channel.")) : Reply.NONE;
        }
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            ProtocolLog.LOG.log(Level.SEVERE, "handler for " + type + " failed", e);
            return isRequest ? Reply.of(Content.Error.of(e.getClass().getSimpleName(), String.valueOf(e.getMessage())))
                    : Reply.NONE;
        }
    }

    private Reply execute(Message request) {
        if (!Json.isString(request.content(), "code")) { // the spec's one required field: nothing to run, or to count
            return Reply.of(Content.Error.of("BadRequest", "The execute_request has no code to run: its content"
                    + " needs \"code\" as a string."));
        }
        ExecuteHandler.Result result = execute.execute(request);
        if (!result.abortQueued()) {
            return Reply.of(result.reply());
        }
        // Taken before the error reply leaves: anything pending now was sent before the front end could
        // know the cell failed. A request sent after the reply is never aborted.
        List<Message> queued = new ArrayList<>();
        for (Optional<Message> next = transport.pollShell(); next.isPresent(); next = transport.pollShell()) {
            queued.add(next.get());
        }
        return new Reply(result.reply(), () -> answerQueued(queued));
    }

    /**
     * After a failed cell with stop_on_error: executes that were waiting are answered "aborted" without
     * running; other requests that were waiting are answered normally, in order (ipykernel's _abort_queues).
     */
    private void answerQueued(List<Message> queued) {
        for (Message message : queued) {
            if (message.type().equals("execute_request")) {
                ProtocolLog.LOG.info(() -> "aborting queued execute_request " + message.id() + " after an error");
                publishStatus("busy", message);
                transport.send(Channel.SHELL, messages.reply(message, "execute_reply", execute.aborted()));
                publishStatus("idle", message);
            } else {
                receive(Channel.SHELL, message);
            }
        }
    }

    private Content.KernelInfo kernelInfo() {
        LanguageFacts facts = engine.languageFacts();
        return new Content.KernelInfo("ok", Messages.PROTOCOL_VERSION, "netlab", implementationVersion,
                new Content.LanguageInfo(facts.name(), facts.version(), facts.mimetype(), facts.fileExtension(),
                        facts.codemirrorMode(), facts.pygmentsLexer()),
                facts.banner(), facts.helpLinks(), false);
    }

    private Reply complete(Message request) {
        String code = Json.string(request.content(), "code", "");
        int cursor = cursor(request, code);
        Completion completion = engine.complete(code, cursor);
        List<Content.TypedMatch> typed = completion.matches().stream()
                .map(m -> new Content.TypedMatch(completion.cursorStart(), completion.cursorEnd(), m.text(),
                        m.type(), m.signature() == null ? "" : m.signature()))
                .toList();
        return Reply.of(new Content.Complete("ok", completion.matches().stream().map(Completion.Match::text).toList(),
                completion.cursorStart(), completion.cursorEnd(), Map.of("_jupyter_types_experimental", typed)));
    }

    private Reply inspect(Message request) {
        String code = Json.string(request.content(), "code", "");
        int cursor = cursor(request, code);
        Optional<MimeBundle> found = engine.inspect(code, cursor, Json.integer(request.content(), "detail_level", 0));
        return Reply.of(new Content.Inspect("ok", found.isPresent(),
                found.map(MimeBundle::data).orElse(Map.of()), found.map(MimeBundle::metadata).orElse(Map.of())));
    }

    /** The request's {@code cursor_pos} within {@code code} (in code points; its end when absent or out of range). */
    private static int cursor(Message request, String code) {
        int length = code.codePointCount(0, code.length());
        return Math.clamp(Json.integer(request.content(), "cursor_pos", length), 0, length);
    }

    private Reply isComplete(Message request) {
        IsComplete answer = engine.isComplete(Json.string(request.content(), "code", ""));
        return Reply.of(new Content.IsComplete(answer.status().wire(),
                answer.status() == IsComplete.Status.INCOMPLETE ? answer.indent() : null));
    }

    /** No comm targets exist yet: a comm a front end opens is closed at once, as the protocol asks. */
    private Reply commOpen(Message request) {
        String target = Json.string(request.content(), "target_name", "");
        ProtocolLog.LOG.info(() -> "closing comm for unknown target '" + target + "'");
        transport.send(Channel.IOPUB, messages.publish(request, "comm_close",
                new Content.CommClose(Json.string(request.content(), "comm_id", ""), Map.of())));
        return Reply.NONE;
    }

    private Reply ignoreComm(Message request) {
        ProtocolLog.LOG.fine(() -> "ignored " + request.type() + " for comm "
                + Json.string(request.content(), "comm_id", ""));
        return Reply.NONE;
    }

    private Reply interrupt(Message request) {
        interrupt();
        return Reply.of(Content.Ok.INSTANCE);
    }

    private Reply shutdown(Message request) {
        boolean restart = Json.bool(request.content(), "restart", false);
        return new Reply(new Content.Shutdown("ok", restart), shutdown);
    }

    private void publishStatus(String state, Message parent) {
        transport.send(Channel.IOPUB, messages.publish(parent, "status", new Content.Status(state)));
    }

    private static String replyType(String requestType) {
        return requestType.endsWith("_request")
                ? requestType.substring(0, requestType.length() - "_request".length()) + "_reply"
                : requestType + "_reply";
    }
}
