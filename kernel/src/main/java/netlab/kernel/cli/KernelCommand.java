package netlab.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.kernel.engine.Engine;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;
import netlab.kernel.jshell.JdiBaselineEngine;
import netlab.kernel.protocol.KernelServer;
import netlab.text.Lang;

/**
 * {@code netlab kernel CONNECTION_FILE}: what Jupyter runs (kernel.json's argv). Wires the JShell engine to
 * the protocol layer and blocks until a shutdown request.
 */
final class KernelCommand implements Command {

    /** The environment the composition root ({@link Main}) read once. */
    private final java.util.Map<String, String> env;

    KernelCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    /** What every notebook can use without an import: the course library and the display helpers. */
    static final List<String> PRELOAD = List.of(
            "import netlab.display.*;",
            "import netlab.ip.*;",
            "import netlab.net.*;",
            "import netlab.tftp.*;",
            "import netlab.course.Check;",
            "import java.time.Duration;");

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public String summary() {
        return "run the Jupyter kernel (Jupyter starts this; see kernel.json)";
    }

    @Override
    public String usage() {
        return """
                usage: netlab kernel [--agent-option OPT]... [--engine netlab|jdi] CONNECTION_FILE
                       netlab kernel --train [--agent-cache FILE] [--agent-option OPT]...
                  CONNECTION_FILE    the JSON file Jupyter writes with the ports and the signing key
                  --train            run a short session without Jupyter and exit (install runs this to
                                     make the kernel's class archive)
                  --agent-cache FILE with --train: also make the agent JVM's class archive FILE
                  --agent-option OPT option for the JVM that runs student code, e.g. -Xmx1g (repeatable)
                  --engine jdi       run snippets with JShell's stock JDI engine instead of netlab's agent
                                     (the kernel benchmark's baseline; no restart, no display, slow)
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("train"), Set.of("agent-option", "engine", "agent-cache"));
        if (args.has("train")) {
            if (!args.positionals().isEmpty()) {
                throw new UsageException("--train runs without Jupyter and takes no connection file, but got "
                        + args.positionals());
            }
            ClassArchive.train(engineOptions(args.values("agent-option")),
                    args.has("agent-cache") ? Path.of(args.value("agent-cache", "")) : null, err);
            return 0;
        }
        if (args.positionals().size() != 1) {
            throw new UsageException("expected one connection file, got " + args.positionals().size() + " arguments");
        }
        // this JVM serves one notebook: its language is this JVM's too (magics' usage lines)
        Lang language = StartLanguage.of(env, Path.of("").toAbsolutePath());
        Lang.use(language);
        EngineOptions options = engineOptions(args.values("agent-option")).toBuilder().language(language)
                .cellLimitsFrom(env).build();
        String kind = args.value("engine", "netlab");
        Engine engine = switch (kind) {
            case "netlab" -> JShellEngine.startInBackground(options);
            case "jdi" -> JdiBaselineEngine.start(options);
            default -> throw new UsageException("--engine must be netlab or jdi, not '" + kind + "'");
        };
        KernelServer server = KernelServer.start(Path.of(args.positionals().getFirst()),
                IdleMemoryReturn.ofThisJvm(engine));
        server.interruptOnSigint();
        server.awaitShutdown();
        return 0;
    }

    /** The agent's heap comes from an -Xmx among the agent options, else the engine's default (512 MB). */
    static EngineOptions engineOptions(List<String> agentOptions) {
        EngineOptions.Builder builder = EngineOptions.defaults().toBuilder().startup(PRELOAD);
        List<String> rest = new ArrayList<>();
        for (String option : agentOptions) {
            if (option.startsWith("-Xmx")) {
                builder.heap(option.substring(4));
            } else {
                rest.add(option);
            }
        }
        return builder.jvmOptions(rest).build();
    }
}
