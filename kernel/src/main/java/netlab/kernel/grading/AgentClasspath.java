package netlab.kernel.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grading agents' class path: copies of netlab's agent classes and the lessons in a temporary directory
 * holding nothing else but the agents' working directories. An answer can read {@code java.class.path}; were it
 * the install or build directory, the grader's jar and the lesson sources would be a sibling or a few parents
 * away. The agent sandbox hides everything around it. Deleted on close.
 */
public final class AgentClasspath implements AutoCloseable {

    private final Path dir;
    private final List<Path> entries;

    private AgentClasspath(Path dir, List<Path> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /**
     * Copies every entry (a jar, or a classes directory of a build) of {@code classpath} into {@code cp/} of a new
     * temporary directory, where the agents' working directories go too ({@link #directory()}).
     */
    public static AgentClasspath copyOf(List<Path> classpath) throws IOException {
        Path dir = Files.createTempDirectory("netlab-grading-");
        List<Path> entries = new ArrayList<>();
        try {
            Path cp = Files.createDirectories(dir.resolve("cp"));
            for (int i = 0; i < classpath.size(); i++) {
                Path from = classpath.get(i).toAbsolutePath();
                Path to = cp.resolve(i + "-" + from.getFileName());
                if (Files.isDirectory(from)) {
                    try (Stream<Path> walk = Files.walk(from)) {
                        for (Path p : (Iterable<Path>) walk::iterator) {
                            Path target = to.resolve(from.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                            }
                        }
                    }
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
                entries.add(to);
            }
        } catch (IOException | RuntimeException e) {
            GradingAgents.deleteQuietly(dir);
            throw e;
        }
        return new AgentClasspath(dir, entries);
    }

    public List<Path> entries() {
        return entries;
    }

    /** The directory holding the class path copy: all an agent needs of the file system besides the JDK. */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        GradingAgents.deleteQuietly(dir);
    }
}
