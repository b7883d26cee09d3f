package netlab.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The current user's directories, found the way Jupyter and the shell find them: from the environment
 * {@link Main} read once. Java's {@code user.home} comes from the password database and ignores {@code HOME},
 * so a kernel installed with {@code HOME=/somewhere} would land where Jupyter never looks; netlab asks this
 * class instead, everywhere.
 *
 * <pre>{@code
 * new UserDirectories(Map.of("HOME", "/home/ann")).jupyterData()   // /home/ann/.local/share/jupyter
 * }</pre>
 */
record UserDirectories(Map<String, String> env) {

    UserDirectories {
        env = Map.copyOf(env);
    }

    /** {@code $HOME}, else the password database's home ({@code user.home}). */
    Path home() {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /**
     * Jupyter's per-user data directory ({@code jupyter --data-dir}): {@code $JUPYTER_DATA_DIR} (as given), else
     * {@code $XDG_DATA_HOME/jupyter}, else {@code $HOME/.local/share/jupyter} (Linux; as jupyter_core 5 does).
     */
    Path jupyterData() {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).toAbsolutePath();
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jupyter");
        }
        return home().resolve(".local/share/jupyter");
    }

    /** The directories of {@code $PATH}, in order (an empty entry is the working directory). */
    List<Path> path() {
        return Arrays.stream(env.getOrDefault("PATH", "").split(":", -1))
                .map(d -> Path.of(d.isEmpty() ? "." : d)).toList();
    }

    /** Whether this process runs as root (uid 0): Jupyter refuses to start as root without --allow-root. */
    static boolean root() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
