package netlab.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.text.Text;

/**
 * {@code netlab course}: installs the kernel for this user and opens the course in the Jupyter front end
 * this machine has ({@link FrontEnd}), passing the teacher's Jupyter arguments through. {@code ./netlab course}
 * calls it with {@code --print0} and then {@code exec}s the command it prints, so Jupyter is the process the
 * terminal's Ctrl-C reaches.
 */
final class CourseCommand implements Command {

    /** Exit status when no front end is installed: {@code ./netlab} then says what to install on this system. */
    static final int NO_FRONT_END = 3;

    private final UserDirectories dirs;
    private final InstallCommand install;

    CourseCommand(UserDirectories dirs, InstallCommand install) {
        this.dirs = dirs;
        this.install = install;
    }

    @Override
    public String name() {
        return "course";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("print0"), Set.of("course"));
        Path course = args.has("course") ? Path.of(args.value("course", "")).toAbsolutePath().normalize()
                : checkoutNotebooks();
        if (!Files.isDirectory(course)) {
            throw new UsageException(Text.of("teacher.course.no-dir", course));
        }
        install.install(List.of("--user"), err, err);
        Optional<FrontEnd> found = FrontEnd.find(dirs);
        if (found.isEmpty()) {
            err.println("netlab course: " + Text.of("teacher.course.no-front-end"));
            return NO_FRONT_END;
        }
        FrontEnd frontEnd = found.get();
        boolean root = UserDirectories.root();
        List<String> command = frontEnd.open(course, root, args.positionals());
        if (root && !args.positionals().contains("--allow-root")) {
            err.println("netlab course: " + Text.of("teacher.course.root", frontEnd.name()));
        }
        err.println("netlab course: "
                + Text.of("teacher.course.opening", course, frontEnd.name(), String.join(" ", command)));
        if (args.has("print0")) {
            for (String word : command) {
                out.print(word);
                out.print('\0');
            }
            out.flush();
            return 0;
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** {@code notebooks/} of the source checkout this jar was built in ({@code kernel/target/netlab.jar}). */
    private static Path checkoutNotebooks() {
        return NetlabHome.codeSource().toAbsolutePath().getParent().resolve("../../notebooks").normalize();
    }
}
