package netlab.kernel.cli;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code netlab install}: writes a kernelspec that Jupyter finds. The spec directory gets kernel.json,
 * logos, copies of both jars, so the kernel keeps working after the build tree changes, and the kernel's
 * and the agent's class archives ({@link ClassArchive}); kernel.json pins the absolute path of the JDK that ran the install.
 */
final class InstallCommand implements Command {

    static final String DEFAULT_NAME = "netlab";
    static final String DEFAULT_DISPLAY_NAME = "Java (netlab)";

    private final UserDirectories dirs;

    InstallCommand(UserDirectories dirs) {
        this.dirs = dirs;
    }

    @Override
    public String name() {
        return "install";
    }

    @Override
    public String summary() {
        return "install the netlab kernel so Jupyter can start it";
    }

    @Override
    public String usage() {
        return """
                usage: netlab install [--user | --sys-prefix | --prefix DIR] [--name N] [--display-name T]
                                      [--jvm-option OPT]... [--agent-option OPT]... [--no-class-archive]
                  --user            install for this user: Jupyter's data directory ($JUPYTER_DATA_DIR, else
                                    $XDG_DATA_HOME/jupyter, else $HOME/.local/share/jupyter), kernels/
                  --sys-prefix      install into the prefix of the Python running jupyter (a venv or conda env)
                  --prefix DIR      install into DIR/share/jupyter/kernels
                                    (none of the three: system-wide, /usr/local/share/jupyter/kernels)
                  --name N          kernelspec name (default: netlab); install twice under two names to compare
                  --display-name T  name shown in the launcher (default: Java (netlab))
                  --jvm-option OPT  option for the kernel JVM, e.g. --jvm-option=-Xmx256m (repeatable)
                  --agent-option OPT option for the JVM that runs student code, e.g. --agent-option=-Xmx1g
                                    (repeatable; the default heap of that JVM is 512 MB)
                  --no-class-archive  skip the kernel's and the agent's class archives (install takes a few
                                    seconds less; the kernel then needs ~10 MB more memory and starts slower)
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = install(arguments, out, err);
        String choose = "(choose \"" + args.value("display-name", DEFAULT_DISPLAY_NAME) + "\")";
        out.println(FrontEnd.find(dirs)
                .map(f -> "Open it in " + f.name() + ": " + String.join(" ", f.command()) + "   " + choose)
                .orElse("No JupyterLab or Jupyter Notebook was found to open it in: ./netlab course says what to "
                        + "install, and 'netlab run NOTEBOOK' runs a chapter without Jupyter"));
        return 0;
    }

    /** Installs as {@code arguments} say, prints where, and returns the arguments parsed. */
    Args install(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("user", "sys-prefix", "no-class-archive"),
                Set.of("prefix", "name", "display-name", "jvm-option", "agent-option"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException("install takes no positional arguments, but got " + args.positionals());
        }
        String name = args.value("name", DEFAULT_NAME);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException("--name '" + name + "' may only hold letters, digits, '.', '_' and '-'");
        }
        KernelSpecLocation location = KernelSpecLocation.from(args, dirs);
        NetlabHome home = NetlabHome.locate();
        Path dir = location.kernelsDir().resolve(name);
        Files.createDirectories(dir);

        Path kernelJar = dir.resolve(NetlabHome.KERNEL_JAR);
        copyIfDifferent(home.kernelJar(), kernelJar);
        copyIfDifferent(home.lessonsJar(), dir.resolve(NetlabHome.LESSONS_JAR));
        Logo.writeAll(dir);
        List<String> jvmOptions = new ArrayList<>(args.values("jvm-option"));
        List<String> agentOptions = new ArrayList<>(args.values("agent-option"));
        Path archive = dir.resolve(ClassArchive.FILE_NAME);
        Path agentArchive = dir.resolve(ClassArchive.AGENT_FILE_NAME);
        if (args.has("no-class-archive")) {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(agentArchive);
        } else {
            if (ClassArchive.create(javaExecutable(), kernelJar, jvmOptions, agentOptions, archive, agentArchive, err)) {
                jvmOptions.add(ClassArchive.useOption(archive));
            }
            if (Files.isRegularFile(agentArchive)) {
                agentOptions.add(ClassArchive.useOption(agentArchive));
            }
        }
        String spec = kernelJson(javaExecutable(), kernelJar, args.value("display-name", DEFAULT_DISPLAY_NAME),
                jvmOptions, agentOptions);
        Files.writeString(dir.resolve("kernel.json"), spec);

        out.println("Installed kernelspec " + name + " " + location.description() + " in " + dir);
        out.println("  JDK: " + javaExecutable());
        return args;
    }

    /** The kernel.json text: argv pins this JDK's java; {connection_file} is filled in by Jupyter. */
    static String kernelJson(Path java, Path kernelJar, String displayName, List<String> jvmOptions,
                             List<String> agentOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(KernelLaunch.DEFAULT_KERNEL_JVM_OPTIONS);
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(kernelJar.toString());
        argv.add("kernel");
        for (String option : agentOptions) {
            argv.add("--agent-option=" + option);
        }
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
    }

    private static void copyIfDifferent(Path from, Path to) throws java.io.IOException {
        if (!Files.exists(to) || !Files.isSameFile(from, to)) {
            Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
