package netlab.kernel.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code netlab}: a name, one line of summary, its usage text and what it does. */
interface Command {

    String name();

    /** One line for {@code netlab --help}. */
    String summary();

    /** The full help shown by {@code netlab NAME --help}: usage line, then one line per option. */
    String usage();

    /** Runs the command and returns the process exit status. Bad arguments throw {@link UsageException}. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
