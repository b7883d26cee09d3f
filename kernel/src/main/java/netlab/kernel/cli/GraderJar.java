package netlab.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where {@code netlab-grader.jar} is: beside netlab.jar (installed) or in {@code grader/target} (built). */
final class GraderJar {

    static final String NAME = "netlab-grader.jar";

    private GraderJar() {
    }

    static Optional<Path> locate() {
        Path self = NetlabHome.codeSource().toAbsolutePath();
        Path dir = self.getParent(); // kernel/target for both kernel/target/netlab.jar and kernel/target/classes
        for (Path candidate : List.of(dir.resolve(NAME), dir.resolve("../../grader/target/" + NAME).normalize())) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
