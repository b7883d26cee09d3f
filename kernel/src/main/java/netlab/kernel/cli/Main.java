package netlab.kernel.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * The {@code netlab} command, and netlab's composition root: reads the environment and the arguments once,
 * then runs one subcommand.
 */
public final class Main {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(Map<String, String> env) {
        UserDirectories dirs = new UserDirectories(env);
        InstallCommand install = new InstallCommand(dirs);
        for (Command c : List.of(new CourseCommand(dirs, install), install, new UninstallCommand(dirs),
                new KernelCommand(env), new ReleaseCommand(), new RunCommand(env), new ValidateCommand(env),
                new GradeCommand(dirs))) {
            commands.put(c.name(), c);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> jvmOptions = GradingJvm.missingOptions(Arrays.asList(args), System.getenv());
        if (!jvmOptions.isEmpty()) {
            System.exit(GradingJvm.relaunch(Arrays.asList(args), jvmOptions));
        }
        Map<String, String> env = System.getenv();
        TerminalLanguage.of(env, System.out.charset()).ifPresent(Lang::use);
        int status = new Main(env).run(Arrays.asList(args), System.out, System.err);
        System.exit(status);
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h")
                || args.getFirst().equals("help") && args.size() == 1) {
            out.print(help());
            return args.isEmpty() ? 2 : 0;
        }
        if (args.getFirst().equals("help")) {
            return run(List.of(args.get(1), "--help"), out, err);
        }
        Command command = commands.get(args.getFirst());
        if (command == null && args.getFirst().startsWith("-")) {
            err.println("netlab: " + optionsFirst(args));
            return 2;
        }
        if (command == null) {
            err.println("netlab: " + Text.of("teacher.unknown.command", args.getFirst(),
                    String.join(", ", commands.keySet())));
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.usage());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("netlab " + command.name() + ": " + e.getMessage());
            err.print(command.usage());
            return 2;
        } catch (Exception e) {
            err.println("netlab " + command.name() + ": " + e);
            return 1;
        }
    }

    /**
     * What to type instead of options given before the command ({@code netlab --jobs 1 grade subs}): the same
     * words with the command first, when one is named; else where options go.
     */
    private String optionsFirst(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            if (commands.containsKey(args.get(i))) {
                List<String> fixed = new java.util.ArrayList<>(args.subList(i, args.size()));
                fixed.addAll(args.subList(0, i));
                return Text.of("teacher.options.first", "netlab " + String.join(" ", fixed));
            }
        }
        return Text.of("teacher.options.first.no-command", args.getFirst(), String.join(", ", commands.keySet()));
    }

    String help() {
        StringBuilder s = new StringBuilder(Text.of("usage.help"));
        commands.values().forEach(c -> s.append("  %-10s %s%n".formatted(c.name(), c.summary())));
        return s.append(Text.of("usage.help.footer")).toString();
    }
}
