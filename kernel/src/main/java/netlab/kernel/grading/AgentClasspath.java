package netlab.kernel.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grading agents' class path: copies of netlab's agent classes and the lessons in a temporary directory
 * holding nothing else. An answer can read {@code java.class.path}; were it the install or build directory,
 * the grader's jar and the lesson sources would be a sibling or a few parents away. Deleted on close.
 */
public final class AgentClasspath implements AutoCloseable {

    private final Path dir;
    private final List<Path> entries;

    private AgentClasspath(Path dir, List<Path> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /** Copies every entry (a jar, or a classes directory of a build) of {@code classpath}. */
    public static AgentClasspath copyOf(List<Path> classpath) throws IOException {
        Path dir = Files.createTempDirectory("netlab-agent-cp-");
        List<Path> entries = new ArrayList<>();
        try {
            for (int i = 0; i < classpath.size(); i++) {
                Path from = classpath.get(i).toAbsolutePath();
                Path to = dir.resolve(i + "-" + from.getFileName());
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
            delete(dir);
            throw e;
        }
        return new AgentClasspath(dir, entries);
    }

    public List<Path> entries() {
        return entries;
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }
}
