package netlab.kernel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import netlab.text.Text;

/** {@code netlab uninstall}: removes a kernelspec that {@code netlab install} wrote, and nothing else. */
final class UninstallCommand implements Command {

    private final UserDirectories dirs;

    UninstallCommand(UserDirectories dirs) {
        this.dirs = dirs;
    }

    @Override
    public String name() {
        return "uninstall";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("user", "sys-prefix"), Set.of("prefix", "name"));
        String name = args.value("name", InstallCommand.DEFAULT_NAME);
        KernelSpecLocation location = KernelSpecLocation.from(args, dirs);
        Path dir = location.kernelsDir().resolve(name);
        Path spec = dir.resolve("kernel.json");
        if (!Files.isRegularFile(spec)) {
            err.println("netlab uninstall: " + Text.of("teacher.uninstall.none", name, location.description(), dir));
            return 1;
        }
        if (!Files.isRegularFile(dir.resolve(NetlabHome.KERNEL_JAR))) {
            err.println("netlab uninstall: " + Text.of("teacher.uninstall.foreign", dir, NetlabHome.KERNEL_JAR, name));
            return 1;
        }
        deleteTree(dir);
        out.println(Text.of("teacher.uninstall.done", name, dir));
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
