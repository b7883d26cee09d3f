package netlab.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Jupyter front end installed on this machine, and the command that starts it. Looked up in the order a
 * teacher would want: JupyterLab, then the classic Notebook (Debian 12 packages only Notebook 6.4), each as its
 * own program on PATH, then as a module of {@code python3} (a pip install whose scripts are not on PATH).
 *
 * <pre>{@code
 * FrontEnd.find(dirs)   // Optional[FrontEnd[name=JupyterLab, command=[/usr/bin/jupyter-lab]]]
 * }</pre>
 *
 * @param name    what the teacher knows it as ("JupyterLab", "Jupyter Notebook")
 * @param command the program and its leading arguments
 */
record FrontEnd(String name, List<String> command) {

    private record Candidate(String name, String program, String module) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("JupyterLab", "jupyter-lab", "jupyterlab"),
            new Candidate("Jupyter Notebook", "jupyter-notebook", "notebook"));

    /** The first front end found, or empty when neither JupyterLab nor Notebook is installed. */
    static Optional<FrontEnd> find(UserDirectories dirs) {
        for (Candidate c : CANDIDATES) {
            Optional<Path> program = onPath(dirs, c.program());
            if (program.isPresent()) {
                return Optional.of(new FrontEnd(c.name(), List.of(program.get().toString())));
            }
        }
        Optional<Path> python = onPath(dirs, "python3");
        if (python.isPresent()) {
            for (Candidate c : CANDIDATES) {
                if (hasModule(python.get(), c.module())) {
                    return Optional.of(new FrontEnd(c.name(), List.of(python.get().toString(), "-m", c.module())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The full command that opens {@code courseDir}: as root, with {@code --allow-root} (Jupyter exits with
     * "Running as root is not recommended" otherwise); the teacher's own arguments last, so theirs win.
     */
    List<String> open(Path courseDir, boolean root, List<String> userArgs) {
        List<String> argv = new ArrayList<>(command);
        argv.add("--notebook-dir=" + courseDir);
        if (root && !userArgs.contains("--allow-root")) {
            argv.add("--allow-root");
        }
        argv.addAll(userArgs);
        return argv;
    }

    private static Optional<Path> onPath(UserDirectories dirs, String program) {
        return dirs.path().stream().map(d -> d.resolve(program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private static boolean hasModule(Path python, String module) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c",
                    "import importlib.util, sys; sys.exit(importlib.util.find_spec('" + module + "') is None)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
