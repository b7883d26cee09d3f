package netlab.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import netlab.kernel.grading.NotebookRunner;
import netlab.kernel.grading.Validation;
import netlab.kernel.jshell.JShellEngine;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * {@code netlab validate NOTEBOOK}: what a student runs before submitting — runs the notebook with its public
 * checks and warns about edited locked cells, unanswered exercises and missing check cells.
 */
final class ValidateCommand implements Command {

    /** The environment the composition root ({@link Main}) read once. */
    private final java.util.Map<String, String> env;

    ValidateCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of(), Set.of("timeout"));
        Path file = RunCommand.notebookArgument(args);
        // checked before options() takes up the notebook's language and starts an agent, as in RunCommand
        java.time.Duration timeout = RunCommand.timeout(args);
        Notebook nb = RunCommand.readNotebook(file, args.positionals().getFirst());
        NotebookRunner.Result result;
        Set<String> shadowing;
        try (JShellEngine engine = JShellEngine.start(RunCommand.options(file, nb, env))) {
            result = new NotebookRunner(engine, timeout, out, err).run(nb);
            shadowing = engine.dropDeclarations(Set.of("netlab", "java"));
        }
        Lang lang = nb.language().orElse(Lang.current());
        List<String> warnings = Validation.warnings(nb, result, shadowing, lang);
        warnings.forEach(w -> out.println(Text.in(lang, "cli.validate.warning", w)));
        out.println(Text.in(lang, "cli.validate.summary", RunCommand.summary(result, lang), warnings.size()));
        boolean ok = result.ok() && warnings.isEmpty();
        out.println(Text.in(lang, ok ? "cli.validate.ready" : "cli.validate.fix"));
        return ok ? 0 : 1;
    }
}
