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
import netlab.text.Text;

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
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("train"), Set.of("agent-option", "engine", "agent-cache"));
        // read in the AOT cache's training run too, so the cache holds what a kernel's start runs before its session
        Lang language = StartLanguage.of(env, Path.of("").toAbsolutePath());
        if (args.has("train")) {
            if (!args.positionals().isEmpty()) {
                throw new UsageException(Text.of("teacher.kernel.train-alone", args.positionals()));
            }
            ClassArchive.train(engineOptions(args.values("agent-option")).toBuilder().language(language).build(),
                    args.has("agent-cache") ? Path.of(args.value("agent-cache", "")) : null, err);
            return 0;
        }
        if (args.positionals().size() != 1) {
            throw new UsageException(Text.of("teacher.kernel.one-file", args.positionals().size()));
        }
        // this JVM serves one notebook: its language is this JVM's too (magics' usage lines)
        Lang.use(language);
        EngineOptions options = engineOptions(args.values("agent-option")).toBuilder().language(language)
                .cellLimitsFrom(env).build();
        String kind = args.value("engine", "netlab");
        Engine engine = switch (kind) {
            case "netlab" -> JShellEngine.startInBackground(options);
            case "jdi" -> JdiBaselineEngine.start(options);
            default -> throw new UsageException(Text.of("teacher.kernel.engine", kind));
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
