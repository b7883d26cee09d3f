package netlab.kernel.cli;

import java.io.PrintStream;
import java.util.List;
import netlab.text.Text;

/** One subcommand of {@code netlab}: a name, one line of summary, its usage text and what it does. */
interface Command {

    String name();

    /** One line for {@code netlab --help}, in the reader's language (catalogue {@code usage.NAME.summary}). */
    default String summary() {
        return Text.of("usage." + name() + ".summary");
    }

    /**
     * The full help shown by {@code netlab NAME --help} and after a usage error: usage line, then one line per
     * option, in the reader's language (catalogue {@code usage.NAME}).
     */
    default String usage() {
        return Text.of("usage." + name());
    }

    /** Runs the command and returns the process exit status. Bad arguments throw {@link UsageException}. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
