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
import netlab.text.Text;

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
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = install(arguments, out, err);
        String shown = args.value("display-name", DEFAULT_DISPLAY_NAME);
        out.println(FrontEnd.find(dirs)
                .map(f -> Text.of("teacher.install.open", f.name(), String.join(" ", f.command()), shown))
                .orElse(Text.of("teacher.install.no-front-end")));
        return 0;
    }

    /** Installs as {@code arguments} say, prints where, and returns the arguments parsed. */
    Args install(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("user", "sys-prefix", "no-class-archive"),
                Set.of("prefix", "name", "display-name", "jvm-option", "agent-option"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException(Text.of("teacher.install.no-positionals", args.positionals()));
        }
        String name = args.value("name", DEFAULT_NAME);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException(Text.of("teacher.install.name", name));
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

        out.println(Text.of("teacher.install.done", name, location.description(), dir));
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
