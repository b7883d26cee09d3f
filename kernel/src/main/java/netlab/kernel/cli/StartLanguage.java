package netlab.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;

/**
 * The language a kernel's student reads, known when the kernel starts: the {@code metadata.netlab.language} of
 * the notebook it was started for, else this JVM's ({@link Lang#current()}: {@code -Dnetlab.lang}, else the
 * locale). jupyter_server 2.x starts a notebook's kernel in the notebook's directory with {@code JPY_SESSION_NAME}
 * naming the notebook: an absolute path, or the path relative to the server's root, so the file's own name in
 * the working directory is tried too. Front ends that set no such variable (Notebook 6, nbclient) start the kernel
 * in the notebook's directory too: the course keeps each language's chapters in a folder named {@code zh} or
 * {@code en} ({@code notebooks/zh}, {@code ~/course/zh} in the image), so that folder's name says the language
 * without reading a file; elsewhere the JVM's language holds until a {@code %lang zh}.
 */
final class StartLanguage {

    /** The environment variable jupyter_server sets to the notebook's path. */
    static final String SESSION_NAME = "JPY_SESSION_NAME";

    private StartLanguage() {
    }

    /**
     * The student's language at start: the notebook's, else this JVM's. Plain loops, no lambda or stream: this runs
     * before the session can start, where the first link of the method reference it had took 3-6 ms (traces of 3
     * starts; the AOT cache's training run now passes here too).
     */
    static Lang of(Map<String, String> environment, Path workingDirectory) {
        Optional<Path> notebook = sessionNotebook(environment, workingDirectory);
        Optional<Lang> named = notebook.isPresent() ? languageOf(notebook.get()) : Optional.empty();
        if (named.isEmpty()) {
            named = courseFolder(workingDirectory);
        }
        return named.orElse(Lang.current());
    }

    /** The language a course folder is named after ({@code .../zh}, {@code .../en}), if the directory is one. */
    static Optional<Lang> courseFolder(Path directory) {
        Path name = directory.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        for (Lang lang : Lang.values()) {
            if (lang.tag().equals(name.toString())) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The notebook {@value #SESSION_NAME} names, if it is a file that can be found. */
    static Optional<Path> sessionNotebook(Map<String, String> environment, Path workingDirectory) {
        String name = environment.get(SESSION_NAME);
        if (name == null || !name.endsWith(".ipynb")) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try {
            Path p = Path.of(name);
            candidates.add(p.isAbsolute() ? p : workingDirectory.resolve(p));
            candidates.add(workingDirectory.resolve(p.getFileName()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Lang> languageOf(Path notebook) {
        try {
            return Notebook.languageOf(notebook);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable notebook starts in the JVM's language
        }
    }
}
